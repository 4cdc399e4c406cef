"""A klantmanager logs in with 2FA, searches a resident, opens the dossier and switches
language; axe finds no WCAG 2.1 A/AA violation on any page visited."""

import datetime as dt

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import LidmaatschapFactory, bevestigd_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_klantmanager_finds_a_resident_and_reads_the_dossier(live_server, pagina, tenant_a):
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER, first_name="Sanne")
    device = bevestigd_totp(klantmanager)
    lid = LidmaatschapFactory(
        huishouden__gemeente=tenant_a.gemeente,
        persoon__voornamen="Ayşe",
        persoon__achternaam="Öztürk",
        persoon__geboortedatum=dt.date(1988, 4, 12),
        van=dt.date(2021, 3, 1),
    )

    inloggen_in_browser(pagina, live_server.url, klantmanager, device, "Correct-Paard-Batterij-1")
    pagina.wait_for_url(f"{live_server.url}/")
    geen_axe_overtredingen(pagina)

    pagina.get_by_role("link", name="Inwoners").first.click()
    pagina.wait_for_url("**/inwoners/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Zoek een inwoner").press_sequentially("ozturk", delay=30)
    resultaat = pagina.get_by_role("link", name="Öztürk, Ayşe")
    resultaat.wait_for()
    assert "Zoek" not in pagina.url and "ozturk" not in pagina.url
    geen_axe_overtredingen(pagina)

    resultaat.click()
    pagina.wait_for_url(f"**/inwoners/{lid.persoon.pk}/")
    assert pagina.get_by_role("heading", level=1).inner_text() == "Ayşe Öztürk"
    assert pagina.get_by_role("heading", name="Huishouden").is_visible()
    geen_axe_overtredingen(pagina)

    pagina.get_by_role("button", name="English").click()
    pagina.wait_for_load_state()
    assert pagina.locator("html").get_attribute("lang") == "en"
    assert pagina.get_by_role("heading", name="Household").is_visible()
    geen_axe_overtredingen(pagina)


def test_pages_work_at_375_px(live_server, browser, tenant_a):
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER)
    device = bevestigd_totp(klantmanager)
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL")
    page = context.new_page()
    inloggen_in_browser(page, live_server.url, klantmanager, device, "Correct-Paard-Batterij-1")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/inwoners/")
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 375, f"page is {breedte}px wide at a 375px viewport"
    geen_axe_overtredingen(page)
    context.close()
