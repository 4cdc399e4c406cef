"""Matches both ways through the Django adapter, on a hand-made set where the order is obvious,
with the reasons naming the factors.

The set (Deventer; the resident lives in 7411, travel radius 25 km, 32 hours, 5 years as
magazijnmedewerker, skills orderpicken and VCA; no-go: kok):

- A magazijnmedewerker in Deventer (0 km)   -> exact experience, nearby        -> first
- B orderpicker in Deventer (0 km)          -> related occupation (ISCO 9333)  -> second
- C orderpicker in Zutphen (~13 km)         -> related, but further away       -> third
- D schoonmaker in Deventer                 -> no (related) experience         -> fourth
- E kok in Deventer                         -> the resident's no-go            -> never
- F magazijnmedewerker in Zwolle (~29 km)   -> beyond the 25 km radius         -> never

Weights: the Werkbeleid defaults (exact 3, related 1.5, skills 2, hours 1, distance 1,
education 1, wishes 1.5); the most a pair can get is max(3, 1.5) + 1.5 + 2 + 1 + 1 + 1 = 9.5.
"""

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.begeleiding_factories import RouteFactory
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import (
    VacatureFactory,
    WerkervaringFactory,
    WerkgeverFactory,
    WerkprofielFactory,
    zoekt_werk,
)
from meedoen.werk.koppelen import matchen

pytestmark = pytest.mark.django_db

MAGAZIJN = "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"  # magazijnmedewerker, ISCO 9333
ORDERPICKER = "cd94def5-3442-4c2e-ae3d-0761a3008bcb"  # orderpicker, ISCO 9333
SCHOONMAKER = "303a1e34-cb16-4054-b323-81e5eec17397"  # schoonmaker gebouwen, ISCO 9112
KOK = "90f75f67-495d-49fa-ab57-2f320e251d7e"  # kok, ISCO 5120


def inwoner(gemeente, *, jaren=5, **profiel):
    persoon = PersoonFactory(gemeente=gemeente, postcode="7411 AB")
    gegevens = {
        "uren_per_week": 32,
        "reisafstand_km": 25,
        "opleidingsniveau": 3,
        "vaardigheden": ["nl-orderpicken", "nl-vca-basis"],
        "nogo_beroepen": [KOK],
    } | profiel
    werkprofiel = WerkprofielFactory(persoon=persoon, **gegevens)
    if jaren:
        WerkervaringFactory(profiel=werkprofiel, beroep=MAGAZIJN, jaren=jaren)
    zoekt_werk(persoon)
    return persoon


@pytest.fixture
def vacatures(tenant_a):
    werkgever = WerkgeverFactory(gemeente=tenant_a.gemeente)

    def vacature(titel, beroep, postcode, **extra):
        return VacatureFactory(
            werkgever=werkgever,
            titel=titel,
            beroep=beroep,
            postcode=postcode,
            uren_per_week=32,
            vaardigheden_vereist=["nl-orderpicken"],
            **extra,
        )

    return {
        "A": vacature("Magazijnmedewerker Deventer", MAGAZIJN, "7411 AB"),
        "B": vacature("Orderpicker Deventer", ORDERPICKER, "7411 AB"),
        "C": vacature("Orderpicker Zutphen", ORDERPICKER, "7201 AB"),
        "D": vacature("Schoonmaker Deventer", SCHOONMAKER, "7411 AB"),
        "E": vacature("Kok Deventer", KOK, "7411 AB"),
        "F": vacature("Magazijnmedewerker Zwolle", MAGAZIJN, "8011 AB"),
    }


def test_ranked_vacancies_for_a_resident_in_the_obvious_order(tenant_a, vacatures):
    persoon = inwoner(tenant_a.gemeente)
    actor = tenant_a.actor(Rol.KLANTMANAGER)

    regels = matchen.vacatures_voor_persoon(actor=actor, persoon=persoon)

    titels = [r.object.titel for r in regels]
    assert titels == [
        "Magazijnmedewerker Deventer",
        "Orderpicker Deventer",
        "Orderpicker Zutphen",
        "Schoonmaker Deventer",
    ]
    scores = {r.object.titel: r.match.score for r in regels}
    # A: experience 3 × (0.6 + 0.08 × 5) = 3, skills 2 (has the one required), hours 1 (32 of
    # 32), education 1 (no minimum), distance 1 × (1 − 0/25) = 1: 8 of 9.5 -> 84.2
    assert scores["Magazijnmedewerker Deventer"] == 84.2
    # B: related occupation 1.5 instead of 3: 6.5 of 9.5 -> 68.4
    assert scores["Orderpicker Deventer"] == 68.4
    # D: no experience 0, the rest as B: 5 of 9.5 -> 52.6
    assert scores["Schoonmaker Deventer"] == 52.6


def test_reasons_name_the_factors_in_words(tenant_a, vacatures):
    persoon = inwoner(tenant_a.gemeente)
    VacatureFactory(
        werkgever=vacatures["A"].werkgever,
        titel="Heftruckchauffeur Deventer",
        beroep=MAGAZIJN,
        postcode="7411 AB",
        uren_per_week=40,
        vaardigheden_vereist=["nl-heftruckcertificaat"],
        opleidingsniveau_min=4,
    )
    regels = matchen.vacatures_voor_persoon(actor=tenant_a.actor(Rol.KLANTMANAGER), persoon=persoon)
    redenen = {r.object.titel: r.redenen for r in regels}

    assert "ervaring als magazijnmedewerker (5 jaar)" in redenen["Magazijnmedewerker Deventer"]
    assert "minder dan 1 km" in redenen["Magazijnmedewerker Deventer"]
    assert (
        "ervaring als magazijnmedewerker, dat lijkt op orderpicker"
        in redenen["Orderpicker Deventer"]
    )
    assert "13 km" in redenen["Orderpicker Zutphen"]
    heftruck = redenen["Heftruckchauffeur Deventer"]
    assert "mist: Heftruckcertificaat" in heftruck
    assert "kan 32 uur per week werken, de baan is 40 uur" in heftruck
    assert "opleiding lager dan gevraagd (mbo 3 of 4)" in heftruck


def test_ranked_candidates_for_a_vacancy_only_among_residents_seeking_work(
    tenant_a, tenant_b, vacatures
):
    ervaren = inwoner(tenant_a.gemeente, jaren=5)
    beginner = inwoner(tenant_a.gemeente, jaren=0.5)
    geen_ervaring = inwoner(tenant_a.gemeente, jaren=0)
    # Same profile as the experienced one, but their route does not seek work (e.g. Zorgen).
    niet_zoekend = inwoner(tenant_a.gemeente, jaren=5)
    zoekt_werk(niet_zoekend, route=RouteFactory(gemeente=tenant_a.gemeente, zoekt_werk=False))
    # Without any route: not seeking work either.
    zonder_route = inwoner(tenant_a.gemeente, jaren=5)
    zonder_route.begeleidingsstand.delete()
    # A resident of another gemeente is never a candidate here.
    inwoner(tenant_b.gemeente, jaren=5)
    regels = matchen.kandidaten_voor_vacature(
        actor=tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER), vacature=vacatures["A"]
    )

    # experience factor: 5 years 1.0, half a year 0.6 + 0.08 × 0.5 = 0.64, none 0
    assert [r.object.persoon for r in regels] == [ervaren, beginner, geen_ervaring]
    # beginner: 3 × 0.64 = 1.92 + 2 + 1 + 1 + 1 = 6.92 of 9.5 -> 72.8
    assert regels[1].match.score == 72.8


def test_the_gemeentes_weights_change_the_order(tenant_a, vacatures):
    from meedoen.werk.koppelen.services import werkbeleid_opslaan

    persoon = inwoner(tenant_a.gemeente)
    # A gemeente that only cares about distance: exact 0, related 0, skills 0, hours 0,
    # education 0, wishes 0, distance 10 -> Deventer (0 km) ties at 100, Zutphen below.
    werkbeleid_opslaan(
        actor=tenant_a.actor(Rol.FUNCTIONEEL_BEHEERDER),
        gemeente=tenant_a.gemeente,
        gegevens={
            "gewicht_beroep_exact": 0,
            "gewicht_beroep_verwant": 0,
            "gewicht_vaardigheden": 0,
            "gewicht_uren": 0,
            "gewicht_opleiding": 0,
            "gewicht_wensen": 0,
            "gewicht_afstand": 10,
        },
    )
    regels = matchen.vacatures_voor_persoon(actor=tenant_a.actor(Rol.KLANTMANAGER), persoon=persoon)
    scores = {r.object.titel: r.match.score for r in regels}
    assert scores["Magazijnmedewerker Deventer"] == 100.0
    assert scores["Schoonmaker Deventer"] == 100.0
    assert scores["Orderpicker Zutphen"] < 50.0  # 1 − 13/25 ≈ 0.47


def test_no_profile_means_no_matches(tenant_a, vacatures):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    assert (
        matchen.vacatures_voor_persoon(actor=tenant_a.actor(Rol.KLANTMANAGER), persoon=persoon)
        is None
    )


def test_closed_vacancies_are_not_offered(tenant_a, vacatures):
    persoon = inwoner(tenant_a.gemeente)
    vacatures["A"].status = "vervuld"
    vacatures["A"].save()
    regels = matchen.vacatures_voor_persoon(actor=tenant_a.actor(Rol.KLANTMANAGER), persoon=persoon)
    assert "Magazijnmedewerker Deventer" not in [r.object.titel for r in regels]
