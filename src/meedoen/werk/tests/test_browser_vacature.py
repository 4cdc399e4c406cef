"""A werkgeversdienstverlener enters a vacancy, opens the ranked candidates and proposes the
best one; axe finds no WCAG 2.1 A/AA violation on any page."""

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import PersoonFactory, bevestigd_totp
from meedoen.testing.werk_factories import (
    WerkervaringFactory,
    WerkgeverFactory,
    WerkprofielFactory,
    zoekt_werk,
)
from meedoen.werk.models import Vacature, Voorstel, Werkbeleid

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAGAZIJN = "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"  # magazijnmedewerker
KOK = "90f75f67-495d-49fa-ab57-2f320e251d7e"


def inwoner(tenant, voornaam, achternaam, beroep, jaren):
    persoon = PersoonFactory(
        gemeente=tenant.gemeente, voornamen=voornaam, achternaam=achternaam, postcode="7411 AB"
    )
    profiel = WerkprofielFactory(persoon=persoon, uren_per_week=32, reisafstand_km=20)
    WerkervaringFactory(profiel=profiel, beroep=beroep, jaren=jaren)
    zoekt_werk(persoon)
    return persoon


def test_werkgeversdienstverlener_enters_a_vacancy_and_proposes_a_candidate(
    live_server, pagina, tenant_a
):
    wdv = tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER, first_name="Wim")
    device = bevestigd_totp(wdv)
    WerkgeverFactory(gemeente=tenant_a.gemeente, naam="De Pakkerij BV", postcode="7411 AB")
    ervaren = inwoner(tenant_a, "Sara", "Magazijnier", MAGAZIJN, 4)
    inwoner(tenant_a, "Kees", "Kokmans", KOK, 6)

    inloggen_in_browser(pagina, live_server.url, wdv, device, "Correct-Paard-Batterij-1")
    pagina.wait_for_url(f"{live_server.url}/")
    geen_axe_overtredingen(pagina)

    pagina.goto(f"{live_server.url}/werk/vacatures/nieuw/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Werkgever", exact=True).select_option(label="De Pakkerij BV")
    pagina.get_by_label("Titel", exact=True).fill("Magazijnmedewerker dagdienst")
    pagina.get_by_label("Zoek een beroep").fill("magazijnmedewerker")
    pagina.get_by_label("magazijnmedewerker", exact=True).check()  # appears via htmx
    pagina.get_by_label("Uren per week", exact=True).fill("32")
    pagina.get_by_label("Postcode werkplek", exact=True).fill("7411 AB")
    pagina.get_by_label("Contractvorm", exact=True).select_option(label="Tijdelijk contract")
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("button", name="Vacature opslaan").click()

    pagina.wait_for_url("**/werk/vacatures/*/")
    vacature = Vacature.objects.get(titel="Magazijnmedewerker dagdienst")
    assert vacature.beroep == MAGAZIJN
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("link", name="Passende kandidaten bekijken").click()

    pagina.wait_for_url(f"**/werk/koppelen/vacature/{vacature.pk}/kandidaten/")
    geen_axe_overtredingen(pagina)
    namen = pagina.locator("#kandidaten-caption ~ tbody th").all_inner_texts()
    # Experience in the occupation itself ranks above none at all.
    assert namen[0] == ervaren.volledige_naam
    assert "ervaring als magazijnmedewerker (4 jaar)" in pagina.content()
    pagina.get_by_role("button", name=f"Voorstellen {ervaren.volledige_naam}").click()

    voorstel_url = "**/werk/koppelen/voorstellen/*/"
    pagina.wait_for_url(voorstel_url)
    assert f"{ervaren.volledige_naam} is voorgesteld" in pagina.content()
    geen_axe_overtredingen(pagina)
    voorstel = Voorstel.objects.get(persoon=ervaren, vacature=vacature)
    assert voorstel.status == "voorgesteld" and voorstel.score is not None

    # The employer invited her: record the interview.
    pagina.get_by_label("Gesprek", exact=True).check()
    pagina.get_by_role("button", name="Vastleggen").click()
    pagina.wait_for_load_state()
    geen_axe_overtredingen(pagina)
    voorstel.refresh_from_db()
    assert voorstel.status == "gesprek"

    # The other matching pages this user works with pass axe too.
    for pad in (
        f"/werk/koppelen/inwoner/{ervaren.pk}/matches/",
        f"/werk/koppelen/inwoner/{ervaren.pk}/kansen/",
        "/werk/koppelen/arbeidsmarkt/",
        "/werk/koppelen/werklijst/?lijst=voorstellen",
        "/werk/koppelen/opleidingen/",
    ):
        pagina.goto(f"{live_server.url}{pad}")
        assert pagina.get_by_role("heading", level=1).count() == 1
        geen_axe_overtredingen(pagina)
    assert (
        "Al voorgesteld (gesprek)"
        in pagina.goto(f"{live_server.url}/werk/koppelen/inwoner/{ervaren.pk}/matches/").text()
    )


def test_beheerder_tunes_the_weights_and_beleidsadviseur_reads_the_report(
    live_server, pagina, tenant_a
):
    beheerder = tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER)
    inloggen_in_browser(
        pagina, live_server.url, beheerder, bevestigd_totp(beheerder), "Correct-Paard-Batterij-1"
    )
    pagina.wait_for_url(f"{live_server.url}/")
    pagina.get_by_role("link", name="Matchen instellen").first.click()
    pagina.wait_for_url("**/werk/koppelen/werkbeleid/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Gewicht afstand").fill("4")
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.wait_for_url("**/werk/koppelen/werkbeleid/?gemeente=*")
    geen_axe_overtredingen(pagina)
    assert Werkbeleid.objects.get(gemeente=tenant_a.gemeente).gewicht_afstand == 4.0

    pagina.context.clear_cookies()
    adviseur = tenant_a.gebruiker(Rol.BELEIDSADVISEUR)
    inloggen_in_browser(
        pagina, live_server.url, adviseur, bevestigd_totp(adviseur), "Correct-Paard-Batterij-1"
    )
    pagina.wait_for_url(f"{live_server.url}/")
    pagina.get_by_role("link", name="Arbeidsmarkt").first.click()
    pagina.wait_for_url("**/werk/koppelen/arbeidsmarkt/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("link", name="Uitkomsten van voorstellen").click()
    pagina.wait_for_url("**/werk/koppelen/uitkomsten/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("button", name="Tonen").click()
    pagina.wait_for_url("**/werk/koppelen/uitkomsten/?*")
    assert "Naar score van de match" in pagina.content()
    geen_axe_overtredingen(pagina)
