from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel

_GEWICHT = [MinValueValidator(0), MaxValueValidator(10)]


class Werkbeleid(BaseModel):
    """A gemeente's work policy: the matching weights it tunes, and whether it offers recht op
    werk (a contract with the gemeente instead of a benefit)."""

    gemeente = models.OneToOneField(
        "core.Gemeente", on_delete=models.PROTECT, related_name="werkbeleid"
    )
    recht_op_werk = models.BooleanField(_("recht op werk"), default=False)
    # Weights are tuning knobs for a ranking, not money: floats are fine here.
    gewicht_beroep_exact = models.FloatField(
        _("gewicht ervaring in het beroep"), default=3.0, validators=_GEWICHT
    )
    gewicht_beroep_verwant = models.FloatField(
        _("gewicht verwant beroep"), default=1.5, validators=_GEWICHT
    )
    gewicht_vaardigheden = models.FloatField(
        _("gewicht vaardigheden"), default=2.0, validators=_GEWICHT
    )
    gewicht_uren = models.FloatField(_("gewicht uren"), default=1.0, validators=_GEWICHT)
    gewicht_afstand = models.FloatField(_("gewicht afstand"), default=1.0, validators=_GEWICHT)
    gewicht_opleiding = models.FloatField(_("gewicht opleiding"), default=1.0, validators=_GEWICHT)
    gewicht_wensen = models.FloatField(
        _("gewicht wensen van de inwoner"), default=1.5, validators=_GEWICHT
    )

    class Meta:
        verbose_name = _("werkbeleid")
        verbose_name_plural = _("werkbeleid")

    def __str__(self) -> str:
        return str(self.gemeente)
