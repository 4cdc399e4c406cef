"""Reading accounts: the acting user's scope, and the lists a functioneel beheerder manages."""

from django.db.models import Exists, OuterRef, QuerySet

from meedoen.accounts.models import Team, User
from meedoen.core.actor import Actor
from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid


def gemeenten_van_gebruiker(user: User) -> tuple[Gemeente, ...]:
    """The gemeenten a user works for: their teams' gemeenten within their organisation, or all
    gemeenten of the organisation when their teams name none."""
    if user.organisatie_id is None:
        return ()
    # One query: the organisation's gemeenten, each marked when one of the user's teams has it.
    via_team = Team.objects.filter(leden=user, gemeenten=OuterRef("pk"))
    gemeenten = list(
        Gemeente.objects.filter(organisaties=user.organisatie_id)
        .annotate(via_team=Exists(via_team))
        .order_by("naam")
    )
    van_teams = tuple(g for g in gemeenten if g.via_team)
    return van_teams or tuple(gemeenten)


def actor_voor(user: User, *, request_id: str = "-") -> Actor:
    if not user.is_authenticated or not user.is_active:
        return Actor(user=None, organisatie=None, request_id=request_id)
    return Actor(
        user=user,
        organisatie=user.organisatie,
        gemeenten=gemeenten_van_gebruiker(user),
        rollen=frozenset(user.rollen.values_list("code", flat=True)),
        request_id=request_id,
    )


def gebruikers(*, actor: Actor) -> QuerySet[User]:
    actor.vereis(Bevoegdheid.BEHEER)
    return (
        User.objects.filter(organisatie=actor.organisatie)
        .prefetch_related("rollen", "teams")
        .order_by("last_name", "first_name", "username")
    )


def gebruiker(*, actor: Actor, uuid) -> User:
    return gebruikers(actor=actor).get(uuid=uuid)


def teams(*, actor: Actor) -> QuerySet[Team]:
    actor.vereis(Bevoegdheid.BEHEER)
    return (
        Team.objects.filter(organisatie=actor.organisatie)
        .prefetch_related("gemeenten", "leden")
        .order_by("naam")
    )


def team(*, actor: Actor, id) -> Team:
    return teams(actor=actor).get(id=id)
