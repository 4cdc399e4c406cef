"""In the browser: the consulent enters an income report with a payslip, reads and approves the
proposal and composes the run; the teamleider approves and executes it and downloads the bank
file. Every page passes axe."""

import datetime as dt

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import bevestigd_totp
from meedoen.uitkering.models import Betaalrun
from meedoen.uitkering.tests import betalingen_hulp as h

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WACHTWOORD = "Correct-Paard-Batterij-1"


def _inloggen(pagina, live_server, user):
    inloggen_in_browser(pagina, live_server.url, user, bevestigd_totp(user), WACHTWOORD)
    pagina.wait_for_url(f"{live_server.url}/")


def test_income_report_to_executed_run(live_server, pagina, tenant_a, tmp_path):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a, ingangsdatum=dt.date(2026, 1, 1))
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    _inloggen(pagina, live_server, consulent)

    pagina.goto(f"{live_server.url}/inwoners/{besluit.persoon.pk}/")
    pagina.get_by_role("link", name="Inkomstenopgave invoeren").click()
    pagina.wait_for_url("**/inkomsten/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Over welke maand?").fill("2026-01")
    eerste = pagina.get_by_role("group", name="Inkomen 1")
    eerste.get_by_label("Wie").select_option(str(besluit.persoon.pk))
    eerste.get_by_label("Soort inkomsten").select_option("loon")
    eerste.get_by_label("Netto bedrag in euro").fill("400,00")
    loonstrook = tmp_path / "loonstrook.pdf"
    loonstrook.write_bytes(h.PDF)
    eerste.get_by_label("Loonstrook").set_input_files(str(loonstrook))
    pagina.get_by_role("button", name="Opgave opslaan").click()
    pagina.wait_for_url("**/voorstellen/*/")
    # 2026: 1401.50 − (400 − 25%) = 1101.50; kept apart 1101.50 × 5/105 = 52.45; paid 1049.05.
    assert "€ 1.049,05" in pagina.content()
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("button", name="Voorstel goedkeuren").click()
    pagina.wait_for_url("**/voorstellen/**")

    pagina.goto(f"{live_server.url}/uitkering/betalingen/runs/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Maand", exact=True).fill("2026-01")
    pagina.get_by_role("button", name="Betaalrun samenstellen").click()
    pagina.wait_for_url("**/runs/*/")
    geen_axe_overtredingen(pagina)

    pagina.context.clear_cookies()
    _inloggen(pagina, live_server, tenant_a.gebruiker(Rol.TEAMLEIDER))
    run = Betaalrun.objects.get()
    pagina.goto(f"{live_server.url}/uitkering/betalingen/runs/{run.pk}/")
    pagina.get_by_role("button", name="Betaalrun accorderen").click()
    pagina.wait_for_url(f"**/runs/{run.pk}/")
    pagina.get_by_role("button", name="Betaalrun uitvoeren").click()
    pagina.wait_for_url(f"**/runs/{run.pk}/")
    assert pagina.get_by_text("Klaar: betaald en alle specificaties zijn gemaakt.").is_visible()
    geen_axe_overtredingen(pagina)
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Bankbestand downloaden (SEPA pain.001)").click()
    assert download.value.suggested_filename.startswith("pain001-GM0150-2026-01-")
