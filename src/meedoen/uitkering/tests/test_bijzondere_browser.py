"""In the browser: a request dated in a month without legal amounts is registered and says why
it cannot be calculated; a request is calculated from its page; a maatwerk amount without a
reason is refused with the input kept; a colleague approves it. axe checks every page."""

import datetime as dt

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import bevestigd_totp
from meedoen.testing.uitkering_factories import BijzondereBijstandFactory, KostenCategorieFactory
from meedoen.uitkering.models import BijzondereBijstand
from meedoen.uitkering.tests.herziening_hulp import huishouden_met_aanvrager

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WACHTWOORD = "Correct-Paard-Batterij-1"


def test_later_calculation_maatwerk_and_approval(live_server, browser, pagina, tenant_a):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    teamleider = tenant_a.gebruiker(Rol.TEAMLEIDER)
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    witgoed = KostenCategorieFactory(gemeente=tenant_a.gemeente, naam="Witgoed", maximum_cent=40000)
    inloggen_in_browser(pagina, live_server.url, consulent, bevestigd_totp(consulent), WACHTWOORD)
    pagina.wait_for_url(f"{live_server.url}/")

    # July 2026: no legal amounts yet. The request is stored anyway.
    pagina.goto(f"{live_server.url}/uitkering/inwoner/{persoon.pk}/bijzondere-bijstand/")
    pagina.get_by_label("Soort kosten").select_option(label="Witgoed")
    pagina.get_by_label("Waarvoor zijn de kosten?").fill("Wasmachine stuk")
    pagina.get_by_label("Bedrag van de kosten").fill("450.00")
    pagina.get_by_label("Netto inkomen van het huishouden per maand").fill("1345.45")
    pagina.get_by_label("Aangevraagd op").fill("2026-07-01")
    pagina.get_by_label("IBAN voor de betaling").fill("NL91ABNA0417164300")
    pagina.get_by_label("Op naam van").fill("O. van Ochten")
    pagina.get_by_role("button", name="Aanvraag vastleggen").click()
    pagina.wait_for_url("**/bijzondere-bijstand/*/")
    pagina.get_by_text("De draagkracht kan nog niet worden berekend", exact=False).wait_for()
    assert BijzondereBijstand.objects.get().draagkracht == {}
    geen_axe_overtredingen(pagina)

    # A request from March 2025 without a calculation: calculated from its page.
    eerder = BijzondereBijstandFactory(
        gemeente=tenant_a.gemeente,
        persoon=persoon,
        huishouden=huishouden,
        categorie=witgoed,
        ingediend_op=dt.date(2025, 3, 10),
        draagkracht={},
    )
    pagina.goto(f"{live_server.url}/uitkering/bijzondere-bijstand/{eerder.pk}/")
    pagina.get_by_role("button", name="Draagkracht berekenen").click()
    pagina.get_by_text("De draagkracht is berekend.").wait_for()
    assert "= € 400,00." in pagina.content()

    # Maatwerk without a reason: refused, what was typed stays.
    pagina.get_by_role("radio", name="Toekennen").check()
    pagina.get_by_label("Gronden").fill("Noodzakelijk.")
    pagina.get_by_label("Ander bedrag toekennen (maatwerk)").fill("300.00")
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    pagina.get_by_text("Schrijf op waarom u een ander bedrag", exact=False).first.wait_for()
    assert pagina.get_by_label("Ander bedrag toekennen (maatwerk)").input_value() == "300.00"
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Waarom een ander bedrag?").fill("Tweedehands is genoeg.")
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    pagina.get_by_text("Een collega moet het nog accorderen", exact=False).wait_for()
    geen_axe_overtredingen(pagina)

    # The colleague approves from the start page.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    tweede = context.new_page()
    tweede.set_default_timeout(10_000)
    inloggen_in_browser(tweede, live_server.url, teamleider, bevestigd_totp(teamleider), WACHTWOORD)
    tweede.wait_for_url(f"{live_server.url}/")
    tweede.get_by_role("heading", name="Bijzondere bijstand te accorderen").wait_for()
    tweede.get_by_role("link", name=f"{persoon.volledige_naam}: Witgoed, € 300,00").click()
    tweede.wait_for_url("**/bijzondere-bijstand/*/")
    geen_axe_overtredingen(tweede)
    tweede.get_by_role("button", name="Accorderen").click()
    tweede.get_by_text("Het besluit is geaccordeerd", exact=False).wait_for()
    geen_axe_overtredingen(tweede)
    context.close()
    eerder.refresh_from_db()
    assert (eerder.status, eerder.toegekend_cent) == ("toegekend", 30000)
