"""Maatschappelijke banen and placements: nobody is placed before a person confirmed the
verdringingstoets, capacity holds (also when two people place at once), follow-up contacts, ending,
and the loonkostensubsidie from the rules engine."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import (
    ArbeidscontractFactory,
    MaatschappelijkeBaanFactory,
    PlaatsingFactory,
    VacatureFactory,
    VoorstelFactory,
)
from meedoen.werk.banen import selectors, services
from meedoen.werk.models import MaatschappelijkeBaan, Plaatsing

pytestmark = pytest.mark.django_db

GOED = {"anders_betaald": False, "aanvullend": True, "recente_vacatures": False}
WAAROM = {
    "anders_betaald": "Het buurthuis draait op vrijwilligers.",
    "aanvullend": "Naast de beheerder, niet in plaats van.",
    "recente_vacatures": "Geen vacatures in 2025.",
}


@pytest.fixture
def wgd(tenant_a):
    return tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)


def _plaats(actor, persoon, baan, begindatum=dt.date(2026, 2, 1), **kwargs):
    return services.plaatsing_aanmaken(
        actor,
        persoon=persoon,
        soort=Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN,
        baan=baan,
        begindatum=begindatum,
        uren_per_week=16,
        **kwargs,
    )


def test_no_placement_before_the_verdringingstoets_is_confirmed(wgd, tenant_a):
    baan = services.baan_opslaan(
        actor=wgd,
        gemeente=tenant_a.gemeente,
        gegevens={
            "gastorganisatie": "Buurthuis De Kern",
            "sector": "wijk",
            "titel": "Gastvrouw",
            "taken": "Bezoekers ontvangen",
            "uren_per_week": 16,
            "capaciteit": 1,
            "postcode": "7411ab",
            "begindatum": dt.date(2026, 1, 1),
        },
    )
    assert baan.postcode == "7411 AB"
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    with pytest.raises(ValidationError, match="verdringingstoets"):
        _plaats(wgd, persoon, baan)

    with pytest.raises(ValidationError) as fout:
        services.verdringingstoets_bevestigen(
            actor=wgd,
            baan=baan,
            antwoorden=GOED | {"anders_betaald": True},
            toelichtingen=WAAROM,
        )
    assert "verdringt de baan betaald werk" in str(fout.value.message_dict["anders_betaald"])
    baan.refresh_from_db()
    assert baan.verdringing_bevestigd_op is None

    services.verdringingstoets_bevestigen(
        actor=wgd, baan=baan, antwoorden=GOED, toelichtingen=WAAROM
    )
    baan.refresh_from_db()
    assert baan.verdringing_bevestigd_door == wgd.user
    assert baan.verdringing_bevestigd_op is not None
    assert "Is het werk extra, naast het werk van de vaste medewerkers? Ja." in (
        baan.verdringing_toelichting
    )
    assert _plaats(wgd, persoon, baan).baan == baan
    assert AuditEvent.objects.filter(object_id=str(baan.pk)).count() == 2


def test_a_reason_is_required_for_every_answer(wgd, tenant_a):
    baan = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente, bevestigd=False)
    with pytest.raises(ValidationError) as fout:
        services.verdringingstoets_bevestigen(
            actor=wgd, baan=baan, antwoorden=GOED, toelichtingen=WAAROM | {"aanvullend": " "}
        )
    assert set(fout.value.message_dict) == {"aanvullend_toelichting"}


def test_changing_the_work_withdraws_the_check(wgd, tenant_a):
    baan = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente)
    baan = services.baan_opslaan(
        actor=wgd, gemeente=tenant_a.gemeente, gegevens={"postcode": "7412 CD"}, baan=baan
    )
    assert baan.verdringing_bevestigd_op is not None, "the address is not the work"
    baan = services.baan_opslaan(
        actor=wgd,
        gemeente=tenant_a.gemeente,
        gegevens={"taken": "Ook de bar beheren"},
        baan=baan,
    )
    assert baan.toets_vervallen and baan.verdringing_bevestigd_op is None


def test_capacity_is_respected_and_an_ended_placement_frees_a_place(wgd, tenant_a):
    baan = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente, capaciteit=2)
    eerste, tweede, derde = (PersoonFactory(gemeente=tenant_a.gemeente) for _ in range(3))
    p1 = _plaats(wgd, eerste, baan)
    _plaats(wgd, tweede, baan)
    with pytest.raises(ValidationError, match="vol"):
        _plaats(wgd, derde, baan)
    services.plaatsing_beeindigen(
        actor=wgd, plaatsing=p1, datum=dt.date(2026, 3, 31), reden="Andere baan gevonden"
    )
    with pytest.raises(ValidationError, match="vol"):
        _plaats(wgd, derde, baan, begindatum=dt.date(2026, 3, 15))
    assert _plaats(wgd, derde, baan, begindatum=dt.date(2026, 4, 1))


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite locks the file"
)
def test_two_people_placing_at_once_cannot_both_take_the_last_place(tenant_a):
    wgd = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    baan = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente, capaciteit=1)
    personen = [PersoonFactory(gemeente=tenant_a.gemeente) for _ in range(4)]
    start = threading.Barrier(len(personen))
    uitkomsten = []

    def plaatsen(persoon):
        start.wait()
        try:
            _plaats(wgd, persoon, baan)
            uitkomsten.append("geplaatst")
        except ValidationError:
            uitkomsten.append("vol")
        finally:
            connection.close()

    draden = [threading.Thread(target=plaatsen, args=(p,)) for p in personen]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert sorted(uitkomsten) == ["geplaatst", "vol", "vol", "vol"]
    assert Plaatsing.objects.filter(baan=baan).count() == 1


def test_placement_on_a_vacancy_respects_its_places_and_the_proposal(wgd, tenant_a):
    vacature = VacatureFactory(werkgever__gemeente=tenant_a.gemeente, plaatsen=1)
    voorstel = VoorstelFactory(persoon__gemeente=tenant_a.gemeente, vacature=vacature)
    klantmanager = tenant_a.actor(Rol.KLANTMANAGER)
    # A klantmanager records the outcome of a proposal (MATCHEN); placing without one is the
    # werkgeversdienstverlener's job.
    plaatsing = services.plaatsing_aanmaken(
        klantmanager,
        persoon=voorstel.persoon,
        soort=Plaatsing.Soort.REGULIER,
        vacature=vacature,
        voorstel=voorstel,
        begindatum=dt.date(2026, 2, 1),
        uren_per_week=32,
    )
    assert plaatsing.voorstel == voorstel
    with pytest.raises(ValidationError, match="al vervuld"):
        services.plaatsing_aanmaken(
            wgd,
            persoon=PersoonFactory(gemeente=tenant_a.gemeente),
            soort=Plaatsing.Soort.REGULIER,
            vacature=vacature,
            begindatum=dt.date(2026, 2, 1),
            uren_per_week=32,
        )
    from meedoen.core.actor import Geweigerd

    with pytest.raises(Geweigerd):
        services.plaatsing_aanmaken(
            klantmanager,
            persoon=PersoonFactory(gemeente=tenant_a.gemeente),
            soort=Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN,
            baan=MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente),
            begindatum=dt.date(2026, 2, 1),
            uren_per_week=16,
        )


def test_kind_of_placement_needs_the_right_place(wgd, tenant_a):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    with pytest.raises(ValidationError) as fout:
        services.plaatsing_aanmaken(
            wgd,
            persoon=persoon,
            soort=Plaatsing.Soort.DETACHERING,
            begindatum=dt.date(2026, 2, 1),
            uren_per_week=16,
        )
    assert "vacature" in fout.value.message_dict


def test_loonkostensubsidie_is_computed_by_the_rules_engine(wgd, tenant_a):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(1990, 5, 1))
    plaatsing = PlaatsingFactory(
        persoon=persoon,
        soort=Plaatsing.Soort.REGULIER,
        baan=None,
        vacature=VacatureFactory(werkgever__gemeente=tenant_a.gemeente),
        uren_per_week=32,
    )
    plaatsing = services.loonwaarde_vastleggen(
        actor=wgd,
        plaatsing=plaatsing,
        percentage=60,
        methode="Uniforme loonwaardebepaling op de werkplek",
        vastgesteld_door="Jobcoach R. de Vries",
        vastgesteld_op=dt.date(2026, 1, 20),
        periode="2026-02",
    )
    # WML 14.71 x 32 x 52 / 12 = 2,039.79; subsidy 40% = 815.916 -> 815.92;
    # werkgeverslasten 23.5% of 815.92 = 191.7412 -> 191.74; total 1,007.66 a month.
    assert plaatsing.loonkostensubsidie_cent == 100766
    assert plaatsing.loonwaarde_percentage == 60
    assert len(plaatsing.loonkostensubsidie_berekening["explanation"]) == 3
    assert "Participatiewet art. 10d" in {
        stap["article"] for stap in plaatsing.loonkostensubsidie_berekening["explanation"]
    }


def test_loonkostensubsidie_only_with_a_regular_employer_below_100(wgd, tenant_a):
    plaatsing = PlaatsingFactory(persoon__gemeente=tenant_a.gemeente)
    gegevens = {
        "methode": "ULW",
        "vastgesteld_door": "Jobcoach",
        "vastgesteld_op": dt.date(2026, 1, 20),
        "periode": "2026-02",
    }
    with pytest.raises(ValidationError, match="reguliere werkgever"):
        services.loonwaarde_vastleggen(actor=wgd, plaatsing=plaatsing, percentage=50, **gegevens)
    plaatsing.soort = Plaatsing.Soort.REGULIER
    plaatsing.save()
    with pytest.raises(ValidationError) as fout:
        services.loonwaarde_vastleggen(actor=wgd, plaatsing=plaatsing, percentage=100, **gegevens)
    assert "percentage" in fout.value.message_dict


def test_contact_needed_worklist(wgd, tenant_a):
    vandaag = dt.date(2026, 3, 1)
    nieuw = PlaatsingFactory(persoon__gemeente=tenant_a.gemeente, begindatum=vandaag)
    lang_geleden = PlaatsingFactory(
        persoon__gemeente=tenant_a.gemeente, begindatum=dt.date(2026, 2, 1)
    )
    gepland = PlaatsingFactory(persoon__gemeente=tenant_a.gemeente, begindatum=dt.date(2026, 1, 5))

    def nodig():
        return set(selectors.plaatsingen(actor=wgd, vandaag=vandaag, alleen_contact_nodig=True))

    # 28 days since the start without any contact: due (first contact within 14 days).
    assert nodig() == {lang_geleden, gepland}
    services.plaatsing_contact_vastleggen(
        actor=wgd,
        plaatsing=gepland,
        datum=dt.date(2026, 2, 20),
        verloop="Gaat goed, vindt het werk leuk.",
        volgende_contact=dt.date(2026, 3, 10),
        vandaag=vandaag,
    )
    assert nodig() == {lang_geleden}
    assert gepland in set(
        selectors.plaatsingen(actor=wgd, vandaag=dt.date(2026, 3, 10), alleen_contact_nodig=True)
    )
    assert nieuw not in nodig()


def test_ending_a_placement_with_a_running_contract_is_refused(wgd, tenant_a):
    contract = ArbeidscontractFactory(plaatsing__persoon__gemeente=tenant_a.gemeente)
    with pytest.raises(ValidationError, match="Beëindig eerst het contract"):
        services.plaatsing_beeindigen(
            actor=wgd, plaatsing=contract.plaatsing, datum=dt.date(2026, 3, 1), reden="Stopt"
        )


def test_list_filters_by_sector_status_and_free_places(wgd, tenant_a, ingelogd):
    vandaag = dt.date(2026, 3, 1)
    vol = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente, capaciteit=1, sector="zorg")
    PlaatsingFactory(baan=vol, persoon__gemeente=tenant_a.gemeente)
    vrij = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente, sector="sport")
    toets = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente, bevestigd=False)
    kwargs = {"actor": wgd, "vandaag": vandaag}
    assert set(selectors.banen(**kwargs, alleen_vrij=True)) == {vrij}
    assert set(selectors.banen(**kwargs, sector="zorg")) == {vol}
    assert set(selectors.banen(**kwargs, status="toets")) == {toets}
    assert selectors.banen(**kwargs).get(pk=vrij.pk).vrij == 2
    html = ingelogd(wgd.user).get("/werk/banen/?sector=sport").content.decode()
    assert vrij.titel in html and vol.titel not in html


def test_pages_place_a_resident_and_record_a_contact(wgd, tenant_a, ingelogd):
    baan = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente)
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(wgd.user)
    formulier = client.get(f"/werk/banen/inwoner/{persoon.pk}/plaatsen/")
    assert baan.titel in formulier.content.decode()
    antwoord = client.post(
        f"/werk/banen/inwoner/{persoon.pk}/plaatsen/",
        {
            "soort": "maatschappelijke_baan",
            "baan": baan.pk,
            "begindatum": "2026-02-01",
            "uren_per_week": "16",
        },
    )
    plaatsing = Plaatsing.objects.get(persoon=persoon)
    assert antwoord["Location"] == f"/werk/banen/plaatsingen/{plaatsing.pk}/"
    client.post(
        f"/werk/banen/plaatsingen/{plaatsing.pk}/contact/",
        {"datum": "2026-02-14", "verloop": "Eerste weken gaan goed.", "volgende_contact": ""},
    )
    html = client.get(f"/werk/banen/plaatsingen/{plaatsing.pk}/").content.decode()
    assert "Eerste weken gaan goed." in html
    dossier = client.get(f"/inwoners/{persoon.pk}/").content.decode()
    assert baan.titel in dossier


def test_baan_page_flow_create_and_confirm(wgd, tenant_a, ingelogd):
    client = ingelogd(wgd.user)
    antwoord = client.post(
        "/werk/banen/nieuw/",
        {
            "gemeente": tenant_a.gemeente.pk,
            "gastorganisatie": "Sportclub Go Ahead",
            "sector": "sport",
            "titel": "Materiaalbeheer",
            "taken": "Ballen en doelen klaarzetten",
            "uren_per_week": "12",
            "capaciteit": "3",
            "postcode": "7411 AB",
            "begindatum": "2026-01-01",
        },
    )
    baan = MaatschappelijkeBaan.objects.get(titel="Materiaalbeheer")
    assert antwoord["Location"] == f"/werk/banen/{baan.pk}/verdringingstoets/"
    client.post(
        antwoord["Location"],
        {
            "anders_betaald": "nee",
            "anders_betaald_toelichting": WAAROM["anders_betaald"],
            "aanvullend": "ja",
            "aanvullend_toelichting": WAAROM["aanvullend"],
            "recente_vacatures": "nee",
            "recente_vacatures_toelichting": WAAROM["recente_vacatures"],
            "bevestiging": "on",
        },
    )
    baan.refresh_from_db()
    assert baan.verdringing_bevestigd_door == wgd.user
    assert "Bevestigd door" in client.get(f"/werk/banen/{baan.pk}/").content.decode()


def test_start_page_shows_placements_that_need_contact(wgd, tenant_a, ingelogd):
    vandaag = dt.date.today()
    plaatsing = PlaatsingFactory(
        persoon__gemeente=tenant_a.gemeente,
        persoon__achternaam="Wachtmans",
        begindatum=vandaag - dt.timedelta(days=30),
    )
    html = ingelogd(wgd.user).get("/").content.decode()
    assert "Plaatsingen: contact nodig" in html
    assert "Wachtmans" in html and f"/werk/banen/plaatsingen/{plaatsing.pk}/" in html
    klantmanager = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER)).get("/").content.decode()
    assert "Plaatsingen: contact nodig" not in klantmanager
