"""Managing users and teams. Only a functioneel beheerder, only within their organisation."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.accounts.models import Rol, Team, User
from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.roles import Bevoegdheid

DOEL_BEHEER = "gebruikersbeheer"


def _controleer_teams(actor: Actor, teams: list[Team]) -> None:
    if any(team.organisatie_id != actor.organisatie.pk for team in teams):
        raise ValidationError({"teams": _("Kies alleen teams van uw eigen organisatie.")})


def _gebruiker_snapshot(user: User) -> dict:
    return {
        "username": user.username,
        "voornaam": user.first_name,
        "achternaam": user.last_name,
        "email": user.email,
        "actief": user.is_active,
        "rollen": sorted(user.rollen.values_list("code", flat=True)) if user.pk else [],
        "teams": sorted(t.naam for t in user.teams.all()) if user.pk else [],
    }


@transaction.atomic
def gebruiker_aanmaken(
    *,
    actor: Actor,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str,
    rollen: list[str],
    teams: list[Team],
) -> User:
    actor.vereis(Bevoegdheid.BEHEER)
    _controleer_teams(actor, teams)
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisatie=actor.organisatie,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    user.rollen.set(Rol.objects.filter(code__in=rollen))
    user.teams.set(teams)
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL_BEHEER,
        obj=user,
        wijzigingen=wijzigingen_tussen({}, _gebruiker_snapshot(user)),
    )
    return user


@transaction.atomic
def gebruiker_wijzigen(
    *,
    actor: Actor,
    user: User,
    first_name: str,
    last_name: str,
    email: str,
    is_active: bool,
    rollen: list[str],
    teams: list[Team],
) -> User:
    actor.vereis(Bevoegdheid.BEHEER)
    if user.organisatie_id != actor.organisatie.pk:
        raise User.DoesNotExist
    _controleer_teams(actor, teams)
    if user.pk == actor.user.pk and not is_active:
        raise ValidationError({"is_active": _("U kunt uw eigen account niet uitzetten.")})
    voor = _gebruiker_snapshot(user)
    user.first_name, user.last_name, user.email = first_name, last_name, email
    user.is_active = is_active
    user.full_clean()
    user.save()
    user.rollen.set(Rol.objects.filter(code__in=rollen))
    user.teams.set(teams)
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL_BEHEER,
        obj=user,
        wijzigingen=wijzigingen_tussen(voor, _gebruiker_snapshot(user)),
    )
    return user


def _team_snapshot(team: Team) -> dict:
    return {"naam": team.naam, "gemeenten": sorted(g.code for g in team.gemeenten.all())}


@transaction.atomic
def team_opslaan(*, actor: Actor, team: Team | None, naam: str, gemeenten: list) -> Team:
    """Create a team (team=None) or change one; gemeenten must be served by the organisation."""
    actor.vereis(Bevoegdheid.BEHEER)
    toegestaan = set(actor.organisatie.gemeenten.values_list("pk", flat=True))
    if any(g.pk not in toegestaan for g in gemeenten):
        raise ValidationError({"gemeenten": _("Kies alleen gemeenten die uw organisatie bedient.")})
    nieuw = team is None
    if nieuw:
        team = Team(organisatie=actor.organisatie)
    elif team.organisatie_id != actor.organisatie.pk:
        raise Team.DoesNotExist
    voor = {} if nieuw else _team_snapshot(team)
    team.naam = naam
    team.full_clean()
    team.save()
    team.gemeenten.set(gemeenten)
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        doel=DOEL_BEHEER,
        obj=team,
        wijzigingen=wijzigingen_tussen(voor, _team_snapshot(team)),
    )
    return team
