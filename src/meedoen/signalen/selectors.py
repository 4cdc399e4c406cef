"""Reading tasks: one's own, a team's, and today's for the start page."""

import datetime as dt
from uuid import UUID

from django.db.models import Q, QuerySet

from meedoen.accounts.models import Team
from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.signalen.models import SchoolverlatersImport, Taak, TaakStatus


def _taken(actor: Actor) -> QuerySet[Taak]:
    actor.vereis(Bevoegdheid.DOSSIER_LEZEN)
    return Taak.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related(
        "persoon", "schoolverlater", "toegewezen_aan", "team"
    )


def taak(*, actor: Actor, taak_id: UUID) -> Taak:
    return _taken(actor).get(pk=taak_id)


def mijn_taken(*, actor: Actor) -> QuerySet[Taak]:
    return _taken(actor).filter(toegewezen_aan=actor.user, status=TaakStatus.OPEN)


def taken_voor_vandaag(*, actor: Actor, vandaag: dt.date) -> QuerySet[Taak]:
    """Open tasks of the actor due today or earlier (overdue first)."""
    return mijn_taken(actor=actor).filter(vervaldatum__lte=vandaag).order_by("vervaldatum")


def teams_van(*, actor: Actor) -> QuerySet[Team]:
    return Team.objects.filter(organisatie=actor.organisatie).order_by("naam")


def team_taken(*, actor: Actor, team: Team) -> QuerySet[Taak]:
    """Open tasks of a team: addressed to the team or to one of its members."""
    return (
        _taken(actor)
        .filter(Q(team=team) | Q(toegewezen_aan__teams=team), status=TaakStatus.OPEN)
        .distinct()
    )


def niet_toegewezen_taken(*, actor: Actor) -> QuerySet[Taak]:
    return _taken(actor).filter(toegewezen_aan__isnull=True, status=TaakStatus.OPEN)


def imports(*, actor: Actor) -> QuerySet[SchoolverlatersImport]:
    actor.vereis(Bevoegdheid.DOSSIER_SCHRIJVEN)
    return SchoolverlatersImport.objects.filter(gemeente_id__in=actor.gemeente_ids)
