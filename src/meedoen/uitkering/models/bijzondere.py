from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class BijzondereBijstand(GemeenteScopedModel):
    """A request for a specific necessary cost (art. 35), weighed against the household's
    draagkracht under the gemeente's policy, decided by a person and paid through the runs.

    The draagkracht is empty while it cannot be calculated (no legal amounts for the month
    yet). A toekenning above the gemeente's limit, or with a maatwerk amount, waits for a
    second person: only status toegekend is final and paid."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Ingediend")
        WACHT_OP_ACCORDERING = "wacht", _("Wacht op accordering")
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="bijzondere_bijstand"
    )
    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="bijzondere_bijstand"
    )
    categorie = models.ForeignKey(
        "uitkering.KostenCategorie", on_delete=models.PROTECT, related_name="aanvragen"
    )
    omschrijving = models.TextField(_("omschrijving van de kosten"))
    bedrag_cent = models.PositiveIntegerField(_("gevraagd bedrag (eurocent)"))
    bewijs = models.FileField(_("bewijsstuk"), upload_to="bijzondere_bijstand/%Y/%m/", blank=True)
    ingediend_op = models.DateField(_("ingediend op"))
    # The household's net income per month as registered; the draagkracht is (re)calculated
    # from it. Empty for requests stored before this field existed (see `draagkracht`).
    inkomen_cent = models.PositiveIntegerField(
        _("netto inkomen per maand (eurocent)"), null=True, blank=True
    )
    # Where a toekenning is paid (the payment run reads these).
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    tenaamstelling = models.CharField(_("tenaamstelling rekening"), max_length=70, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INGEDIEND
    )
    draagkracht = models.JSONField(_("draagkrachtberekening"), default=dict, blank=True)
    # The amount of a toekenning that waits for approval; toegekend_cent once it is final.
    voorgesteld_cent = models.PositiveIntegerField(
        _("bedrag in het besluit (eurocent)"), null=True, blank=True
    )
    toegekend_cent = models.PositiveIntegerField(
        _("toegekend bedrag (eurocent)"), null=True, blank=True
    )
    # Why the amount differs from the calculation (art. 35: maatwerk); empty when it does not.
    maatwerk_reden = models.TextField(_("reden ander bedrag"), blank=True)
    gronden = models.TextField(_("gronden"), blank=True)
    beslist_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beslist_op = models.DateTimeField(_("beslist op"), null=True, blank=True)
    # The second person: who approved, or who sent the decision back and why.
    geaccordeerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geaccordeerd_op = models.DateTimeField(_("geaccordeerd op"), null=True, blank=True)
    accordering_toelichting = models.TextField(_("toelichting accordering"), blank=True)

    class Meta:
        verbose_name = _("bijzondere bijstand")
        verbose_name_plural = _("bijzondere bijstand")
        ordering = ["-ingediend_op"]
        constraints = [
            # Four eyes: the approver is never the decider (enforced in the database too).
            models.CheckConstraint(
                condition=~models.Q(geaccordeerd_door=models.F("beslist_door")),
                name="bijzondere_vier_ogen",
            )
        ]

    def __str__(self) -> str:
        return f"bijzondere bijstand {self.pk}"
