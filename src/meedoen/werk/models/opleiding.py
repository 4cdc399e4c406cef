from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class Opleiding(GemeenteScopedModel):
    """An entry in the gemeente's catalogue of courses and leerwerktrajecten, with the skills and
    occupations it leads to, so a skill gap can be answered with a concrete offer."""

    class Soort(models.TextChoices):
        CURSUS = "cursus", _("Cursus")
        LEERWERKTRAJECT = "leerwerktraject", _("Leerwerktraject")
        CERTIFICAAT = "certificaat", _("Certificaat")

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    aanbieder = models.CharField(_("aanbieder"), max_length=200, blank=True)
    vaardigheden = models.JSONField(_("vaardigheden die het oplevert"), default=list, blank=True)
    beroepen = models.JSONField(_("beroepen waar het toe leidt"), default=list, blank=True)
    duur_weken = models.PositiveSmallIntegerField(_("duur in weken"), null=True, blank=True)
    kosten_cent = models.PositiveIntegerField(_("kosten (eurocent)"), default=0)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("opleiding")
        verbose_name_plural = _("opleidingen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam
