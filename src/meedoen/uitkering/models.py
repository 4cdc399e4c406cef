"""Local income policy per gemeente: which named rekenvarianten (reforms of the rules engine)
apply to its calculations."""

from django.core.exceptions import ValidationError
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

    class Meta:
        verbose_name = _("inkomensbeleid")
        verbose_name_plural = _("inkomensbeleid")

    def __str__(self) -> str:
        return f"{self.gemeente}: {', '.join(self.rekenvarianten) or '-'}"
