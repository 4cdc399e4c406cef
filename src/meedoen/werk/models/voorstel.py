from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel, GemeenteScopedModel


class Voorstel(GemeenteScopedModel):
    """A resident proposed for a vacancy or a maatschappelijke baan. The status is the latest of
    its append-only `VoorstelStatus` rows, so the report can count every step taken."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Voorgesteld")
        GESPREK = "gesprek", _("Gesprek")
        GEPLAATST = "geplaatst", _("Geplaatst")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="werkvoorstellen"
    )
    vacature = models.ForeignKey(
        "werk.Vacature", on_delete=models.PROTECT, null=True, blank=True, related_name="voorstellen"
    )
    baan = models.ForeignKey(
        "werk.MaatschappelijkeBaan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voorstellen",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VOORGESTELD
    )
    # The score and reasons when proposed, kept so the report can learn from them later.
    score = models.DecimalField(_("score"), max_digits=4, decimal_places=1, null=True, blank=True)
    redenen = models.JSONField(_("redenen"), default=list, blank=True)
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(vacature__isnull=False, baan__isnull=True)
                | models.Q(vacature__isnull=True, baan__isnull=False),
                name="voorstel_voor_vacature_of_baan",
            )
        ]

    def __str__(self) -> str:
        return f"voorstel {self.pk}"


class VoorstelStatus(BaseModel):
    voorstel = models.ForeignKey(Voorstel, on_delete=models.CASCADE, related_name="statussen")
    status = models.CharField(_("status"), max_length=12, choices=Voorstel.Status.choices)
    afwijsreden = models.CharField(_("reden van afwijzing"), max_length=300, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("status van een voorstel")
        verbose_name_plural = _("statussen van voorstellen")
        ordering = ["aangemaakt_op"]
