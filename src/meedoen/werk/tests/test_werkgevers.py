"""Employers and vacancies: KvK numbers validated (8 digits) and unique per gemeente, vacancies
only with taxonomy codes and a Dutch postcode, status changes by a transition table, all writes
audited; klantmanagers read, only werkgeversdienstverleners write; another gemeente's employer or
vacancy answers 404."""

import pytest
from django.core.exceptions import ValidationError

from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.werk_factories import (
    ContactpersoonFactory,
    VacatureFactory,
    WerkgeverFactory,
)
from meedoen.werk.models import Vacature, Werkgever
from meedoen.werk.werkgevers import services
from meedoen.werk.werkgevers.kvk import kvk_fout

pytestmark = pytest.mark.django_db

HEFTRUCKCHAUFFEUR = "eeac6251-1974-42f5-91ed-513c6c883755"


@pytest.mark.parametrize(
    ("invoer", "fout"),
    [
        ("12345678", None),
        ("01234567", None),  # leading zero: older KvK numbers have one
        ("1234 5678", None),
        ("12.345.678", None),
        ("1234567", "Een KvK-nummer heeft precies 8 cijfers."),
        ("123456789", "Een KvK-nummer heeft precies 8 cijfers."),
        ("1234567A", "Een KvK-nummer heeft precies 8 cijfers."),
        ("00000000", "Dit is geen geldig KvK-nummer."),
        ("", "Vul het KvK-nummer in."),
    ],
)
def test_kvk_number_rule(invoer, fout):
    assert kvk_fout(invoer) == fout


def test_employer_is_stored_with_a_normalised_kvk_number_once_per_gemeente(tenant_a, tenant_b):
    actor = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    werkgever = services.werkgever_opslaan(
        actor=actor,
        gemeente=tenant_a.gemeente,
        gegevens={"naam": "Logistiek Oost BV", "kvk_nummer": "12.345.678", "postcode": "7418be"},
    )
    assert (werkgever.kvk_nummer, werkgever.postcode) == ("12345678", "7418 BE")
    assert AuditEvent.objects.filter(actie=Actie.AANGEMAAKT, object_id=str(werkgever.pk)).exists()
    with pytest.raises(ValidationError) as fout:
        services.werkgever_opslaan(
            actor=actor,
            gemeente=tenant_a.gemeente,
            gegevens={"naam": "Dubbel", "kvk_nummer": "1234 5678"},
        )
    assert fout.value.message_dict["kvk_nummer"] == [
        "Er is al een werkgever met dit KvK-nummer in deze gemeente: Logistiek Oost BV."
    ]
    # the same company in another gemeente is a separate employer record there
    services.werkgever_opslaan(
        actor=tenant_b.actor(Rol.WERKGEVERSDIENSTVERLENER),
        gemeente=tenant_b.gemeente,
        gegevens={"naam": "Logistiek Oost BV", "kvk_nummer": "12345678"},
    )
    assert Werkgever.objects.filter(kvk_nummer="12345678").count() == 2


def test_a_klantmanager_cannot_write_employers(tenant_a):
    with pytest.raises(Geweigerd):
        services.werkgever_opslaan(
            actor=tenant_a.actor(Rol.KLANTMANAGER),
            gemeente=tenant_a.gemeente,
            gegevens={"naam": "X", "kvk_nummer": "12345678"},
        )
    assert not Werkgever.objects.exists()


def _vacature_gegevens(werkgever, **extra):
    gegevens = {
        "werkgever": werkgever,
        "titel": "Heftruckchauffeur",
        "beroep": HEFTRUCKCHAUFFEUR,
        "uren_per_week": 32,
        "postcode": "7418 be",
        "contractvorm": "tijdelijk",
        "vaardigheden_vereist": ["nl-heftruckcertificaat"],
        "vaardigheden_gewenst": ["nl-ploegendienst"],
    }
    gegevens.update(extra)
    return gegevens


def test_vacancy_needs_taxonomy_codes_and_a_postcode(tenant_a):
    actor = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    werkgever = WerkgeverFactory(gemeente=tenant_a.gemeente)
    vacature = services.vacature_opslaan(actor=actor, gegevens=_vacature_gegevens(werkgever))
    assert vacature.postcode == "7418 BE" and vacature.gemeente == tenant_a.gemeente
    assert vacature.ingevoerd_door == actor.user
    with pytest.raises(ValidationError) as fout:
        services.vacature_opslaan(
            actor=actor,
            gegevens=_vacature_gegevens(
                werkgever,
                beroep="geen-code",
                postcode="12AB",
                vaardigheden_vereist=["nl-heftruckcertificaat", "bestaat-niet"],
                vaardigheden_gewenst=["nl-heftruckcertificaat"],
            ),
        )
    fouten = fout.value.message_dict
    assert fouten["beroep"] == ["Kies een beroep uit de lijst."]
    assert fouten["postcode"] == ["Vul een postcode in zoals 1234 AB."]
    assert fouten["vaardigheden_vereist"] == ["Onbekende vaardigheid: bestaat-niet."]
    assert Vacature.objects.count() == 1


def test_vacancy_status_follows_the_transition_table(tenant_a):
    actor = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    vacature = VacatureFactory(werkgever__gemeente=tenant_a.gemeente, beroep=HEFTRUCKCHAUFFEUR)
    services.vacature_status_wijzigen(actor=actor, vacature=vacature, status="vervuld")
    with pytest.raises(ValidationError):
        services.vacature_status_wijzigen(actor=actor, vacature=vacature, status="gesloten")
    services.vacature_status_wijzigen(actor=actor, vacature=vacature, status="open")
    vacature.refresh_from_db()
    assert vacature.status == "open"
    statussen = [
        e.wijzigingen["status"]
        for e in AuditEvent.objects.filter(object_id=str(vacature.pk)).order_by("pk")
    ]
    assert statussen == [["open", "vervuld"], ["vervuld", "open"]]


def test_pages_for_werkgeversdienstverlener(tenant_a, ingelogd):
    werkgever = WerkgeverFactory(gemeente=tenant_a.gemeente, naam="Bakkerij Brink")
    ContactpersoonFactory(werkgever=werkgever, naam="Fatima de Vries")
    vacature = VacatureFactory(werkgever=werkgever, beroep=HEFTRUCKCHAUFFEUR, titel="Chauffeur")
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    assert "Bakkerij Brink" in client.get("/werk/werkgevers/?q=brink").content.decode()
    html = client.get(f"/werk/werkgevers/{werkgever.pk}/").content.decode()
    assert "Fatima de Vries" in html and "Chauffeur" in html
    html = client.get(f"/werk/vacatures/{vacature.pk}/").content.decode()
    assert "heftruckchauffeur" in html and "Status: Gesloten" in html
    assert "Chauffeur" in client.get("/werk/vacatures/").content.decode()
    assert client.get("/werk/vacatures/nieuw/").status_code == 200
    assert client.get(f"/werk/vacatures/{vacature.pk}/wijzigen/").status_code == 200


def test_entering_a_vacancy_through_the_form(tenant_a, ingelogd):
    werkgever = WerkgeverFactory(gemeente=tenant_a.gemeente, postcode="7418 BE")
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    formulier = client.get(f"/werk/vacatures/nieuw/?werkgever={werkgever.pk}").content.decode()
    assert 'value="7418 BE"' in formulier
    # without JavaScript: search the occupation first, the form comes back with the options
    gegevens = {
        "werkgever": str(werkgever.pk),
        "titel": "Heftruckchauffeur",
        "uren_per_week": "32",
        "postcode": "7418 BE",
        "plaatsen": "2",
        "contractvorm": "tijdelijk",
        "opleidingsniveau_min": "0",
        "beroep_zoek": "heftruckchauffeur",
        "actie": "zoeken",
    }
    html = client.post("/werk/vacatures/nieuw/", gegevens).content.decode()
    assert f'value="{HEFTRUCKCHAUFFEUR}"' in html
    assert not Vacature.objects.exists()
    gegevens.update(
        beroep=HEFTRUCKCHAUFFEUR, vaardigheden_vereist=["nl-heftruckcertificaat"], actie="opslaan"
    )
    response = client.post("/werk/vacatures/nieuw/", gegevens)
    assert response.status_code == 302, response.content.decode()[-3000:]
    vacature = Vacature.objects.get()
    assert response["Location"] == f"/werk/vacatures/{vacature.pk}/"
    assert (vacature.beroep, vacature.plaatsen) == (HEFTRUCKCHAUFFEUR, 2)
    assert vacature.vaardigheden_vereist == ["nl-heftruckcertificaat"]


def test_a_vacancy_without_an_occupation_gets_a_clear_message(tenant_a, ingelogd):
    werkgever = WerkgeverFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    html = client.post(
        "/werk/vacatures/nieuw/",
        {
            "werkgever": str(werkgever.pk),
            "titel": "Iets",
            "uren_per_week": "32",
            "postcode": "7418 BE",
            "plaatsen": "1",
            "contractvorm": "vast",
            "opleidingsniveau_min": "0",
            "actie": "opslaan",
        },
    ).content.decode()
    assert "Kies een beroep." in html
    assert 'value="Iets"' in html  # what was typed is kept
    assert not Vacature.objects.exists()


def test_klantmanager_reads_but_cannot_manage(tenant_a, ingelogd):
    vacature = VacatureFactory(werkgever__gemeente=tenant_a.gemeente, beroep=HEFTRUCKCHAUFFEUR)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert client.get(f"/werk/vacatures/{vacature.pk}/").status_code == 200
    assert client.get("/werk/vacatures/nieuw/").status_code == 403
    assert client.get("/werk/werkgevers/nieuw/").status_code == 403
    assert client.get("/werk/vacatures/importeren/").status_code == 403
    response = client.post(f"/werk/vacatures/{vacature.pk}/status/", {"status": "gesloten"})
    assert response.status_code == 403
    beleid = ingelogd(tenant_a.gebruiker(Rol.BELEIDSADVISEUR))
    assert beleid.get("/werk/vacatures/").status_code == 403


def test_another_gemeentes_employer_and_vacancy_answer_404(tenant_a, tenant_b, ingelogd):
    vacature = VacatureFactory(
        werkgever__gemeente=tenant_b.gemeente,
        werkgever__naam="Assen Bouw BV",
        beroep=HEFTRUCKCHAUFFEUR,
    )
    contact = ContactpersoonFactory(werkgever=vacature.werkgever)
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    for pad in (
        f"/werk/werkgevers/{vacature.werkgever.pk}/",
        f"/werk/werkgevers/{vacature.werkgever.pk}/wijzigen/",
        f"/werk/werkgevers/contactpersonen/{contact.pk}/",
        f"/werk/vacatures/{vacature.pk}/",
        f"/werk/vacatures/{vacature.pk}/wijzigen/",
        f"/werk/vacatures/nieuw/?werkgever={vacature.werkgever.pk}",
    ):
        assert client.get(pad).status_code == 404, pad
    assert (
        client.post(f"/werk/vacatures/{vacature.pk}/status/", {"status": "gesloten"}).status_code
        == 404
    )
    assert "Assen Bouw BV" not in client.get("/werk/werkgevers/").content.decode()
    assert "Assen Bouw BV" not in client.get("/werk/vacatures/?status=alle").content.decode()


def test_adding_an_employer_and_a_contact_person_through_the_pages(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    response = client.post(
        "/werk/werkgevers/nieuw/",
        {"gemeente": tenant_a.gemeente.pk, "naam": "Zorg Salland", "kvk_nummer": "1234567"},
    )
    assert "Een KvK-nummer heeft precies 8 cijfers." in response.content.decode()
    assert 'value="Zorg Salland"' in response.content.decode()
    response = client.post(
        "/werk/werkgevers/nieuw/",
        {"gemeente": tenant_a.gemeente.pk, "naam": "Zorg Salland", "kvk_nummer": "0123 4567"},
    )
    werkgever = Werkgever.objects.get()
    assert response["Location"] == f"/werk/werkgevers/{werkgever.pk}/"
    assert werkgever.kvk_nummer == "01234567"
    client.post(
        f"/werk/werkgevers/{werkgever.pk}/contactpersoon/",
        {"naam": "Piet Jansen", "email": "piet@example.org"},
    )
    contact = werkgever.contactpersonen.get()
    assert contact.gemeente == tenant_a.gemeente
    client.post(f"/werk/werkgevers/contactpersonen/{contact.pk}/verwijderen/")
    assert not werkgever.contactpersonen.exists()
