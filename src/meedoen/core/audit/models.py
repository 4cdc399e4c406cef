"""The append-only audit trail: who did or saw what, when, and why.

Rows are written in the same transaction as the change or read they describe. They can never be
changed or deleted: the model and its queryset refuse it, the admin offers no way to do it, and a
database trigger (see migration 0002) refuses it even for raw SQL.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventIsAppendOnly(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditEventIsAppendOnly("Audit events cannot be changed.")

    def delete(self):
        raise AuditEventIsAppendOnly("Audit events cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditEventIsAppendOnly("Audit events cannot be changed.")


class Actie(models.TextChoices):
    GELEZEN = "gelezen", _("ingezien")
    AANGEMAAKT = "aangemaakt", _("aangemaakt")
    GEWIJZIGD = "gewijzigd", _("gewijzigd")
    BEEINDIGD = "beeindigd", _("beëindigd")
    GEZOCHT = "gezocht", _("gezocht")
    GEEXPORTEERD = "geexporteerd", _("geëxporteerd")
    GEDEELD = "gedeeld", _("gedeeld met partner")
    INGELOGD = "ingelogd", _("ingelogd")
    UITGELOGD = "uitgelogd", _("uitgelogd")
    INLOGGEN_MISLUKT = "inloggen_mislukt", _("inloggen mislukt")


class AuditEvent(models.Model):
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    # A snapshot of who acted, so the trail stays readable if an account is renamed.
    actor_naam = models.CharField(_("naam gebruiker"), max_length=200, blank=True)
    organisatie = models.ForeignKey(
        "accounts.Organisatie", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    gemeente = models.ForeignKey(
        "core.Gemeente", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actie = models.CharField(_("actie"), max_length=30, choices=Actie.choices)
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    # The resident the event is about; a plain UUID so the trail outlives any dossier change.
    persoon_id = models.UUIDField(_("inwoner"), null=True, blank=True, db_index=True)
    doel = models.CharField(_("doel"), max_length=200)
    wijzigingen = models.JSONField(_("wijzigingen"), default=dict, blank=True)
    request_id = models.CharField(_("request-id"), max_length=64, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditgebeurtenissen")
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["actor", "tijdstip"])]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actor_naam} {self.actie} {self.object_type}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditEventIsAppendOnly("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEventIsAppendOnly("Audit events cannot be deleted.")
