"""Visits every URL pattern (pages and API) as a user of gemeente A with the ids of gemeente B's
objects, and asserts nothing is shown or changed: 404 (or 403 for a missing role, 405 for a wrong
method). A new view with a new kind of object id fails this test until the id is registered in
OBJECT_VAN_GEMEENTE_B, so new views are covered automatically."""

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from meedoen.clients.models import HuishoudRol
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import LidmaatschapFactory, TeamFactory

# Views that take no object id or are not tenant data: nothing of gemeente B to ask for.
# The admin is for superusers only and requires a verified second factor.
NIET_GECRAWLD = {"admin", "set_language"}

# For each URL keyword: how to get the id of an object that belongs to gemeente B.
OBJECT_VAN_GEMEENTE_B = {
    "persoon_uuid": lambda b: b["lid"].persoon.pk,
    "huishouden_uuid": lambda b: b["lid"].huishouden.pk,
    "lidmaatschap_uuid": lambda b: b["lid"].pk,
    "gebruiker_uuid": lambda b: b["gebruiker"].uuid,
    "team_id": lambda b: b["team"].pk,
    # intake, begeleiding, signalen (issue 5)
    "intake_uuid": lambda b: b["intake"].pk,
    "verwijzing_uuid": lambda b: b["verwijzing"].pk,
    "partner_uuid": lambda b: b["verwijzing"].partner.pk,
    "afspraak_uuid": lambda b: b["afspraak"].pk,
    "route_uuid": lambda b: b["adviesregel"].route.pk,
    "adviesregel_uuid": lambda b: b["adviesregel"].pk,
    "taak_uuid": lambda b: b["taak"].pk,
}


def alle_patronen(resolvers=None, prefix="", namespace=None):
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns in NIET_GECRAWLD:
                continue
            yield from alle_patronen(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            if entry.name in NIET_GECRAWLD:
                continue
            yield prefix + str(entry.pattern), entry


def pad_met_ids(route: str, pattern: URLPattern, objecten) -> str | None:
    keywords = list(pattern.pattern.converters)
    if not keywords:
        return None
    onbekend = [k for k in keywords if k not in OBJECT_VAN_GEMEENTE_B]
    assert not onbekend, (
        f"URL {route} takes {onbekend}: add to OBJECT_VAN_GEMEENTE_B how to make such an "
        "object in another gemeente, so that this view is checked for tenancy."
    )
    pad = route
    for keyword, converter in pattern.pattern.converters.items():
        naam = type(converter).__name__.replace("Converter", "").lower()
        pad = pad.replace(f"<{naam}:{keyword}>", str(OBJECT_VAN_GEMEENTE_B[keyword](objecten)))
    return "/" + pad.lstrip("^").rstrip("$")


@pytest.fixture
def objecten_van_b(tenant_b):
    lid = LidmaatschapFactory(
        huishouden__gemeente=tenant_b.gemeente, rol=HuishoudRol.AANVRAGER, van=dt.date(2020, 1, 1)
    )
    team = TeamFactory(organisatie=tenant_b.organisatie)
    from meedoen.testing import begeleiding_factories as bf

    persoon = lid.persoon
    return {
        "lid": lid,
        "team": team,
        "gebruiker": tenant_b.gebruiker(Rol.KLANTMANAGER),
        "intake": bf.IntakeFactory(zrm__persoon=persoon),
        "verwijzing": bf.VerwijzingFactory(persoon=persoon),
        "afspraak": bf.AfspraakFactory(plan__persoon=persoon),
        "adviesregel": bf.AdviesRegelFactory(gemeente=tenant_b.gemeente),
        "taak": bf.TaakFactory(persoon=persoon),
    }


def test_every_pattern_with_an_object_id_is_crawled():
    routes = [route for route, p in alle_patronen() if p.pattern.converters]
    assert len(routes) >= 8, routes


@pytest.mark.parametrize("methode", ["get", "post"])
def test_no_url_reveals_or_changes_another_gemeentes_objects(
    tenant_a, objecten_van_b, ingelogd, methode
):
    # Every role at once, so that a 403 for a missing role cannot hide a tenancy leak.
    client = ingelogd(tenant_a.gebruiker(*Rol))
    events_voor = AuditEvent.objects.count()
    gecontroleerd = []
    for route, pattern in alle_patronen():
        pad = pad_met_ids(route, pattern, objecten_van_b)
        if pad is None:
            continue
        response = getattr(client, methode)(pad)
        assert response.status_code in {403, 404, 405}, (
            f"{methode.upper()} {pad} answered {response.status_code} for another gemeente"
        )
        gecontroleerd.append(pad)
    assert gecontroleerd
    assert AuditEvent.objects.count() == events_voor, "nothing may be read or written"


def test_users_without_a_role_get_403_or_404_everywhere(tenant_a, objecten_van_b, ingelogd):
    client = ingelogd(tenant_a.gebruiker())
    for route, pattern in alle_patronen():
        pad = pad_met_ids(route, pattern, objecten_van_b)
        if pad is None:
            continue
        assert client.get(pad).status_code in {403, 404, 405}, pad
