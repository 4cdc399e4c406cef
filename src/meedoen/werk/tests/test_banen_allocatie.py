"""The allocation page: a proposal of who goes where under capacity and travel limits, with
reasons and why someone gets no place; the caseworker confirms or changes each line, and only
confirmed lines become proposals (never placements)."""

import datetime as dt

import pytest

from meedoen.begeleiding.models import Begeleidingsstand
from meedoen.core.roles import Rol
from meedoen.testing.begeleiding_factories import RouteFactory
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import (
    MaatschappelijkeBaanFactory,
    PlaatsingFactory,
    VacatureFactory,
    WerkervaringFactory,
    WerkprofielFactory,
)
from meedoen.werk.banen import allocatie
from meedoen.werk.models import Plaatsing, Voorstel

pytestmark = pytest.mark.django_db

VANDAAG = dt.date(2026, 3, 1)
KOK, HOVENIER = "beroep-kok", "beroep-hovenier"


@pytest.fixture
def route(tenant_a):
    return RouteFactory(gemeente=tenant_a.gemeente, naam="Matchen", zoekt_werk=True)


def _zoekende(tenant, route, voornaam, ervaring=None, postcode="7411 AB"):
    persoon = PersoonFactory(
        gemeente=tenant.gemeente, voornamen=voornaam, achternaam="Test", postcode=postcode
    )
    Begeleidingsstand.objects.create(gemeente=tenant.gemeente, persoon=persoon, route=route)
    profiel = WerkprofielFactory(persoon=persoon, uren_per_week=32, reisafstand_km=25)
    for beroep, jaren in (ervaring or {}).items():
        WerkervaringFactory(profiel=profiel, beroep=beroep, jaren=jaren)
    return persoon


def _baan(tenant, titel, beroep="", capaciteit=1, postcode="7411 AB"):
    return MaatschappelijkeBaanFactory(
        gemeente=tenant.gemeente,
        titel=titel,
        beroep=beroep,
        capaciteit=capaciteit,
        postcode=postcode,
        uren_per_week=32,
    )


@pytest.fixture
def situatie(tenant_a, route):
    """Two nearby banen with one place each and one in Assen (86 km, beyond everyone's 25 km);
    Anna has cooked for years, Bram has gardened, Cor has no experience."""
    return {
        "kok": _baan(tenant_a, "Kok in de buurtkeuken", KOK),
        "tuin": _baan(tenant_a, "Hovenier in de wijktuin", HOVENIER),
        "ver": _baan(tenant_a, "Gastheer in Assen", capaciteit=5, postcode="9401 AB"),
        "anna": _zoekende(tenant_a, route, "Anna", {KOK: 6}),
        "bram": _zoekende(tenant_a, route, "Bram", {HOVENIER: 6}),
        "cor": _zoekende(tenant_a, route, "Cor"),
    }


def _berekenen(tenant, actor, **kwargs):
    return allocatie.voorstel_berekenen(
        actor=actor,
        gemeente=tenant.gemeente,
        soort=kwargs.pop("soort", allocatie.BANEN),
        vandaag=VANDAAG,
        **kwargs,
    )


def test_the_proposal_puts_experience_where_it_fits_and_explains_the_rest(tenant_a, situatie):
    voorstel = _berekenen(tenant_a, tenant_a.actor(Rol.KLANTMANAGER))
    plek = {r.persoon_id: r.plek_id for r in voorstel.regels}
    assert plek[str(situatie["anna"].pk)] == str(situatie["kok"].pk)
    assert plek[str(situatie["bram"].pk)] == str(situatie["tuin"].pk)
    assert plek[str(situatie["cor"].pk)] is None
    # Nobody goes to Assen: 86 km is beyond every resident's 25 km.
    assert str(situatie["ver"].pk) not in plek.values()
    assert voorstel.open_plaatsen[str(situatie["ver"].pk)] == 5
    anna = next(r for r in voorstel.regels if r.persoon_id == str(situatie["anna"].pk))
    assert any("ervaring als" in reden for reden in anna.redenen)
    cor = next(r for r in voorstel.regels if r.persoon_id == str(situatie["cor"].pk))
    assert "gegeven aan inwoners" in cor.waarom_geen_plek
    assert voorstel.geplaatst == 2 and voorstel.niet_geplaatst == 1


def test_capacity_is_respected(tenant_a, route):
    baan = _baan(tenant_a, "Gastvrouw", capaciteit=2)
    for naam in ("Dina", "Eva", "Fien", "Gijs"):
        _zoekende(tenant_a, route, naam)
    voorstel = _berekenen(tenant_a, tenant_a.actor(Rol.KLANTMANAGER))
    assert [r.plek_id for r in voorstel.regels].count(str(baan.pk)) == 2
    assert voorstel.niet_geplaatst == 2


def test_working_residents_and_full_places_are_left_out(tenant_a, route, situatie):
    PlaatsingFactory(baan=situatie["kok"], persoon=situatie["cor"], begindatum=dt.date(2026, 1, 1))
    voorstel = _berekenen(tenant_a, tenant_a.actor(Rol.KLANTMANAGER))
    assert str(situatie["kok"].pk) not in voorstel.plekken, "its one place is taken"
    assert str(situatie["cor"].pk) not in {r.persoon_id for r in voorstel.regels}


def test_chosen_vacancies_with_their_free_places(tenant_a, situatie):
    vacature = VacatureFactory(werkgever__gemeente=tenant_a.gemeente, beroep=KOK, plaatsen=2)
    PlaatsingFactory(
        persoon__gemeente=tenant_a.gemeente,
        soort=Plaatsing.Soort.REGULIER,
        baan=None,
        vacature=vacature,
        begindatum=dt.date(2026, 1, 1),
    )
    voorstel = _berekenen(
        tenant_a,
        tenant_a.actor(Rol.KLANTMANAGER),
        soort=allocatie.VACATURES,
        vacature_ids=[vacature.pk],
    )
    assert voorstel.plekken[str(vacature.pk)].vrij == 1
    assert [r.plek_id for r in voorstel.regels].count(str(vacature.pk)) == 1


def _post_data(regels):
    data = {
        "regel-TOTAL_FORMS": str(len(regels)),
        "regel-INITIAL_FORMS": str(len(regels)),
        "regel-MIN_NUM_FORMS": "0",
        "regel-MAX_NUM_FORMS": "1000",
    }
    for i, (persoon, plek, bevestigd) in enumerate(regels):
        data[f"regel-{i}-persoon"] = str(persoon.pk)
        data[f"regel-{i}-plek"] = str(plek.pk) if plek else ""
        if bevestigd:
            data[f"regel-{i}-bevestigd"] = "on"
    return data


def test_page_flow_a_changed_line_is_kept(tenant_a, situatie, ingelogd):
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER)
    client = ingelogd(klantmanager)
    keuze = {"gemeente": tenant_a.gemeente.pk, "soort": "banen"}
    html = client.get("/werk/banen/verdelen/", keuze).content.decode()
    assert "Plek voor Anna Test" in html
    assert "2 van de 3 inwoners krijgen een plek" in html

    # The caseworker keeps Anna, gives the garden to Cor instead of Bram, and leaves Bram out.
    antwoord = client.post(
        "/werk/banen/verdelen/",
        keuze
        | _post_data(
            [
                (situatie["anna"], situatie["kok"], True),
                (situatie["bram"], situatie["tuin"], False),
                (situatie["cor"], situatie["tuin"], True),
            ]
        ),
    )
    assert antwoord.status_code == 302
    voorstellen = {(v.persoon_id, v.baan_id) for v in Voorstel.objects.all()}
    assert voorstellen == {
        (situatie["anna"].pk, situatie["kok"].pk),
        (situatie["cor"].pk, situatie["tuin"].pk),
    }
    cor = Voorstel.objects.get(persoon=situatie["cor"])
    assert cor.status == Voorstel.Status.VOORGESTELD
    assert cor.voorgesteld_door == klantmanager
    assert cor.score is not None and cor.redenen
    assert not Plaatsing.objects.exists(), "a proposal is not a placement"


def test_confirming_more_than_the_free_places_writes_nothing(tenant_a, situatie, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    keuze = {"gemeente": tenant_a.gemeente.pk, "soort": "banen"}
    html = client.post(
        "/werk/banen/verdelen/",
        keuze
        | _post_data(
            [
                (situatie["anna"], situatie["kok"], True),
                (situatie["cor"], situatie["kok"], True),
                (situatie["bram"], situatie["tuin"], True),
            ]
        ),
        follow=True,
    ).content.decode()
    assert "Meer inwoners gekozen dan er plaatsen vrij zijn bij: Kok in de buurtkeuken" in html
    assert not Voorstel.objects.exists()


def test_allocation_needs_matchen_and_an_own_gemeente(tenant_a, tenant_b, ingelogd):
    assert (
        ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT)).get("/werk/banen/verdelen/").status_code
        == 403
    )
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    antwoord = client.get(
        "/werk/banen/verdelen/", {"gemeente": tenant_b.gemeente.pk, "soort": "banen"}
    )
    assert antwoord.status_code == 200
    assert "Het voorstel" not in antwoord.content.decode(), "another gemeente is not a choice"


def test_a_resident_too_far_from_every_place_is_told_why(tenant_a, route, situatie):
    # Dirk lives in Assen (9401), 86 km from the Deventer places; his radius is 25 km. The baan
    # in Assen is near him, so he gets it; without it, no place is within his reach.
    dirk = _zoekende(tenant_a, route, "Dirk", postcode="9401 AB")
    voorstel = _berekenen(tenant_a, tenant_a.actor(Rol.KLANTMANAGER))
    regel = next(r for r in voorstel.regels if r.persoon_id == str(dirk.pk))
    assert regel.plek_id == str(situatie["ver"].pk)
    situatie["ver"].delete()
    voorstel = _berekenen(tenant_a, tenant_a.actor(Rol.KLANTMANAGER))
    regel = next(r for r in voorstel.regels if r.persoon_id == str(dirk.pk))
    assert regel.plek_id is None
    assert "reisafstand" in regel.waarom_geen_plek
