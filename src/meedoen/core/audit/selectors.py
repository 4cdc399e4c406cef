"""Reading the audit trail: a privacy officer sees the events of their own organisation."""

import datetime as dt
from uuid import UUID

from django.db.models import Q, QuerySet

from meedoen.core.actor import Actor
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Bevoegdheid


def audit_events(
    *,
    actor: Actor,
    persoon_id: UUID | None = None,
    gebruiker_id: int | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
) -> QuerySet[AuditEvent]:
    actor.vereis(Bevoegdheid.AUDIT_LEZEN)
    events = AuditEvent.objects.filter(
        Q(organisatie=actor.organisatie) | Q(gemeente_id__in=actor.gemeente_ids)
    ).select_related("gemeente")
    if persoon_id:
        events = events.filter(persoon_id=persoon_id)
    if gebruiker_id:
        events = events.filter(actor_id=gebruiker_id)
    if van:
        events = events.filter(tijdstip__date__gte=van)
    if tot:
        events = events.filter(tijdstip__date__lte=tot)
    return events.order_by("-tijdstip", "-id")
