"""Residents (personen) and their households, with who belonged when in which role."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.clients.normalize import zoeksleutel
from meedoen.clients.validators import valideer_bsn
from meedoen.core.models import GemeenteScopedModel

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Z]{2}$", _("Vul een postcode in zoals 1234 AB.")
)


# The personal details a caseworker registers and may change (forms, services and the API).
PERSOON_GEGEVENS = (
    "bsn",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "telefoon",
    "email",
    "straat",
    "huisnummer",
    "huisnummertoevoeging",
    "postcode",
    "woonplaats",
)


class Persoon(GemeenteScopedModel):
    bsn = models.CharField(_("BSN"), max_length=9, validators=[valideer_bsn])
    voornamen = models.CharField(_("voornamen"), max_length=200)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    geboortedatum = models.DateField(_("geboortedatum"))
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=10, blank=True)
    huisnummertoevoeging = models.CharField(_("toevoeging"), max_length=10, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, validators=[postcode_validator]
    )
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    # Derived search key (names without diacritics); kept in step by the services.
    zoeknaam = models.CharField(max_length=500, editable=False, db_index=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["achternaam", "voornamen"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "bsn"], name="persoon_bsn_uniek_per_gemeente"
            )
        ]
        indexes = [models.Index(fields=["gemeente", "geboortedatum"])]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in [self.voornamen, self.tussenvoegsel, self.achternaam] if p)

    @property
    def adres(self) -> str:
        nummer = f"{self.huisnummer}{self.huisnummertoevoeging}".strip()
        regel1 = " ".join(p for p in [self.straat, nummer] if p)
        regel2 = " ".join(p for p in [self.postcode, self.woonplaats] if p)
        return ", ".join(p for p in [regel1, regel2] if p)

    def bijwerken_zoeknaam(self) -> None:
        self.zoeknaam = zoeksleutel(self.volledige_naam)


class Huishouden(GemeenteScopedModel):
    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")


class HuishoudRol(models.TextChoices):
    AANVRAGER = "aanvrager", _("aanvrager")
    PARTNER = "partner", _("partner")
    KIND = "kind", _("kind")
    MEDEBEWONER = "medebewoner", _("medebewoner")


class Lidmaatschap(GemeenteScopedModel):
    """A person's membership of a household in one role, valid from `van` until `tot`
    (exclusive; empty while it lasts). Rows are ended, never overwritten, so the household on
    any date can be reconstructed."""

    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="leden")
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="lidmaatschappen")
    rol = models.CharField(_("rol"), max_length=20, choices=HuishoudRol.choices)
    van = models.DateField(_("vanaf"))
    tot = models.DateField(_("tot"), null=True, blank=True)
    reden_begin = models.CharField(_("reden begin"), max_length=300)
    reden_einde = models.CharField(_("reden einde"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("lidmaatschap van een huishouden")
        verbose_name_plural = _("lidmaatschappen van huishoudens")
        ordering = ["van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__isnull=True) | models.Q(tot__gt=models.F("van")),
                name="lidmaatschap_tot_na_van",
            )
        ]
