"""Tasks (taken) for staff, their append-only status rows, school-leavers in view and the
per-gemeente settings of the signals."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel, GemeenteScopedModel


class TaakSoort(models.TextChoices):
    GESPREK_AFSPRAAK = "gesprek_afspraak", _("Gesprek over een afspraak die niet is nagekomen")
    ONTHEFFING_HERBEOORDELEN = "ontheffing_herbeoordelen", _("Ontheffing herbeoordelen")
    VERJAARDAG = "verjaardag", _("Verjaardag met gevolgen (18, 21 of 27 jaar)")
    HUISHOUDEN_GEWIJZIGD = "huishouden_gewijzigd", _("Huishouden gewijzigd")
    VERWIJZING_ZONDER_TERUGKOPPELING = (
        "verwijzing_zonder_terugkoppeling",
        _("Verwijzing zonder terugkoppeling"),
    )
    SCHOOLVERLATER = "schoolverlater", _("Jongere verlaat binnenkort school")
    OVERIG = "overig", _("Overige taak")


class TaakBron(models.TextChoices):
    SYSTEEM = "systeem", _("afgeleid uit het dossier")
    MEDEWERKER = "medewerker", _("door een medewerker")
    IMPORT = "import", _("uit een import")


class TaakStatus(models.TextChoices):
    OPEN = "open", _("open")
    AFGEROND = "afgerond", _("afgerond")
    VERVALLEN = "vervallen", _("vervallen")


# Allowed status changes: from -> {to}. Anything else is refused.
TAAK_OVERGANGEN: dict[str, frozenset[str]] = {
    TaakStatus.OPEN: frozenset({TaakStatus.AFGEROND, TaakStatus.VERVALLEN}),
    TaakStatus.AFGEROND: frozenset(),
    TaakStatus.VERVALLEN: frozenset(),
}


class Taak(GemeenteScopedModel):
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, null=True, blank=True, related_name="taken"
    )
    # A school-leaver not (yet) known as a resident is still in view through this link.
    schoolverlater = models.ForeignKey(
        "signalen.Schoolverlater", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    soort = models.CharField(_("soort"), max_length=40, choices=TaakSoort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=500)
    vervaldatum = models.DateField(_("uiterlijk"))
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="taken",
        verbose_name=_("toegewezen aan"),
    )
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="taken"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TaakStatus.choices, default=TaakStatus.OPEN
    )
    bron = models.CharField(_("bron"), max_length=20, choices=TaakBron.choices)
    # Makes derived tasks idempotent: one task per source event (e.g. "verjaardag:18:<uuid>").
    bron_sleutel = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        ordering = ["vervaldatum", "aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "bron_sleutel"],
                condition=~models.Q(bron_sleutel=""),
                name="taak_bron_sleutel_uniek",
            )
        ]
        indexes = [
            models.Index(fields=["toegewezen_aan", "status", "vervaldatum"]),
            models.Index(fields=["team", "status", "vervaldatum"]),
        ]

    def __str__(self) -> str:
        return self.omschrijving


class TaakStatusWijziging(BaseModel):
    """Append-only: every status a task had, who set it and why."""

    taak = models.ForeignKey(Taak, on_delete=models.PROTECT, related_name="statussen")
    status = models.CharField(_("status"), max_length=20, choices=TaakStatus.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        ordering = ["aangemaakt_op"]


class SignaalInstelling(GemeenteScopedModel):
    """Per-gemeente settings of the signals."""

    schoolverlaters_maanden_vooraf = models.PositiveSmallIntegerField(
        _("maanden voor de schooldatum een taak maken"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )

    class Meta:
        verbose_name = _("instelling signalen")
        constraints = [
            models.UniqueConstraint(fields=["gemeente"], name="signaalinstelling_per_gemeente")
        ]


class SchoolverlatersImport(GemeenteScopedModel):
    bestandsnaam = models.CharField(_("bestand"), max_length=255)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aantal_ingelezen = models.PositiveIntegerField(default=0)
    # [{"regel": 3, "melding": "..."}]: the rows that were not imported and why.
    fouten = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]


class Schoolverlater(GemeenteScopedModel):
    persoon = models.ForeignKey(
        "clients.Persoon",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schoolverlatersregels",
    )
    import_bestand = models.ForeignKey(
        SchoolverlatersImport, on_delete=models.PROTECT, related_name="regels"
    )
    voornamen = models.CharField(_("voornamen"), max_length=200)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    geboortedatum = models.DateField(_("geboortedatum"))
    school = models.CharField(_("school"), max_length=200)
    onderwijssoort = models.CharField(_("soort onderwijs"), max_length=100)
    verwachte_uitstroom = models.DateField(_("verwachte datum van school af"))
    contact = models.CharField(_("contact"), max_length=200, blank=True)

    class Meta:
        ordering = ["verwachte_uitstroom"]

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in [self.voornamen, self.tussenvoegsel, self.achternaam] if p)
