"""Local income policy per gemeente: which named rekenvarianten (reforms of the rules engine)
apply to its calculations, and the gemeente's own settings for applications, decisions, letters,
payments and bijzondere bijstand."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel
from meedoen.rules.reforms import REFORMS


def valideer_rekenvarianten(namen) -> None:
    if not isinstance(namen, list) or any(naam not in REFORMS for naam in namen):
        raise ValidationError(
            _("Kies alleen bekende rekenvarianten: %(bekend)s.")
            % {"bekend": ", ".join(sorted(REFORMS))}
        )


class Inkomensbeleid(BaseModel):
    gemeente = models.OneToOneField(
        "core.Gemeente", on_delete=models.PROTECT, related_name="inkomensbeleid"
    )
    rekenvarianten = models.JSONField(
        _("rekenvarianten"), default=list, blank=True, validators=[valideer_rekenvarianten]
    )
    # Bijstand with retroactive effect: the law allows up to 3 months where the gemeente does.
    terugwerkende_kracht_maanden = models.PositiveSmallIntegerField(
        _("maanden terugwerkende kracht"), default=0, validators=[MaxValueValidator(3)]
    )
    # A decision above this monthly amount, or with a manual correction, needs a second person.
    vier_ogen_grens_cent = models.PositiveIntegerField(
        _("vier-ogengrens per maand (eurocent)"), default=150000
    )
    # Letters: who the resident can call, and the gemeente's paying account (SEPA debtor).
    telefoonnummer = models.CharField(_("telefoonnummer voor inwoners"), max_length=20, blank=True)
    postadres = models.CharField(_("postadres voor bezwaar"), max_length=200, blank=True)
    rekening_iban = models.CharField(_("IBAN van de gemeente"), max_length=34, blank=True)
    rekening_bic = models.CharField(_("BIC van de gemeente"), max_length=11, blank=True)
    rekening_naam = models.CharField(_("naam rekeninghouder"), max_length=70, blank=True)
    # Vakantiegeld (art. 19 lid 3) is reserved each month and paid out in this month.
    vakantiegeld_maand = models.PositiveSmallIntegerField(
        _("maand waarin het vakantiegeld wordt uitbetaald"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    # Bijzondere bijstand: draagkracht = percentage of income above the draagkrachtvrije voet
    # (a percentage of the applicable norm), over a period in months. Local policy, not law.
    draagkrachtvrije_voet_percentage = models.PositiveSmallIntegerField(
        _("draagkrachtvrije voet (% van de norm)"),
        default=100,
        validators=[MinValueValidator(100), MaxValueValidator(150)],
    )
    draagkracht_percentage = models.PositiveSmallIntegerField(
        _("draagkrachtpercentage"), default=50, validators=[MaxValueValidator(100)]
    )
    draagkracht_periode_maanden = models.PositiveSmallIntegerField(
        _("draagkrachtperiode (maanden)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    # A toekenning of bijzondere bijstand above this amount needs a second person.
    bijzondere_vier_ogen_grens_cent = models.PositiveIntegerField(
        _("vier-ogengrens bijzondere bijstand (eurocent)"), default=100000
    )

    class Meta:
        verbose_name = _("inkomensbeleid")
        verbose_name_plural = _("inkomensbeleid")

    def __str__(self) -> str:
        return f"{self.gemeente}: {', '.join(self.rekenvarianten) or '-'}"


class KostenCategorie(BaseModel):
    """A kind of cost the gemeente gives bijzondere bijstand for (its own catalogue)."""

    gemeente = models.ForeignKey(
        "core.Gemeente", on_delete=models.PROTECT, related_name="kostencategorieen"
    )
    naam = models.CharField(_("naam"), max_length=100)
    maximum_cent = models.PositiveIntegerField(_("maximum (eurocent)"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("kostencategorie")
        verbose_name_plural = _("kostencategorieën")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="kostencategorie_uniek")
        ]

    def __str__(self) -> str:
        return self.naam
