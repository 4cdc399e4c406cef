"""Route advice: rules configured by a functioneel beheerder give advice with its reason; the
resident's different choice is recorded with the reason; forbidden facts cannot be used."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from meedoen.begeleiding import selectors
from meedoen.begeleiding.advies import ADVIES_VELDEN, VERBODEN_KENMERKEN, feiten_voor_advies
from meedoen.begeleiding.models import RouteKeuze
from meedoen.begeleiding.services import beheer, traject
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.begeleiding_factories import IntakeFactory
from meedoen.testing.factories import PersoonFactory

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 3, 1)


@pytest.fixture
def deventer_routes(tenant_a):
    beheerder = tenant_a.actor(Rol.FUNCTIONEEL_BEHEERDER)
    routes = {}
    for volgorde, (naam, dagen) in enumerate(
        [("Matchen", 14), ("Groeien", 28), ("Faciliteren", 56), ("Zorgen", 91)]
    ):
        routes[naam] = beheer.route_opslaan(
            actor=beheerder,
            gemeente=tenant_a.gemeente,
            gegevens={"naam": naam, "contact_interval_dagen": dagen, "volgorde": volgorde},
        )
    beheer.adviesregel_opslaan(
        actor=beheerder,
        gemeente=tenant_a.gemeente,
        gegevens={
            "naam": "Eerst rust",
            "route": routes["Zorgen"],
            "volgorde": 1,
            "voorwaarden": [{"veld": "eerst_stabiliteit", "operator": "gelijk", "waarde": "ja"}],
        },
    )
    beheer.adviesregel_opslaan(
        actor=beheerder,
        gemeente=tenant_a.gemeente,
        gegevens={
            "naam": "Klaar voor werk",
            "route": routes["Matchen"],
            "volgorde": 2,
            "voorwaarden": [
                {"veld": "uren_beschikbaar", "operator": "ten_minste", "waarde": "24"},
                {"veld": "zrm_werk_opleiding", "operator": "ten_minste", "waarde": "4"},
            ],
        },
    )
    return routes


def _gesprek(tenant, persoon, uren, voorkeur=None):
    return traject.ambitiegesprek_vastleggen(
        actor=tenant.actor(Rol.KLANTMANAGER),
        persoon=persoon,
        datum=VANDAAG,
        gegevens={
            "ambities": "Werken in de zorg",
            "uren_beschikbaar": uren,
            "voorkeursroute": voorkeur,
        },
        vandaag=VANDAAG,
    )


def test_advice_follows_the_configured_rules_and_explains_why(tenant_a, deventer_routes):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    IntakeFactory(zrm__persoon=persoon, zrm__scores={"werk_opleiding": 4})
    _gesprek(tenant_a, persoon, uren=32)

    advies = selectors.advies_voor(persoon=persoon)

    assert advies.route == deventer_routes["Matchen"]
    assert advies.uitleg == (
        "Advies Matchen omdat uren per week beschikbaar is ten minste 24 en "
        "ZRM Werk & Opleiding is ten minste 4 (regel: Klaar voor werk)."
    )


def test_first_matching_rule_wins_stability_before_work(tenant_a, deventer_routes):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    IntakeFactory(zrm__persoon=persoon, zrm__scores={"werk_opleiding": 5}, eerst_stabiliteit=True)
    _gesprek(tenant_a, persoon, uren=36)

    advies = selectors.advies_voor(persoon=persoon)

    assert advies.route == deventer_routes["Zorgen"]
    assert "eerst stabiliteit (stresscheck) is ja" in advies.uitleg


def test_no_rule_matches_gives_no_advice(tenant_a, deventer_routes):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    _gesprek(tenant_a, persoon, uren=8)
    assert selectors.advies_voor(persoon=persoon) is None


def test_residents_own_different_choice_is_recorded_with_advice_and_reason(
    tenant_a, deventer_routes
):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    IntakeFactory(zrm__persoon=persoon, zrm__scores={"werk_opleiding": 4})
    gesprek = _gesprek(tenant_a, persoon, uren=30, voorkeur=deventer_routes["Groeien"])
    advies = selectors.advies_voor(persoon=persoon)
    klantmanager = tenant_a.actor(Rol.KLANTMANAGER)

    with pytest.raises(ValidationError) as fout:
        traject.route_kiezen(
            actor=klantmanager,
            persoon=persoon,
            route=deventer_routes["Groeien"],
            ingangsdatum=VANDAAG,
            advies=advies,
            ambitiegesprek=gesprek,
        )
    assert "wijkt af van het advies (Matchen)" in str(fout.value)

    keuze = traject.route_kiezen(
        actor=klantmanager,
        persoon=persoon,
        route=deventer_routes["Groeien"],
        ingangsdatum=VANDAAG,
        advies=advies,
        reden_afwijking="Wil eerst een vakopleiding doen",
        ambitiegesprek=gesprek,
    )

    keuze = RouteKeuze.objects.get(pk=keuze.pk)
    assert keuze.route == deventer_routes["Groeien"]
    assert keuze.geadviseerde_route == deventer_routes["Matchen"]
    assert keuze.wijkt_af
    assert keuze.reden_afwijking == "Wil eerst een vakopleiding doen"
    assert keuze.advies_uitleg.startswith("Advies Matchen omdat")
    event = AuditEvent.objects.get(object_id=str(keuze.pk))
    assert event.wijzigingen["geadviseerde_route"] == [None, "Matchen"]
    assert event.wijzigingen["route"] == [None, "Groeien"]


def test_route_changes_both_ways_keep_history(tenant_a, deventer_routes):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    km = tenant_a.actor(Rol.KLANTMANAGER)
    for datum, naam in [
        (dt.date(2026, 1, 1), "Groeien"),
        (dt.date(2026, 2, 1), "Zorgen"),
        (dt.date(2026, 3, 1), "Groeien"),
    ]:
        traject.route_kiezen(
            actor=km, persoon=persoon, route=deventer_routes[naam], ingangsdatum=datum
        )
    geschiedenis = selectors.routegeschiedenis(persoon=persoon)
    assert [k.route.naam for k in geschiedenis] == ["Groeien", "Zorgen", "Groeien"]
    assert selectors.stand(persoon=persoon).route.naam == "Groeien"


@pytest.mark.parametrize(
    "veld", ["nationaliteit", "etniciteit", "religie", "geslacht", "gender", "geboorteland_code"]
)
def test_a_rule_can_never_use_protected_characteristics(tenant_a, deventer_routes, veld):
    with pytest.raises(ValidationError) as fout:
        beheer.adviesregel_opslaan(
            actor=tenant_a.actor(Rol.FUNCTIONEEL_BEHEERDER),
            gemeente=tenant_a.gemeente,
            gegevens={
                "naam": "Verboden",
                "route": deventer_routes["Zorgen"],
                "voorwaarden": [{"veld": veld, "operator": "gelijk", "waarde": "x"}],
            },
        )
    assert "nooit nationaliteit, etniciteit, religie of geslacht" in str(fout.value)


def test_unknown_facts_and_bad_values_are_refused_in_dutch(tenant_a, deventer_routes):
    beheerder = tenant_a.actor(Rol.FUNCTIONEEL_BEHEERDER)
    with pytest.raises(ValidationError) as fout:
        beheer.adviesregel_opslaan(
            actor=beheerder,
            gemeente=tenant_a.gemeente,
            gegevens={
                "naam": "Fout",
                "route": deventer_routes["Zorgen"],
                "voorwaarden": [
                    {"veld": "postcode", "operator": "gelijk", "waarde": "7411"},
                    {"veld": "uren_beschikbaar", "operator": "ten_minste", "waarde": "veel"},
                ],
            },
        )
    tekst = str(fout.value)
    assert "'postcode' is geen gegeven uit de intake of het ambitiegesprek" in tekst
    assert "hoort een heel getal, niet 'veel'" in tekst


def test_the_engine_only_ever_receives_catalogued_facts(tenant_a):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    intake = IntakeFactory(zrm__persoon=persoon)
    feiten = feiten_voor_advies(intake=intake)
    assert set(feiten) <= set(ADVIES_VELDEN)
    assert not any(w in k for k in feiten for w in VERBODEN_KENMERKEN)
    assert not any(w in k for k in ADVIES_VELDEN for w in VERBODEN_KENMERKEN)
