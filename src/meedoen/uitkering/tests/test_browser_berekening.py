"""An inkomensconsulent calculates a benefit in the browser and reads the explanation."""

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import bevestigd_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_consulent_calculates_and_sees_each_step(live_server, pagina, tenant_a):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    device = bevestigd_totp(consulent)
    inloggen_in_browser(pagina, live_server.url, consulent, device, "Correct-Paard-Batterij-1")
    pagina.wait_for_url(f"{live_server.url}/")
    pagina.get_by_role("link", name="Berekenen").first.click()
    pagina.wait_for_url("**/berekenen/")
    geen_axe_overtredingen(pagina)

    pagina.get_by_label("Maand", exact=True).fill("2026-01")
    pagina.get_by_label("Geboortedatum", exact=True).fill("1990-05-01")
    pagina.get_by_label("Inkomsten uit werk per maand (netto)", exact=True).fill("400.00")
    pagina.get_by_label("Geboortedatum kind").first.fill("2019-03-01")
    pagina.get_by_role("button", name="Berekenen").click()

    # 1401.50 (art. 21 a) − (400 − 25% vrijlating) = 1101.50
    assert "€ 1.101,50" in pagina.get_by_test_id("bijstand").inner_text()
    assert pagina.get_by_role("link", name="Participatiewet art. 21 onderdeel a").count() >= 1
    geen_axe_overtredingen(pagina)
