from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class VacatureImport(GemeenteScopedModel):
    """An uploaded CSV file of vacancies, checked row by row before anything is imported. The
    file is kept with its report so the user can read the errors and then confirm: only the
    rows that are still valid at that moment are imported, in one transaction."""

    class Status(models.TextChoices):
        GECONTROLEERD = "gecontroleerd", _("Gecontroleerd, nog niet ingelezen")
        INGELEZEN = "ingelezen", _("Ingelezen")

    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    inhoud = models.TextField(_("inhoud van het bestand"))
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.GECONTROLEERD
    )
    aantal_regels = models.PositiveIntegerField(_("aantal regels"), default=0)
    aantal_goed = models.PositiveIntegerField(_("aantal goede regels"), default=0)
    # [{"rij": 4, "melding": "..."}], in file order
    fouten = models.JSONField(_("fouten per rij"), default=list, blank=True)
    aantal_ingelezen = models.PositiveIntegerField(_("aantal ingelezen"), default=0)
    ingelezen_op = models.DateTimeField(_("ingelezen op"), null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("import van vacatures")
        verbose_name_plural = _("imports van vacatures")
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return self.bestandsnaam
