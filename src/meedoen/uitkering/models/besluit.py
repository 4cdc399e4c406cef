from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class Besluit(GemeenteScopedModel):
    """A decision on algemene bijstand, taken by a person, with the calculation it rests on kept
    as it was. A decision above the gemeente's four-eyes limit, or with a manual correction, is
    only final once a second person approves it."""

    class Soort(models.TextChoices):
        TOEKENNING = "toekenning", _("Toekenning")
        AFWIJZING = "afwijzing", _("Afwijzing")
        BUITEN_BEHANDELING = "buiten_behandeling", _("Buiten behandeling")
        WIJZIGING = "wijziging", _("Wijziging")
        BEEINDIGING = "beeindiging", _("Beëindiging")

    class Status(models.TextChoices):
        WACHT_OP_ACCORDERING = "wacht", _("Wacht op accordering")
        VASTGESTELD = "vastgesteld", _("Vastgesteld")
        TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd")

    aanvraag = models.ForeignKey(
        "uitkering.Aanvraag",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
    )
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="besluiten"
    )
    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="besluiten"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    status = models.CharField(_("status"), max_length=15, choices=Status.choices)
    ingangsdatum = models.DateField(_("ingangsdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    bedrag_per_maand_cent = models.IntegerField(
        _("bedrag per maand (eurocent)"), null=True, blank=True
    )
    # The engine's input and complete answer (with explanation and parameters used).
    situatie = models.JSONField(_("situatie"), default=dict)
    berekening = models.JSONField(_("berekening"), default=dict)
    correctie_cent = models.IntegerField(_("handmatige correctie (eurocent)"), default=0)
    correctie_reden = models.TextField(_("reden correctie"), blank=True)
    gronden = models.TextField(_("gronden"))
    verplichtingen = models.JSONField(_("verplichtingen"), default=list, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    tenaamstelling = models.CharField(_("tenaamstelling rekening"), max_length=70, blank=True)
    contactpersoon = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_telefoon = models.CharField(_("telefoon contactpersoon"), max_length=20, blank=True)
    beslist_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    beslist_op = models.DateTimeField(_("beslist op"))
    geaccordeerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geaccordeerd_op = models.DateTimeField(_("geaccordeerd op"), null=True, blank=True)
    accordering_toelichting = models.TextField(_("toelichting accordering"), blank=True)
    # What the beschikking needs beyond the decision itself (letter date, the resident's name
    # and address, the gemeente's bezwaar address), kept as it was when the letter was made so
    # that regenerating the letter gives the same bytes.
    briefgegevens = models.JSONField(_("gegevens voor de brief"), default=dict, blank=True)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["-beslist_op"]
        constraints = [
            # Four eyes: the approver is never the decider (enforced in the database too).
            models.CheckConstraint(
                condition=~models.Q(geaccordeerd_door=models.F("beslist_door")),
                name="besluit_vier_ogen",
            )
        ]

    def __str__(self) -> str:
        return f"besluit {self.pk}"
