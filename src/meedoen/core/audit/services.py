"""Writing audit events. Call inside the transaction of the change or read being recorded."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import models

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie, AuditEvent


def _as_json(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    return value


def wijzigingen_tussen(voor: dict[str, Any], na: dict[str, Any]) -> dict[str, list[Any]]:
    """The fields whose value differs, as {field: [before, after]}."""
    velden = sorted(set(voor) | set(na))
    return {
        veld: [_as_json(voor.get(veld)), _as_json(na.get(veld))]
        for veld in velden
        if voor.get(veld) != na.get(veld)
    }


def audit_vastleggen(
    *,
    actor: Actor | None,
    actie: Actie,
    doel: str,
    obj: models.Model | None = None,
    persoon_id: UUID | None = None,
    gemeente: Any = None,
    wijzigingen: dict[str, list[Any]] | None = None,
    object_type: str = "",
    object_id: str = "",
) -> AuditEvent:
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or str(obj.pk)
        gemeente = gemeente if gemeente is not None else getattr(obj, "gemeente", None)
    user = actor.user if actor and actor.user and actor.user.pk else None
    event = AuditEvent(
        actor=user,
        actor_naam=actor.naam if actor else "systeem",
        organisatie=actor.organisatie if actor else None,
        gemeente=gemeente,
        actie=actie,
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        doel=doel,
        wijzigingen=wijzigingen or {},
        request_id=actor.request_id if actor else "-",
    )
    # The related objects come from the acting code, not from input, so their existence need
    # not be checked again (that would cost three queries on every dossier view).
    event.full_clean(exclude=["actor", "organisatie", "gemeente"])
    event.save()
    return event
