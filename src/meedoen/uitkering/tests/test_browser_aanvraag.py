"""An inkomensconsulent takes one application from registration to a decision above the
four-eyes limit; a colleague approves it and the beschikking appears; the resident objects and
the bezwaar and its outcome (upheld) are recorded and the application goes back into
investigation for a new decision. axe finds no WCAG 2.1 A/AA violation on any page on
the way."""

import datetime as dt

import pytest
from django.utils import timezone

from meedoen.core.roles import Rol
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import bevestigd_totp
from meedoen.uitkering.models import Aanvraag, Besluit, Document
from meedoen.uitkering.tests.aanvraag_hulp import beleid, inwoner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "Correct-Paard-Batterij-1"


def test_application_to_approved_decision_with_four_eyes(live_server, pagina, tenant_a):
    beleid(tenant_a, vier_ogen_grens_cent=100000, telefoonnummer="0570 69 39 39")
    eerste = tenant_a.gebruiker(Rol.INKOMENSCONSULENT, first_name="Ilse", last_name="Bos")
    tweede = tenant_a.gebruiker(Rol.INKOMENSCONSULENT, first_name="Omar", last_name="Kaya")
    persoon = inwoner(tenant_a)  # single, 21+, no income
    # A month whose legal amounts are known (norms are confirmed up to June 2026).
    ontvangen = min(timezone.localdate(), dt.date(2026, 6, 1))

    inloggen_in_browser(pagina, live_server.url, eerste, bevestigd_totp(eerste), WACHTWOORD)
    pagina.wait_for_url(f"{live_server.url}/")
    pagina.goto(f"{live_server.url}/inwoners/{persoon.pk}/")
    geen_axe_overtredingen(pagina)

    # Register the application.
    pagina.get_by_role("link", name="Aanvraag bijstand registreren").click()
    pagina.wait_for_url(f"**/uitkering/aanvragen/inwoner/{persoon.pk}/nieuw/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Datum van ontvangst").fill(ontvangen.isoformat())
    pagina.get_by_label("Gewenste ingangsdatum").fill(ontvangen.isoformat())
    pagina.get_by_label("IBAN").fill("NL91 ABNA 0417 1643 00")
    pagina.get_by_role("button", name="Aanvraag registreren").click()
    pagina.wait_for_url("**/uitkering/aanvragen/*-*-*-*-*/")
    assert pagina.get_by_test_id("status").inner_text() == "Ingediend"
    geen_axe_overtredingen(pagina)

    # Take it into investigation.
    pagina.get_by_label("Nieuwe status").select_option(label="In onderzoek")
    pagina.get_by_role("button", name="Status wijzigen").click()
    pagina.get_by_text("De status is gewijzigd.").wait_for()
    assert pagina.get_by_test_id("status").inner_text() == "In onderzoek"
    geen_axe_overtredingen(pagina)

    # Compute and decide: €1,401.50 (art. 21 a, single 21+, no income) is above €1,000.
    pagina.get_by_role("link", name="Berekenen en besluiten").click()
    pagina.wait_for_url("**/besluit/")
    assert "€ 1.401,50" in pagina.get_by_test_id("bijstand").inner_text()
    assert pagina.get_by_role("link", name="Participatiewet art. 21 onderdeel a").count() >= 1
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Toekennen").check()
    pagina.get_by_label("Gronden").fill("Geen inkomen en geen vermogen.")
    pagina.get_by_role("button", name="Besluit nemen").click()
    pagina.wait_for_url("**/uitkering/besluiten/**")
    assert pagina.get_by_test_id("besluitstatus").inner_text() == "Wacht op accordering"
    assert pagina.get_by_role("link", name="Beschikking downloaden (pdf)").count() == 0
    geen_axe_overtredingen(pagina)
    besluit_url = pagina.url

    # A colleague approves.
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.wait_for_url("**/inloggen/**")
    inloggen_in_browser(pagina, live_server.url, tweede, bevestigd_totp(tweede), WACHTWOORD)
    pagina.wait_for_url(f"{live_server.url}/")
    sectie = pagina.get_by_role("region", name="Besluiten te accorderen")
    geen_axe_overtredingen(pagina)
    sectie.get_by_role("link", name=f"{persoon.volledige_naam}: toekenning").click()
    pagina.wait_for_url(besluit_url)
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("button", name="Besluit accorderen").click()
    pagina.get_by_text("Het besluit is geaccordeerd.").wait_for()
    assert pagina.get_by_test_id("besluitstatus").inner_text() == "Vastgesteld"
    assert pagina.get_by_role("link", name="Beschikking downloaden (pdf)").is_visible()
    geen_axe_overtredingen(pagina)

    besluit = Besluit.objects.get()
    assert (besluit.beslist_door, besluit.geaccordeerd_door) == (eerste, tweede)
    assert besluit.bedrag_per_maand_cent == 140150
    assert Aanvraag.objects.get().status == Aanvraag.Status.TOEGEKEND
    assert Document.objects.filter(bron_id=besluit.pk).count() == 1

    # The resident objects: the bezwaar is recorded with its date, later its outcome.
    pagina.get_by_role("link", name="Naar de aanvraag").click()
    pagina.wait_for_url("**/uitkering/aanvragen/*-*-*-*-*/")
    geen_axe_overtredingen(pagina)
    vandaag = timezone.localdate().isoformat()
    pagina.get_by_label("Bezwaarschrift ontvangen op").fill(vandaag)
    pagina.get_by_label("Waar is de inwoner het niet mee eens?").fill("Het bedrag is te laag.")
    pagina.get_by_role("button", name="Bezwaar registreren").click()
    pagina.get_by_text("Het bezwaar is geregistreerd.").wait_for()
    assert pagina.get_by_test_id("status").inner_text() == "In bezwaar"
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Datum van de beslissing op bezwaar").fill(vandaag)
    pagina.get_by_label("Gegrond: het besluit wordt herzien").check()
    pagina.get_by_role("button", name="Beslissing vastleggen").click()
    pagina.get_by_text("De beslissing op bezwaar is vastgelegd.").wait_for()
    assert pagina.get_by_test_id("status").inner_text() == "Bezwaar afgehandeld"
    assert "Gegrond" in pagina.get_by_test_id("bezwaren").inner_text()
    geen_axe_overtredingen(pagina)

    # Upheld: the decision is revoked and the application goes back for a new decision.
    pagina.get_by_label("Wat verandert er aan het besluit?").fill("Woonkosten tellen mee.")
    pagina.get_by_role("button", name="Besluit intrekken en opnieuw onderzoeken").click()
    pagina.get_by_text("Het besluit is herroepen").wait_for()
    assert pagina.get_by_test_id("status").inner_text() == "In onderzoek"
    assert pagina.get_by_role("link", name="Berekenen en besluiten").is_visible()
    geen_axe_overtredingen(pagina)
