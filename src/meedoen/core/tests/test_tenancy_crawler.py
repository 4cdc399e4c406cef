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
    # uitkering: aanvraag, besluit, letters (issue 4)
    "aanvraag_uuid": lambda b: _uitkering_a(b)["aanvraag"].pk,
    "besluit_uuid": lambda b: _uitkering_a(b)["besluit"].pk,
    "document_uuid": lambda b: _uitkering_a(b)["document"].pk,
    # uitkering: herziening, bijzondere bijstand, kostencategorie (issue 4)
    "herziening_uuid": lambda b: _uitkering_c(b)["herziening"].pk,
    "bijzondere_uuid": lambda b: _uitkering_c(b)["bijzondere"].pk,
    "kostencategorie_uuid": lambda b: _uitkering_c(b)["bijzondere"].categorie_id,
    # uitkering: inkomstenopgave, betaalvoorstel, betaalrun, betaling (issue 4)
    "betaalvoorstel_uuid": lambda b: _uitkering_b(b)["betaling"].betaalvoorstel_id,
    "inkomstenregel_uuid": lambda b: _uitkering_b(b)["regel"].pk,
    "betaalrun_uuid": lambda b: _uitkering_b(b)["betaling"].betaalrun_id,
    "betaling_uuid": lambda b: _uitkering_b(b)["betaling"].pk,
    "maandberekening_uuid": lambda b: _maandberekening_b(b).pk,
    # werk: maatschappelijke banen, placements, contracts (issue 6)
    "baan_uuid": lambda b: _werk_f(b)["contract"].plaatsing.baan_id,
    "plaatsing_uuid": lambda b: _werk_f(b)["contract"].plaatsing_id,
    "contract_uuid": lambda b: _werk_f(b)["contract"].pk,
    # werk: matching, proposals, training catalogue (issue 6)
    "voorstel_uuid": lambda b: _werk_g(b)["voorstel"].pk,
    "opleiding_uuid": lambda b: _werk_g(b)["opleiding"].pk,
    "vacature_uuid": lambda b: _werk_g(b)["voorstel"].vacature_id,
    # werk: work profile, employers, vacancy import (issue 6; vacature_uuid above)
    "werkervaring_uuid": lambda b: _werk_d(b)["werkervaring"].pk,
    "werkgever_uuid": lambda b: _werk_d(b)["contactpersoon"].werkgever_id,
    "contactpersoon_uuid": lambda b: _werk_d(b)["contactpersoon"].pk,
    "vacatureimport_uuid": lambda b: _werk_d(b)["vacatureimport"].pk,
}


def _werk_d(b):
    """Gemeente B's work experience, employer with a contact person and a vacancy import, made
    on first use."""
    if "werk_d" not in b:
        from meedoen.testing import werk_factories as wf

        persoon = b["lid"].persoon
        b["werk_d"] = {
            "werkervaring": wf.WerkervaringFactory(profiel__persoon=persoon),
            "contactpersoon": wf.ContactpersoonFactory(werkgever__gemeente=persoon.gemeente),
            "vacatureimport": wf.VacatureImportFactory(gemeente=persoon.gemeente),
        }
    return b["werk_d"]


def _werk_g(b):
    """Gemeente B's proposal (with its vacancy) and a course of its catalogue, made on first use."""
    if "werk_g" not in b:
        from meedoen.testing.werk_factories import OpleidingFactory, VoorstelFactory

        persoon = b["lid"].persoon
        b["werk_g"] = {
            "voorstel": VoorstelFactory(persoon=persoon),
            "opleiding": OpleidingFactory(gemeente=persoon.gemeente),
        }
    return b["werk_g"]


def _werk_f(b):
    """Gemeente B's baan, placement and contract, made once per test on first use."""
    if "werk_f" not in b:
        from meedoen.testing.werk_factories import ArbeidscontractFactory

        b["werk_f"] = {"contract": ArbeidscontractFactory(plaatsing__persoon=b["lid"].persoon)}
    return b["werk_f"]


def _uitkering_b(b):
    """Gemeente B's income report (with a payslip) and a paid month with its run, proposal and
    specification, made on first use."""
    if "uitkering_b" not in b:
        from meedoen.testing import uitkering_factories as uf
        from meedoen.uitkering.models import Document

        lid = b["lid"]
        besluit = uf.ToekenningFactory(
            gemeente=lid.gemeente, persoon=lid.persoon, huishouden=lid.huishouden
        )
        opgave = uf.InkomstenopgaveFactory(
            gemeente=lid.gemeente, persoon=lid.persoon, huishouden=lid.huishouden
        )
        betaling = uf.BetalingFactory(
            betaalrun__gemeente=lid.gemeente,
            betaalrun__pain001=b"<Document/>",
            betaalvoorstel__besluit=besluit,
        )
        Document.objects.create(
            gemeente=lid.gemeente,
            persoon=lid.persoon,
            soort=Document.Soort.SPECIFICATIE,
            titel="Uitkeringsspecificatie",
            bron_id=betaling.pk,
            inhoud=b"%PDF-1.7 test",
        )
        b["uitkering_b"] = {"regel": uf.InkomstenregelFactory(opgave=opgave), "betaling": betaling}
    return b["uitkering_b"]


def _maandberekening_b(b):
    from meedoen.testing.uitkering_factories import MaandberekeningFactory

    return MaandberekeningFactory(gemeente=b["lid"].gemeente)


def _uitkering_c(b):
    """Gemeente B's herziening and bijzondere bijstand (with its category), made on first use."""
    if "uitkering_c" not in b:
        from meedoen.testing import uitkering_factories as uf

        lid = b["lid"]
        kwargs = {"gemeente": lid.gemeente, "persoon": lid.persoon, "huishouden": lid.huishouden}
        b["uitkering_c"] = {
            "herziening": uf.HerzieningFactory(**kwargs),
            "bijzondere": uf.BijzondereBijstandFactory(**kwargs),
        }
    return b["uitkering_c"]


def _uitkering_a(b):
    """Gemeente B's application, its decision and letter, made once per test on first use."""
    if "uitkering_a" not in b:
        from meedoen.testing import uitkering_factories as uf

        persoon = b["lid"].persoon
        aanvraag = uf.AanvraagFactory(
            gemeente=persoon.gemeente, persoon=persoon, huishouden=b["lid"].huishouden
        )
        besluit = uf.BesluitFactory(
            gemeente=persoon.gemeente,
            persoon=persoon,
            huishouden=aanvraag.huishouden,
            aanvraag=aanvraag,
            status="wacht",
        )
        document = uf.BeschikkingDocumentFactory(
            gemeente=persoon.gemeente, persoon=persoon, bron_id=besluit.pk
        )
        b["uitkering_a"] = {"aanvraag": aanvraag, "besluit": besluit, "document": document}
    return b["uitkering_a"]


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
