"""Configuration by a functioneel beheerder: routes and advice rules per gemeente."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.begeleiding.models import AdviesRegel, Route
from meedoen.begeleiding.services._basis import vereis_beheer
from meedoen.begeleiding.services.stand import standen_van_route_herberekenen
from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen

ROUTE_VELDEN = (
    "naam",
    "omschrijving",
    "team",
    "contact_interval_dagen",
    "standaard_verplichtingen",
    "volgorde",
    "actief",
    "zoekt_werk",
)
REGEL_VELDEN = ("naam", "route", "volgorde", "voorwaarden", "actief")


def _snapshot(obj, velden) -> dict[str, Any]:
    return {v: getattr(obj, v) for v in velden}


@transaction.atomic
def route_opslaan(
    *, actor: Actor, gemeente, gegevens: dict[str, Any], route: Route | None = None
) -> Route:
    vereis_beheer(actor, gemeente.pk)
    nieuw = route is None
    route = route or Route(gemeente=gemeente)
    voor = {} if nieuw else _snapshot(route, ROUTE_VELDEN)
    for veld in ROUTE_VELDEN:
        if veld in gegevens:
            setattr(route, veld, gegevens[veld])
    team = route.team
    if team is not None and team.organisatie_id != actor.organisatie.pk:
        raise ValidationError({"team": _("Kies een team dat voor deze gemeente werkt.")})
    route.full_clean()
    route.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        doel="configuratie routes",
        obj=route,
        wijzigingen=wijzigingen_tussen(voor, _snapshot(route, ROUTE_VELDEN)),
    )
    if not nieuw and voor.get("contact_interval_dagen") != route.contact_interval_dagen:
        standen_van_route_herberekenen(route=route)
    return route


@transaction.atomic
def adviesregel_opslaan(
    *, actor: Actor, gemeente, gegevens: dict[str, Any], regel: AdviesRegel | None = None
) -> AdviesRegel:
    vereis_beheer(actor, gemeente.pk)
    nieuw = regel is None
    regel = regel or AdviesRegel(gemeente=gemeente)
    voor = {} if nieuw else _snapshot(regel, REGEL_VELDEN)
    for veld in REGEL_VELDEN:
        if veld in gegevens:
            setattr(regel, veld, gegevens[veld])
    regel.full_clean()  # runs valideer_voorwaarden: no forbidden or unknown facts
    regel.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        doel="configuratie adviesregels",
        obj=regel,
        wijzigingen=wijzigingen_tussen(voor, _snapshot(regel, REGEL_VELDEN)),
    )
    return regel
