"""Demand first, on a hand-made set.

Open places in Deventer (gemeente A):
- orderpicker: vacancies of 2, 2 and 1 places, one of them with a placement running: 4 free;
  two ask for a heftruckcertificaat, all three for orderpicken;
- kok: one vacancy of 3 places;
- magazijnmedewerker: one vacancy of 1 place;
- a closed kok vacancy and gemeente B's 10 orderpicker places do not count.

Residents seeking work:
- Ahmed: 4 years magazijnmedewerker (ISCO 9333, related to orderpicker), can orderpick;
- Bea: wants to be orderpicker;
- Cor: 2 years kok;
- Dirk: magazijnmedewerker, but orderpicker is his no-go;
- Eva: orderpicker experience, but her route does not seek work.

Suitable candidates: orderpicker Ahmed + Bea = 2 (gap 4 - 2 = 2); kok Cor = 1 (gap 3 - 1 = 2);
magazijnmedewerker Ahmed, Dirk, and Bea (orderpicker is related) = 3 for 1 place (no gap).
Equal gaps: more open places first, so orderpicker before kok.
"""

import datetime as dt

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.begeleiding_factories import RouteFactory
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import (
    OpleidingFactory,
    PlaatsingFactory,
    VacatureFactory,
    WerkervaringFactory,
    WerkgeverFactory,
    WerkprofielFactory,
    zoekt_werk,
)
from meedoen.werk.koppelen import vraag

pytestmark = pytest.mark.django_db

MAGAZIJN = "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
ORDERPICKER = "cd94def5-3442-4c2e-ae3d-0761a3008bcb"
KOK = "90f75f67-495d-49fa-ab57-2f320e251d7e"
HEFTRUCK = "nl-heftruckcertificaat"
ORDERPICKEN = "nl-orderpicken"


def inwoner(tenant, *, ervaring=None, zoekend=True, **profiel):
    persoon = PersoonFactory(gemeente=tenant.gemeente, achternaam=profiel.pop("naam", "Test"))
    werkprofiel = WerkprofielFactory(persoon=persoon, **profiel)
    if ervaring:
        WerkervaringFactory(profiel=werkprofiel, beroep=ervaring, jaren=3)
    if zoekend:
        zoekt_werk(persoon)
    else:
        zoekt_werk(persoon, route=RouteFactory(gemeente=tenant.gemeente, zoekt_werk=False))
    return persoon


@pytest.fixture
def markt(tenant_a, tenant_b):
    werkgever = WerkgeverFactory(gemeente=tenant_a.gemeente)
    met_plaatsing = VacatureFactory(
        werkgever=werkgever,
        beroep=ORDERPICKER,
        plaatsen=2,
        vaardigheden_vereist=[ORDERPICKEN, HEFTRUCK],
    )
    PlaatsingFactory(
        gemeente=tenant_a.gemeente,
        persoon=PersoonFactory(gemeente=tenant_a.gemeente),
        soort="regulier",
        baan=None,
        vacature=met_plaatsing,
        begindatum=dt.date(2025, 1, 1),
    )
    VacatureFactory(
        werkgever=werkgever,
        beroep=ORDERPICKER,
        plaatsen=2,
        vaardigheden_vereist=[ORDERPICKEN, HEFTRUCK],
    )
    VacatureFactory(
        werkgever=werkgever, beroep=ORDERPICKER, plaatsen=1, vaardigheden_vereist=[ORDERPICKEN]
    )
    VacatureFactory(werkgever=werkgever, beroep=KOK, plaatsen=3)
    VacatureFactory(werkgever=werkgever, beroep=KOK, plaatsen=5, status="gesloten")
    VacatureFactory(werkgever=werkgever, beroep=MAGAZIJN, plaatsen=1)
    VacatureFactory(werkgever__gemeente=tenant_b.gemeente, beroep=ORDERPICKER, plaatsen=10)

    ahmed = inwoner(tenant_a, naam="Ahmed", ervaring=MAGAZIJN, vaardigheden=[ORDERPICKEN])
    inwoner(tenant_a, naam="Bea", wens_beroepen=[ORDERPICKER])
    inwoner(tenant_a, naam="Cor", ervaring=KOK)
    inwoner(tenant_a, naam="Dirk", ervaring=MAGAZIJN, nogo_beroepen=[ORDERPICKER])
    inwoner(tenant_a, naam="Eva", ervaring=ORDERPICKER, zoekend=False)
    return {"ahmed": ahmed}


def test_occupations_with_more_places_than_candidates(tenant_a, markt):
    rijen = vraag.arbeidsmarkt(actor=tenant_a.actor(Rol.KLANTMANAGER))
    assert [(r.label, r.open_plaatsen, r.kandidaten, r.tekort) for r in rijen] == [
        ("orderpicker", 4, 2, 2),
        ("kok", 3, 1, 2),
    ]


def test_aggregate_readers_see_small_candidate_counts_suppressed(tenant_a, markt):
    # A beleidsadviseur sees candidate counts of 1..4 as "fewer than 5", counted as 4: then
    # neither orderpicker (4 places) nor kok (3) has a gap that can be shown.
    assert vraag.arbeidsmarkt(actor=tenant_a.actor(Rol.BELEIDSADVISEUR)) == []


def test_hidden_matches_with_skill_gap_and_courses(tenant_a, tenant_b, markt):
    heftruck = OpleidingFactory(
        gemeente=tenant_a.gemeente, naam="Heftruckcursus", vaardigheden=[HEFTRUCK]
    )
    leerwerk = OpleidingFactory(
        gemeente=tenant_a.gemeente,
        naam="Leerwerktraject logistiek",
        soort="leerwerktraject",
        beroepen=[ORDERPICKER],
    )
    OpleidingFactory(
        gemeente=tenant_a.gemeente,
        naam="Oude heftruckcursus",
        vaardigheden=[HEFTRUCK],
        actief=False,
    )
    OpleidingFactory(gemeente=tenant_a.gemeente, naam="Kookcursus", vaardigheden=["nl-haccp"])
    OpleidingFactory(gemeente=tenant_b.gemeente, naam="Heftruck in Assen", vaardigheden=[HEFTRUCK])

    kansen = vraag.verborgen_matches(actor=tenant_a.actor(Rol.KLANTMANAGER), persoon=markt["ahmed"])

    # Own occupation magazijnmedewerker: 1 open place; related orderpicker: 4 > 1.
    assert kansen.eigen == [("magazijnmedewerker", 1)]
    assert [k.label for k in kansen.verborgen] == ["orderpicker"]
    kans = kansen.verborgen[0]
    assert (kans.open_plaatsen, kans.vacatures, kans.via) == (4, 3, ["magazijnmedewerker"])
    # He can orderpick; the heftruckcertificaat is asked in 2 of the 3 vacancies.
    assert [(m.vaardigheid, m.in_vacatures) for m in kans.ontbrekend] == [(HEFTRUCK, 2)]
    # The course that provides the missing skill first, then the one leading to the occupation.
    assert [(s.opleiding, s.leidt_tot_beroep) for s in kans.opleidingen] == [
        (heftruck, False),
        (leerwerk, True),
    ]


def test_demand_pages(tenant_a, markt, ingelogd):
    km = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    html = km.get("/werk/koppelen/arbeidsmarkt/").content.decode()
    assert "orderpicker" in html and "Tekort" in html
    html = km.get(f"/werk/koppelen/inwoner/{markt['ahmed'].pk}/kansen/").content.decode()
    assert "orderpicker" in html and "Heftruckcertificaat" in html
    ba = ingelogd(tenant_a.gebruiker(Rol.BELEIDSADVISEUR))
    assert ba.get("/werk/koppelen/arbeidsmarkt/").status_code == 200
    assert ba.get(f"/werk/koppelen/inwoner/{markt['ahmed'].pk}/kansen/").status_code == 403
