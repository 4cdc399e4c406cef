from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel, GemeenteScopedModel


class Inkomstenopgave(GemeenteScopedModel):
    """The income a household had in one month, as reported (entered by staff for now)."""

    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="inkomstenopgaven"
    )
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="inkomstenopgaven"
    )
    maand = models.DateField(_("maand"), help_text=_("De eerste dag van de maand."))
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("inkomstenopgave")
        verbose_name_plural = _("inkomstenopgaven")
        ordering = ["-maand"]
        constraints = [
            models.UniqueConstraint(
                fields=["huishouden", "maand"], name="inkomstenopgave_per_maand"
            )
        ]

    def __str__(self) -> str:
        return f"inkomstenopgave {self.maand:%Y-%m}"


class GeldendeRegels(models.Manager):
    """Only the rows that count now. A correction never deletes rows: it marks them
    `vervangen_op`, so the income a paid month was calculated on, and its payslips, stay."""

    def get_queryset(self):
        return super().get_queryset().filter(vervangen_op__isnull=True)


class Inkomstenregel(BaseModel):
    class Bron(models.TextChoices):
        LOON = "loon", _("Loon uit werk")
        UITKERING = "uitkering", _("Andere uitkering")
        ALIMENTATIE = "alimentatie", _("Alimentatie")
        OVERIG = "overig", _("Overig inkomen")

    opgave = models.ForeignKey(Inkomstenopgave, on_delete=models.CASCADE, related_name="regels")
    persoon = models.ForeignKey("clients.Persoon", on_delete=models.PROTECT, related_name="+")
    bron = models.CharField(_("bron"), max_length=12, choices=Bron.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    netto_cent = models.PositiveIntegerField(_("netto bedrag (eurocent)"))
    loonstrook = models.FileField(_("loonstrook"), upload_to="loonstroken/%Y/%m/", blank=True)
    # Set when a correction of the opgave replaced this row; it then no longer counts.
    vervangen_op = models.DateTimeField(_("vervangen op"), null=True, blank=True)
    vervangen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # The default manager (and so `opgave.regels`) gives the current rows only; `alle` also
    # the replaced ones (history, payslip downloads).
    objects = GeldendeRegels()
    alle = models.Manager()

    class Meta:
        base_manager_name = "alle"
        verbose_name = _("inkomstenregel")
        verbose_name_plural = _("inkomstenregels")
