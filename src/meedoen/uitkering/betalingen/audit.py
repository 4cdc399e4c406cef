"""Audit events for many objects at once (a month's proposals, a run's payments): the same rows
`audit_vastleggen` writes, inserted in bulk (`bulk.invoegen`) inside the caller's transaction.
The audit trail is append-only; inserting in bulk is still only inserting."""

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.db import models

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.uitkering.betalingen.bulk import invoegen


def audit_bulk(
    *,
    actor: Actor | None,
    actie: Actie,
    doel: str,
    regels: Iterable[tuple[models.Model, UUID | None, dict[str, list[Any]]]],
) -> int:
    """One event per (object, persoon_id, wijzigingen)."""
    user = actor.user if actor and actor.user and actor.user.pk else None
    gemeenschappelijk = {
        "actor": user,
        "actor_naam": actor.naam if actor else "systeem",
        "organisatie": actor.organisatie if actor else None,
        "actie": actie,
        "doel": doel,
        "request_id": actor.request_id if actor else "-",
    }
    events = [
        AuditEvent(
            gemeente_id=obj.gemeente_id,
            object_type=obj._meta.label,
            object_id=str(obj.pk),
            persoon_id=persoon_id,
            wijzigingen=wijzigingen,
            **gemeenschappelijk,
        )
        for obj, persoon_id, wijzigingen in regels
    ]
    invoegen(events)
    return len(events)
