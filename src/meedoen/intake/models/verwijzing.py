"""Referrals to partners the gemeente configured, with append-only status rows."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel, GemeenteScopedModel


class PartnerSoort(models.TextChoices):
    SCHULDHULPVERLENING = "schuldhulpverlening", _("schuldhulpverlening")
    MAATSCHAPPELIJK_WERK = "maatschappelijk_werk", _("maatschappelijk werk")
    BIJZONDERE_BIJSTAND = "bijzondere_bijstand", _("bijzondere bijstand")
    SOCIAAL_TEAM = "sociaal_team", _("sociaal team")
    ANDERS = "anders", _("andere partner")


class Partner(GemeenteScopedModel):
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=30, choices=PartnerSoort.choices)
    contact = models.CharField(_("contactgegevens"), max_length=300, blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="partner_naam_uniek")
        ]

    def __str__(self) -> str:
        return self.naam


class VerwijzingStatus(models.TextChoices):
    VERSTUURD = "verstuurd", _("verstuurd")
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    AFGEROND = "afgerond", _("afgerond")
    GEWEIGERD = "geweigerd", _("geweigerd")


# from -> allowed next statuses. A partner may refuse before or during treatment.
VERWIJZING_OVERGANGEN: dict[str, frozenset[str]] = {
    VerwijzingStatus.VERSTUURD: frozenset(
        {VerwijzingStatus.IN_BEHANDELING, VerwijzingStatus.GEWEIGERD}
    ),
    VerwijzingStatus.IN_BEHANDELING: frozenset(
        {VerwijzingStatus.AFGEROND, VerwijzingStatus.GEWEIGERD}
    ),
    VerwijzingStatus.AFGEROND: frozenset(),
    VerwijzingStatus.GEWEIGERD: frozenset(),
}


class Verwijzing(GemeenteScopedModel):
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="verwijzingen"
    )
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="verwijzingen")
    intake = models.ForeignKey(
        "intake.Intake", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reden = models.CharField(_("reden van de verwijzing"), max_length=1000)
    # Exactly what was shared with the partner: {feit: waarde}. Also in the audit trail.
    gedeelde_feiten = models.JSONField(default=dict)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VerwijzingStatus.choices,
        default=VerwijzingStatus.VERSTUURD,
        editable=False,
    )
    status_sinds = models.DateField(_("status sinds"), editable=False)
    verwezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-aangemaakt_op"]
        indexes = [models.Index(fields=["gemeente", "status", "status_sinds"])]


class VerwijzingStatusWijziging(BaseModel):
    """Append-only: each status with the date, who recorded it and the partner's feedback."""

    verwijzing = models.ForeignKey(Verwijzing, on_delete=models.PROTECT, related_name="statussen")
    status = models.CharField(_("status"), max_length=20, choices=VerwijzingStatus.choices)
    op = models.DateField(_("datum"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    terugkoppeling = models.CharField(
        _("terugkoppeling van de partner"), max_length=2000, blank=True
    )

    class Meta:
        ordering = ["op", "aangemaakt_op"]
