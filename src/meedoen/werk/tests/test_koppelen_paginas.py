"""The matching pages: matches for a resident, candidates for a vacancy, proposing and recording
the next step, the weights page and the training catalogue; roles (403) and tenancy (404)."""

import datetime as dt

import pytest

from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import (
    OpleidingFactory,
    VacatureFactory,
    VoorstelFactory,
    WerkervaringFactory,
    WerkprofielFactory,
    zoekt_werk,
)
from meedoen.werk.models import Opleiding, Plaatsing, Voorstel, Werkbeleid

pytestmark = pytest.mark.django_db

MAGAZIJN = "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
KOK = "90f75f67-495d-49fa-ab57-2f320e251d7e"


def inwoner(gemeente, **profiel):
    persoon = PersoonFactory(gemeente=gemeente, postcode="7411 AB")
    werkprofiel = WerkprofielFactory(persoon=persoon, reisafstand_km=25, **profiel)
    WerkervaringFactory(profiel=werkprofiel, beroep=MAGAZIJN, jaren=5)
    zoekt_werk(persoon)
    return persoon


@pytest.fixture
def set_a(tenant_a):
    persoon = inwoner(tenant_a.gemeente, nogo_beroepen=[KOK])
    vacature = VacatureFactory(
        werkgever__gemeente=tenant_a.gemeente,
        titel="Magazijnmedewerker bij De Pakkerij",
        beroep=MAGAZIJN,
        uren_per_week=32,
    )
    return persoon, vacature


def test_klantmanager_proposes_from_the_residents_matches(tenant_a, set_a, ingelogd):
    persoon, vacature = set_a
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    pagina = client.get(f"/werk/koppelen/inwoner/{persoon.pk}/matches/")
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert "Magazijnmedewerker bij De Pakkerij" in html
    assert "ervaring als magazijnmedewerker (5 jaar)" in html
    assert AuditEvent.objects.filter(persoon_id=persoon.pk, actie=Actie.GELEZEN).count() == 1

    antwoord = client.post(
        f"/werk/koppelen/inwoner/{persoon.pk}/vacature/{vacature.pk}/voorstellen/",
        {"terug": "inwoner", "score": "100"},  # a posted score is ignored
    )
    voorstel = Voorstel.objects.get(persoon=persoon, vacature=vacature)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/werk/koppelen/voorstellen/{voorstel.pk}/"
    # Defaults: 32 h, education 0, experience 5 years, no skills asked, 0 km: exact 3 + skills
    # 2 + hours 1 (32 of 32) + education 1 + distance 1 = 8 of 9.5 -> 84.2
    assert str(voorstel.score) == "84.2"
    assert {r["code"] for r in voorstel.redenen} >= {"ervaring", "afstand_km", "uren"}
    html = client.get(f"/werk/koppelen/inwoner/{persoon.pk}/matches/").content.decode()
    assert "Al voorgesteld (voorgesteld)" in html


def test_next_steps_on_the_proposal_page(tenant_a, set_a, ingelogd):
    persoon, vacature = set_a
    voorstel = VoorstelFactory(persoon=persoon, vacature=vacature)
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    pad = f"/werk/koppelen/voorstellen/{voorstel.pk}/"
    assert client.get(pad).status_code == 200

    # Rejecting without a reason: a clear message, nothing recorded.
    html = client.post(pad, {"status": "afgewezen", "afwijsreden": ""}).content.decode()
    assert "Schrijf op waarom het niet doorgaat." in html
    assert voorstel.statussen.count() == 1

    assert client.post(pad, {"status": "gesprek"}).status_code == 302
    html = client.post(pad, {"status": "geplaatst"}).content.decode()
    assert "Vul de begindatum van het werk in." in html
    antwoord = client.post(pad, {"status": "geplaatst", "begindatum": "2026-03-01"})
    assert antwoord.status_code == 302
    voorstel.refresh_from_db()
    assert voorstel.status == "geplaatst"
    assert Plaatsing.objects.get(voorstel=voorstel).begindatum == dt.date(2026, 3, 1)
    # A finished proposal takes no more steps.
    client.post(pad, {"status": "afgewezen", "afwijsreden": "x"})
    assert voorstel.statussen.count() == 3


def test_a_no_go_is_never_proposed(tenant_a, set_a, ingelogd):
    persoon, _vacature = set_a
    kok = VacatureFactory(werkgever__gemeente=tenant_a.gemeente, beroep=KOK)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    antwoord = client.post(
        f"/werk/koppelen/inwoner/{persoon.pk}/vacature/{kok.pk}/voorstellen/", follow=True
    )
    assert "Niet voorgesteld: deze vacature past niet (wil niet werken als kok)." in (
        antwoord.content.decode()
    )
    assert not Voorstel.objects.exists()


def test_candidates_page_records_each_read(tenant_a, set_a, ingelogd):
    persoon, vacature = set_a
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    html = client.get(f"/werk/koppelen/vacature/{vacature.pk}/kandidaten/").content.decode()
    assert persoon.volledige_naam in html
    assert AuditEvent.objects.filter(
        persoon_id=persoon.pk, actie=Actie.GELEZEN, doel__contains=str(vacature.pk)
    ).exists()
    client.post(
        f"/werk/koppelen/inwoner/{persoon.pk}/vacature/{vacature.pk}/voorstellen/",
        {"terug": "vacature"},
    )
    assert Voorstel.objects.filter(persoon=persoon, vacature=vacature).exists()


def test_another_gemeentes_objects_answer_404(tenant_a, tenant_b, set_a, ingelogd):
    eigen_persoon, eigen_vacature = set_a
    persoon_b = inwoner(tenant_b.gemeente)
    vacature_b = VacatureFactory(werkgever__gemeente=tenant_b.gemeente, beroep=MAGAZIJN)
    voorstel_b = VoorstelFactory(persoon=persoon_b, vacature=vacature_b)
    opleiding_b = OpleidingFactory(gemeente=tenant_b.gemeente)
    client = ingelogd(tenant_a.gebruiker(*Rol))
    for pad in (
        f"/werk/koppelen/inwoner/{persoon_b.pk}/matches/",
        f"/werk/koppelen/inwoner/{persoon_b.pk}/kansen/",
        f"/werk/koppelen/vacature/{vacature_b.pk}/kandidaten/",
        f"/werk/koppelen/voorstellen/{voorstel_b.pk}/",
        f"/werk/koppelen/opleidingen/{opleiding_b.pk}/",
        f"/werk/koppelen/werkbeleid/?gemeente={tenant_b.gemeente.pk}",
        f"/werk/koppelen/opleidingen/?gemeente={tenant_b.gemeente.pk}",
        f"/werk/koppelen/arbeidsmarkt/?gemeente={tenant_b.gemeente.pk}",
    ):
        assert client.get(pad).status_code == 404, pad
    for persoon, vacature in ((eigen_persoon, vacature_b), (persoon_b, eigen_vacature)):
        pad = f"/werk/koppelen/inwoner/{persoon.pk}/vacature/{vacature.pk}/voorstellen/"
        assert client.post(pad).status_code == 404
    assert client.post(f"/werk/koppelen/voorstellen/{voorstel_b.pk}/", {"status": "gesprek"})
    voorstel_b.refresh_from_db()
    assert voorstel_b.status == "voorgesteld"
    assert Voorstel.objects.count() == 1


def test_roles(tenant_a, set_a, ingelogd):
    persoon, vacature = set_a
    matches = f"/werk/koppelen/inwoner/{persoon.pk}/matches/"
    kandidaten = f"/werk/koppelen/vacature/{vacature.pk}/kandidaten/"
    verwacht = {
        Rol.INKOMENSCONSULENT: {matches: 403, kandidaten: 403, "/werk/koppelen/werkbeleid/": 403},
        Rol.BELEIDSADVISEUR: {matches: 403, kandidaten: 403, "/werk/koppelen/opleidingen/": 403},
        Rol.KLANTMANAGER: {matches: 200, kandidaten: 200, "/werk/koppelen/opleidingen/": 403},
        Rol.WERKGEVERSDIENSTVERLENER: {kandidaten: 200, "/werk/koppelen/opleidingen/": 200},
        Rol.FUNCTIONEEL_BEHEERDER: {
            matches: 403,
            "/werk/koppelen/werkbeleid/": 200,
            "/werk/koppelen/opleidingen/": 200,
        },
    }
    for rol, paden in verwacht.items():
        client = ingelogd(tenant_a.gebruiker(rol))
        for pad, status in paden.items():
            assert client.get(pad).status_code == status, (rol, pad)


def test_weights_page(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    pad = f"/werk/koppelen/werkbeleid/?gemeente={tenant_a.gemeente.pk}"
    html = client.get(pad).content.decode()
    assert "standaardwaarden" in html
    gewichten = {
        "gewicht_beroep_exact": "4",
        "gewicht_beroep_verwant": "2",
        "gewicht_vaardigheden": "2",
        "gewicht_uren": "1",
        "gewicht_afstand": "0.5",
        "gewicht_opleiding": "1",
        "gewicht_wensen": "1",
    }
    html = client.post(pad, {**gewichten, "gewicht_afstand": "11"}).content.decode()
    assert not Werkbeleid.objects.exists()  # 11 is above the maximum of 10
    assert "gewicht afstand" in html.lower()
    nul = dict.fromkeys(gewichten, "0")
    assert (
        "Geef minstens één onderdeel een gewicht boven 0." in client.post(pad, nul).content.decode()
    )
    assert client.post(pad, {**gewichten, "recht_op_werk": "on"}).status_code == 302
    beleid = Werkbeleid.objects.get(gemeente=tenant_a.gemeente)
    assert (beleid.gewicht_beroep_exact, beleid.gewicht_afstand, beleid.recht_op_werk) == (
        4.0,
        0.5,
        True,
    )
    assert AuditEvent.objects.filter(object_id=str(beleid.pk), actie=Actie.AANGEMAAKT).exists()


def test_training_catalogue(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    pad = f"/werk/koppelen/opleidingen/?gemeente={tenant_a.gemeente.pk}"
    antwoord = client.post(
        pad,
        {
            "naam": "Heftruckcursus",
            "soort": "certificaat",
            "aanbieder": "Opleidingscentrum Oost",
            "vaardigheden": ["nl-heftruckcertificaat"],
            "beroepen": [],
            "duur_weken": "2",
            "kosten": "450.50",  # a number input always posts a dot
            "actief": "on",
        },
    )
    assert antwoord.status_code == 302
    opleiding = Opleiding.objects.get()
    assert (opleiding.vaardigheden, opleiding.kosten_cent, opleiding.gemeente) == (
        ["nl-heftruckcertificaat"],
        45050,
        tenant_a.gemeente,
    )
    html = client.get(pad).content.decode()
    assert "Heftruckcursus" in html and "Heftruckcertificaat" in html
    # An unknown skill code is refused with a message; nothing changes.
    html = client.post(
        f"/werk/koppelen/opleidingen/{opleiding.pk}/",
        {
            "naam": "Heftruckcursus",
            "soort": "certificaat",
            "vaardigheden": ["bestaat-niet"],
            "kosten": "1",
        },
    ).content.decode()
    assert "staat niet in de lijst" in html
    opleiding.refresh_from_db()
    assert opleiding.kosten_cent == 45050
