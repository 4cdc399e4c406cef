from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class Arbeidscontract(GemeenteScopedModel):
    """Recht op werk: an employment contract between the gemeente and the resident instead of a
    benefit, with the income comparison that justified it, kept as computed."""

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="arbeidscontracten"
    )
    plaatsing = models.ForeignKey(
        "werk.Plaatsing", on_delete=models.PROTECT, null=True, blank=True, related_name="contracten"
    )
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    bruto_uurloon_cent = models.PositiveIntegerField(_("bruto uurloon (eurocent)"))
    bruto_maandloon_cent = models.PositiveIntegerField(_("bruto maandloon (eurocent)"))
    netto_maandloon_cent = models.PositiveIntegerField(_("netto maandloon (eurocent)"))
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    inkomensvergelijking = models.JSONField(_("inkomensvergelijking"), default=dict)
    beeindigd_op = models.DateField(_("beëindigd op"), null=True, blank=True)
    beeindigingsreden = models.CharField(_("reden van beëindiging"), max_length=300, blank=True)
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("arbeidscontract")
        verbose_name_plural = _("arbeidscontracten")
        ordering = ["-begindatum"]

    def __str__(self) -> str:
        return f"arbeidscontract {self.pk}"
