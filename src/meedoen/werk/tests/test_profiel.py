"""The work profile: started from the ambitiegesprek, edited by a klantmanager (MATCHEN), with
experience mapped to occupations that the caseworker can correct; readers without MATCHEN only
read; another gemeente's resident answers 404. Every write and read is audited."""

import datetime as dt
from decimal import Decimal

import pytest

from meedoen.begeleiding.services.traject import ambitiegesprek_vastleggen
from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import WerkervaringFactory, WerkprofielFactory
from meedoen.werk.models import Werkervaring, Werkprofiel
from meedoen.werk.profiel import services

pytestmark = pytest.mark.django_db

SCHOONMAKER_GEBOUWEN = "303a1e34-cb16-4054-b323-81e5eec17397"
INTERIEURVERZORGER = "cbad55a4-c7cf-4ab6-9540-eac72b26729b"  # ESCO code, ISCO 9111
HEFTRUCKCHAUFFEUR = "eeac6251-1974-42f5-91ed-513c6c883755"


def _pad(persoon):
    return f"/werk/inwoner/{persoon.pk}/profiel/"


def _profiel_post(**extra):
    gegevens = {
        "opleidingsniveau": "3",
        "uren_per_week": "24",
        "reisafstand_km": "15",
        "openbaar_vervoer": "on",
        "talen": "Nederlands, Arabisch, nederlands",
        "nederlands_niveau": "B1",
        "vaardigheden": ["nl-heftruckcertificaat", "nl-vca-basis"],
        "wens_beroepen": [HEFTRUCKCHAUFFEUR],
        "wensen": "Liefst overdag werken.",
        "met_inwoner_besproken_op": "2026-03-02",
        "actie": "opslaan",
    }
    gegevens.update(extra)
    return gegevens


def test_a_new_profile_starts_from_the_ambitiegesprek(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    klantmanager = tenant_a.actor(Rol.KLANTMANAGER)
    ambitiegesprek_vastleggen(
        actor=klantmanager,
        persoon=persoon,
        datum=dt.date(2026, 2, 1),
        gegevens={
            "ambities": "Weer aan het werk in de logistiek",
            "werkervaring": "Tien jaar heftruckchauffeur bij een distributiecentrum",
            "wensen": "Niet in het weekend",
            "uren_beschikbaar": 28,
        },
        vandaag=dt.date(2026, 2, 1),
    )
    client = ingelogd(klantmanager.user)
    html = client.get(_pad(persoon)).content.decode()
    assert 'name="uren_per_week" value="28"' in html
    assert "Niet in het weekend" in html and "Weer aan het werk in de logistiek" in html
    assert "Tien jaar heftruckchauffeur" in html  # shown as a hint for the experience rows
    assert not Werkprofiel.objects.exists()  # nothing saved by looking


def test_klantmanager_saves_the_profile_and_it_is_audited(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    response = client.post(_pad(persoon), _profiel_post())
    assert response.status_code == 302
    profiel = Werkprofiel.objects.get(persoon=persoon)
    assert profiel.uren_per_week == 24
    assert profiel.talen == ["Nederlands", "Arabisch", "nederlands"]
    assert profiel.vaardigheden == ["nl-heftruckcertificaat", "nl-vca-basis"]
    assert profiel.wens_beroepen == [HEFTRUCKCHAUFFEUR]
    assert profiel.met_inwoner_besproken_op == dt.date(2026, 3, 2)
    event = AuditEvent.objects.get(actie=Actie.AANGEMAAKT, object_id=str(profiel.pk))
    assert event.persoon_id == persoon.pk and event.doel == "matchen"
    assert event.wijzigingen["uren_per_week"] == [None, 24]


def test_the_same_occupation_cannot_be_wanted_and_unwanted(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    response = client.post(_pad(persoon), _profiel_post(nogo_beroepen=[HEFTRUCKCHAUFFEUR]))
    assert response.status_code == 200
    assert "niet tegelijk gewenst en niet gewenst zijn: heftruckchauffeur" in (
        response.content.decode()
    )
    assert not Werkprofiel.objects.exists()


def test_searching_a_skill_without_javascript_keeps_what_was_typed(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    response = client.post(
        _pad(persoon),
        _profiel_post(actie="zoeken", vaardigheden_zoek="reachtruck", uren_per_week="31"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="nl-reachtruckcertificaat"' in html  # found, not yet chosen
    assert 'value="nl-heftruckcertificaat" id="id_vaardigheden_0" class="' in html
    assert 'name="uren_per_week" value="31"' in html
    assert "Niet alles is goed ingevuld" not in html
    assert not Werkprofiel.objects.exists()


def test_live_search_returns_options_and_keeps_the_chosen_ones(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    html = client.get(
        "/werk/taxonomie/zoeken/",
        {
            "soort": "vaardigheid",
            "naam": "vaardigheden",
            "meervoud": "1",
            "vaardigheden": "nl-vca-basis",
            "vaardigheden_zoek": "heftruck",
        },
    ).content.decode()
    assert html.index("nl-vca-basis") < html.index("nl-heftruckcertificaat")
    assert 'value="nl-vca-basis" id="id_vaardigheden_0" class="utrecht-checkbox' in html
    assert "checked" in html.split("nl-vca-basis")[1].split(">")[0]
    beleid = ingelogd(tenant_a.gebruiker(Rol.BELEIDSADVISEUR))
    assert beleid.get("/werk/taxonomie/zoeken/", {"soort": "beroep"}).status_code == 403


def test_experience_is_mapped_and_the_caseworker_corrects_the_mapping(tenant_a, ingelogd):
    profiel = WerkprofielFactory(persoon__gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    response = client.post(
        f"/werk/inwoner/{profiel.persoon.pk}/profiel/ervaring/",
        {"ervaring-functietitel": "Schoonmaakster", "ervaring-jaren": "4,5"},
    )
    assert response.status_code == 302
    ervaring = Werkervaring.objects.get(profiel=profiel)
    assert (ervaring.beroep, ervaring.handmatig_gekoppeld) == (SCHOONMAKER_GEBOUWEN, False)
    assert ervaring.jaren == Decimal("4.5")
    html = client.get(_pad(profiel.persoon)).content.decode()
    assert "We denken: schoonmaker gebouwen" in html

    # She cleaned private homes: the caseworker picks "interieurverzorger" instead.
    pagina = client.get(f"/werk/profiel/ervaring/{ervaring.pk}/").content.decode()
    assert "We denken: schoonmaker gebouwen" in pagina
    response = client.post(
        f"/werk/profiel/ervaring/{ervaring.pk}/",
        {
            "functietitel": "Schoonmaakster",
            "jaren": "4.5",
            "beroep": INTERIEURVERZORGER,
            "actie": "opslaan",
        },
    )
    assert response.status_code == 302
    ervaring.refresh_from_db()
    assert (ervaring.beroep, ervaring.handmatig_gekoppeld) == (INTERIEURVERZORGER, True)
    event = AuditEvent.objects.filter(object_id=str(ervaring.pk), actie=Actie.GEWIJZIGD).get()
    assert event.wijzigingen["beroep"] == [SCHOONMAKER_GEBOUWEN, INTERIEURVERZORGER]
    assert event.wijzigingen["handmatig_gekoppeld"] == [False, True]
    html = client.get(_pad(profiel.persoon)).content.decode()
    assert "interieurverzorger (gekozen door medewerker)" in html


def test_an_unsure_title_is_not_mapped_and_leads_to_the_choice(tenant_a, ingelogd):
    profiel = WerkprofielFactory(persoon__gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    response = client.post(
        f"/werk/inwoner/{profiel.persoon.pk}/profiel/ervaring/",
        {"ervaring-functietitel": "kasamedewerker", "ervaring-jaren": "2"},
    )
    ervaring = Werkervaring.objects.get(profiel=profiel)
    assert ervaring.beroep == ""
    assert response["Location"] == f"/werk/profiel/ervaring/{ervaring.pk}/"
    html = client.get(response["Location"]).content.decode()
    assert "Meer beroepen passen even goed" in html
    assert "kassamedewerker" in html and "tuinbouwmedewerker" in html
    # choosing nothing is refused with a clear message
    response = client.post(
        response["Location"], {"functietitel": "kasamedewerker", "jaren": "2", "actie": "opslaan"}
    )
    assert "Kies een beroep." in response.content.decode()


def test_deleting_experience_is_audited(tenant_a):
    ervaring = WerkervaringFactory(profiel__persoon__gemeente=tenant_a.gemeente)
    pk, titel = ervaring.pk, ervaring.functietitel
    services.werkervaring_verwijderen(actor=tenant_a.actor(Rol.KLANTMANAGER), ervaring=ervaring)
    assert not Werkervaring.objects.exists()
    event = AuditEvent.objects.get(actie=Actie.BEEINDIGD, object_id=str(pk))
    assert event.wijzigingen["functietitel"] == [titel, None]


def test_a_reader_without_matchen_reads_but_cannot_change(tenant_a, ingelogd):
    profiel = WerkprofielFactory(persoon__gemeente=tenant_a.gemeente, uren_per_week=20)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    response = client.get(_pad(profiel.persoon))
    assert response.status_code == 200
    assert '<form method="post" novalidate>' not in response.content.decode()
    assert client.post(_pad(profiel.persoon), _profiel_post()).status_code == 403
    profiel.refresh_from_db()
    assert profiel.uren_per_week == 20
    assert AuditEvent.objects.filter(actie=Actie.GELEZEN, persoon_id=profiel.persoon_id).exists()


def test_another_gemeentes_resident_and_experience_answer_404(tenant_a, tenant_b, ingelogd):
    ervaring = WerkervaringFactory(profiel__persoon__gemeente=tenant_b.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert client.get(_pad(ervaring.profiel.persoon)).status_code == 404
    assert client.get(f"/werk/profiel/ervaring/{ervaring.pk}/").status_code == 404
    assert client.post(f"/werk/profiel/ervaring/{ervaring.pk}/verwijderen/").status_code == 404
    assert Werkervaring.objects.filter(pk=ervaring.pk).exists()


def test_the_dossier_shows_the_work_profile_panel(tenant_a, ingelogd):
    profiel = WerkprofielFactory(
        persoon__gemeente=tenant_a.gemeente, vaardigheden=["nl-heftruckcertificaat"]
    )
    WerkervaringFactory(profiel=profiel, functietitel="Heftruckchauffeur", beroep=HEFTRUCKCHAUFFEUR)
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    html = client.get(f"/inwoners/{profiel.persoon.pk}/").content.decode()
    assert "Werkprofiel" in html and "Heftruckcertificaat" in html
    assert "Werkprofiel bewerken" in html  # werkgeversdienstverleners have MATCHEN
