"""In a real browser: a klantmanager records work experience, the title is mapped ("We
denken: …"), and a werkgeversdienstverlener enters a vacancy choosing the occupation and a skill
with the live search. axe finds no WCAG 2.1 A/AA violation on these pages."""

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import bevestigd_totp
from meedoen.testing.werk_factories import WerkgeverFactory, WerkprofielFactory
from meedoen.werk.models import Vacature, Werkervaring

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "Correct-Paard-Batterij-1"
HEFTRUCKCHAUFFEUR = "eeac6251-1974-42f5-91ed-513c6c883755"


def test_experience_is_mapped_in_the_profile(live_server, pagina, tenant_a):
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER)
    device = bevestigd_totp(klantmanager)
    profiel = WerkprofielFactory(persoon__gemeente=tenant_a.gemeente)
    inloggen_in_browser(pagina, live_server.url, klantmanager, device, WACHTWOORD)
    pagina.wait_for_url(f"{live_server.url}/")

    pagina.goto(f"{live_server.url}/werk/inwoner/{profiel.persoon.pk}/profiel/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Functie, in de woorden van de inwoner").fill("heftruck chauffeur")
    pagina.get_by_label("Jaren ervaring").fill("6")
    pagina.get_by_role("button", name="Toevoegen").click()
    pagina.wait_for_load_state()
    assert "We denken: heftruckchauffeur" in pagina.content()
    geen_axe_overtredingen(pagina)
    assert Werkervaring.objects.get().beroep == HEFTRUCKCHAUFFEUR


def test_werkgeversdienstverlener_enters_a_vacancy_with_live_search(live_server, pagina, tenant_a):
    wdv = tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER)
    device = bevestigd_totp(wdv)
    werkgever = WerkgeverFactory(gemeente=tenant_a.gemeente, naam="Logistiek Oost BV")
    inloggen_in_browser(pagina, live_server.url, wdv, device, WACHTWOORD)
    pagina.wait_for_url(f"{live_server.url}/")

    pagina.goto(f"{live_server.url}/werk/vacatures/nieuw/?werkgever={werkgever.pk}")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Titel").fill("Heftruckchauffeur distributiecentrum")
    pagina.get_by_label("Uren per week").fill("32")
    pagina.get_by_label("Postcode werkplek").fill("7418 BE")
    pagina.get_by_label("Contractvorm").select_option("tijdelijk")
    pagina.get_by_label("Zoek een beroep").fill("heftruckchauffeur")
    pagina.get_by_role("radio", name="heftruckchauffeur").check()  # appears via htmx
    pagina.locator("#id_vaardigheden_vereist_zoek").fill("heftruck")
    pagina.get_by_role("checkbox", name="Heftruckcertificaat").check()
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("button", name="Vacature opslaan").click()

    vacature_url = "**/werk/vacatures/*/"
    pagina.wait_for_url(vacature_url)
    geen_axe_overtredingen(pagina)
    vacature = Vacature.objects.get()
    assert vacature.beroep == HEFTRUCKCHAUFFEUR
    assert vacature.vaardigheden_vereist == ["nl-heftruckcertificaat"]
    assert "Heftruckcertificaat" in pagina.content()
