"""A klantmanager holds an ambitiegesprek, records the route and makes a plan van aanpak with
two afspraken; axe finds no WCAG 2.1 A/AA violation on any page."""

import datetime as dt

import pytest

from meedoen.begeleiding.models import Afspraak, RouteKeuze
from meedoen.core.roles import Rol
from meedoen.testing.begeleiding_factories import AdviesRegelFactory, RouteFactory
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import LidmaatschapFactory, bevestigd_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ambitiegesprek_to_plan_with_two_afspraken(live_server, pagina, tenant_a):
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER, first_name="Sanne")
    device = bevestigd_totp(klantmanager)
    persoon = LidmaatschapFactory(huishouden__gemeente=tenant_a.gemeente).persoon
    groeien = RouteFactory(gemeente=tenant_a.gemeente, naam="Groeien", volgorde=1)
    RouteFactory(gemeente=tenant_a.gemeente, naam="Zorgen", volgorde=2)
    AdviesRegelFactory(gemeente=tenant_a.gemeente, route=groeien, naam="Werk met steun")

    inloggen_in_browser(pagina, live_server.url, klantmanager, device, "Correct-Paard-Batterij-1")
    pagina.wait_for_url(f"{live_server.url}/")

    pagina.goto(f"{live_server.url}/inwoners/{persoon.pk}/")
    pagina.get_by_role("link", name="Ambitiegesprek vastleggen").click()
    pagina.wait_for_url(f"**/begeleiding/inwoner/{persoon.pk}/ambitiegesprek/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Ambities: wat wil de inwoner bereiken?").fill(
        "Werken in de groenvoorziening"
    )
    pagina.get_by_label("Uren per week beschikbaar").fill("20")
    pagina.get_by_role("button", name="Gesprek opslaan").click()

    pagina.wait_for_url(f"**/begeleiding/inwoner/{persoon.pk}/route/")
    assert "Advies Groeien omdat uren per week beschikbaar is ten minste 16" in pagina.content()
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Route die de inwoner kiest").select_option(label="Groeien")
    pagina.get_by_role("button", name="Route vastleggen").click()

    pagina.wait_for_url(f"**/begeleiding/inwoner/{persoon.pk}/plan/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Evaluatiedatum: wanneer kijken we samen terug?").fill(
        (dt.date.today() + dt.timedelta(days=90)).isoformat()
    )
    pagina.get_by_role("button", name="Plan maken").click()
    pagina.wait_for_load_state()
    geen_axe_overtredingen(pagina)

    for wat, wie in [
        ("Cv bijwerken met de jobcoach", "de inwoner"),
        ("Werkervaringsplek zoeken", "de gemeente"),
    ]:
        formulier = pagina.locator(
            "form", has=pagina.locator("input[name=onderdeel][value=afspraak]")
        )
        formulier.get_by_label("Wat spreken we af?").fill(wat)
        formulier.get_by_label(wie, exact=True).check()
        formulier.get_by_label("Uiterlijk op").fill(
            (dt.date.today() + dt.timedelta(days=30)).isoformat()
        )
        formulier.get_by_role("button", name="Afspraak toevoegen").click()
        pagina.wait_for_load_state()
        assert wat in pagina.locator("table").inner_text()
    geen_axe_overtredingen(pagina)

    assert RouteKeuze.objects.get(persoon=persoon).route == groeien
    assert Afspraak.objects.filter(plan__persoon=persoon).count() == 2

    pagina.goto(f"{live_server.url}/inwoners/{persoon.pk}/")
    assert pagina.get_by_role("heading", name="Plan van aanpak").is_visible()
    geen_axe_overtredingen(pagina)
