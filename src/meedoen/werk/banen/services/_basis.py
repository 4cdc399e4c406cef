"""Checks and audit shared by the banen services."""

from collections.abc import Mapping
from typing import Any

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.roles import Bevoegdheid

DOEL_WERK = "werk: maatschappelijke banen, plaatsingen en contracten"


def in_bereik(actor: Actor, gemeente_id: int) -> None:
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def vereis_beheren(actor: Actor, gemeente_id: int) -> None:
    actor.vereis(Bevoegdheid.WERKGEVERS_BEHEREN)
    in_bereik(actor, gemeente_id)


def snapshot(obj, velden) -> dict[str, Any]:
    return {v: getattr(obj, v) for v in velden}


def audit(
    actor: Actor,
    actie: Actie,
    obj,
    *,
    na: Mapping[str, Any],
    voor: Mapping[str, Any] | None = None,
    persoon_id=None,
) -> None:
    audit_vastleggen(
        actor=actor,
        actie=actie,
        doel=DOEL_WERK,
        obj=obj,
        persoon_id=persoon_id,
        wijzigingen=wijzigingen_tussen(dict(voor or {}), dict(na)),
    )
