"""A consulent opens the dossier of the partner in a household with bijstand: the household's
benefit is there with its explanation, which opens, and a link to the applicant's dossier; axe
finds no WCAG 2.1 A/AA violation."""

import datetime as dt

import pytest

from meedoen.accounts.selectors import actor_voor
from meedoen.clients.models import HuishoudRol
from meedoen.core.roles import Rol
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import bevestigd_totp
from meedoen.uitkering.aanvraag import besluiten
from meedoen.uitkering.models import Besluit
from meedoen.uitkering.tests.aanvraag_hulp import beleid, in_onderzoek, inwoner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "Correct-Paard-Batterij-1"


def test_the_partners_dossier_shows_the_households_benefit(live_server, pagina, tenant_a):
    beleid(tenant_a, vier_ogen_grens_cent=500000)
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    aanvrager = inwoner(tenant_a, partner=dt.date(1991, 1, 1))
    partner = aanvrager.lidmaatschappen.get().huishouden.leden.get(rol=HuishoudRol.PARTNER).persoon
    besluit = besluiten.besluit_nemen(
        actor=actor_voor(consulent),
        aanvraag=in_onderzoek(actor_voor(consulent), aanvrager),
        soort=Besluit.Soort.TOEKENNING,
        gronden="Geen inkomen.",
        ingangsdatum=dt.date(2026, 1, 5),
    )
    assert besluit.status == Besluit.Status.VASTGESTELD

    inloggen_in_browser(pagina, live_server.url, consulent, bevestigd_totp(consulent), WACHTWOORD)
    pagina.wait_for_url(f"{live_server.url}/")
    pagina.goto(f"{live_server.url}/inwoners/{partner.pk}/")

    tekst = pagina.get_by_test_id("bijstand-huishouden").inner_text()
    assert f"op naam van {aanvrager.volledige_naam}: € 2.002,13 per maand" in tekst
    pagina.get_by_text("Zo is het berekend").first.click()
    assert pagina.get_by_role("link", name="Participatiewet art. 21 onderdeel b").first.is_visible()
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("link", name=f"Naar het dossier van {aanvrager.volledige_naam}").click()
    pagina.wait_for_url(f"**/inwoners/{aanvrager.pk}/")
