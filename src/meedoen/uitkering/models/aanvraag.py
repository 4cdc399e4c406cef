from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel, GemeenteScopedModel


class Aanvraag(GemeenteScopedModel):
    """An application for algemene bijstand. Its status moves only along the transition table in
    `uitkering.aanvraagstatus`; each move appends an `AanvraagStatus` row."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Ingediend")
        IN_ONDERZOEK = "in_onderzoek", _("In onderzoek")
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        BUITEN_BEHANDELING = "buiten_behandeling", _("Buiten behandeling")
        BEZWAAR = "bezwaar", _("In bezwaar")
        BEZWAAR_AFGEHANDELD = "bezwaar_afgehandeld", _("Bezwaar afgehandeld")

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="aanvragen"
    )
    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="aanvragen"
    )
    ontvangen_op = models.DateField(_("ontvangen op"))
    gewenste_ingangsdatum = models.DateField(_("gewenste ingangsdatum"))
    iban = models.CharField(_("IBAN"), max_length=34)
    tenaamstelling = models.CharField(_("tenaamstelling rekening"), max_length=70)
    # What the applicant declared on the application date: the household as the engine needs it
    # (members' roles, birth dates, kostendelers), income per source and person, and assets.
    gegevens = models.JSONField(_("opgegeven gegevens"), default=dict)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INGEDIEND
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandelaar"),
    )
    # Beslistermijn: 8 weeks after receipt (Awb art. 4:13), extendable once with a reason
    # (Awb art. 4:14).
    beslistermijn = models.DateField(_("beslistermijn"))
    verdaagd_tot = models.DateField(_("verdaagd tot"), null=True, blank=True)
    verdagingsreden = models.TextField(_("reden verdaging"), blank=True)
    # Under 27: a 4-week search period before the application can be dealt with (art. 41 lid 4),
    # unless maatwerk applies.
    zoektermijn_tot = models.DateField(_("zoektermijn tot"), null=True, blank=True)
    zoektermijn_maatwerk = models.BooleanField(_("maatwerk: geen zoektermijn"), default=False)
    zoektermijn_maatwerk_reden = models.TextField(_("reden maatwerk zoektermijn"), blank=True)

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["-ontvangen_op"]
        indexes = [models.Index(fields=["gemeente", "status", "beslistermijn"])]

    def __str__(self) -> str:
        return f"aanvraag {self.pk}"


class AanvraagStatus(BaseModel):
    """Append-only history of an application's status."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="statussen")
    van = models.CharField(_("van"), max_length=20, choices=Aanvraag.Status.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=20, choices=Aanvraag.Status.choices)
    reden = models.TextField(_("reden"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("status van een aanvraag")
        verbose_name_plural = _("statussen van aanvragen")
        ordering = ["aangemaakt_op"]
