"""A werkgeversdienstverlener confirms the verdringingstoets of a new baan, makes a recht-op-werk
contract with the income comparison, and reads the allocation proposal; axe finds no WCAG 2.1
A/AA violation on any of these pages."""

import datetime as dt

import pytest

from meedoen.begeleiding.models import Begeleidingsstand
from meedoen.core.roles import Rol
from meedoen.testing.begeleiding_factories import RouteFactory
from meedoen.testing.browser import geen_axe_overtredingen, inloggen_in_browser
from meedoen.testing.factories import LidmaatschapFactory, bevestigd_totp
from meedoen.testing.werk_factories import (
    MaatschappelijkeBaanFactory,
    PlaatsingFactory,
    WerkprofielFactory,
)
from meedoen.werk.models import Arbeidscontract, MaatschappelijkeBaan, Werkbeleid

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_baan_contract_and_allocation_pages(live_server, pagina, tenant_a):
    Werkbeleid.objects.create(gemeente=tenant_a.gemeente, recht_op_werk=True)
    wgd = tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER, first_name="Wim")
    device = bevestigd_totp(wgd)
    persoon = LidmaatschapFactory(
        huishouden__gemeente=tenant_a.gemeente, persoon__geboortedatum=dt.date(1990, 5, 1)
    ).persoon
    baan = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente, titel="Gastheer buurthuis")
    PlaatsingFactory(persoon=persoon, baan=baan, begindatum=dt.date(2026, 2, 1))
    route = RouteFactory(gemeente=tenant_a.gemeente, naam="Matchen", zoekt_werk=True)
    Begeleidingsstand.objects.create(gemeente=tenant_a.gemeente, persoon=persoon, route=route)
    zoekende = LidmaatschapFactory(huishouden__gemeente=tenant_a.gemeente).persoon
    Begeleidingsstand.objects.create(gemeente=tenant_a.gemeente, persoon=zoekende, route=route)
    WerkprofielFactory(persoon=zoekende)

    inloggen_in_browser(pagina, live_server.url, wgd, device, "Correct-Paard-Batterij-1")
    pagina.wait_for_url(f"{live_server.url}/")

    # A new baan and its verdringingstoets.
    pagina.get_by_role("link", name="Maatschappelijke banen").first.click()
    pagina.wait_for_url("**/werk/banen/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("link", name="Maatschappelijke baan toevoegen").click()
    pagina.wait_for_url("**/werk/banen/nieuw/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Gastorganisatie").fill("Bibliotheek")
    pagina.get_by_label("Sector").select_option(label="Cultuur")
    pagina.get_by_label("Titel").fill("Hulp Digitaal Café")
    pagina.get_by_label("Taken").fill("Bezoekers helpen met hun telefoon.")
    pagina.get_by_label("Uren per week").fill("8")
    pagina.get_by_label("Aantal plaatsen").fill("2")
    pagina.get_by_label("Postcode").fill("7411 AB")
    pagina.get_by_label("Begindatum").fill("2026-01-01")
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.wait_for_url("**/verdringingstoets/")
    geen_axe_overtredingen(pagina)
    vragen = (
        ("Zou dit werk anders door een betaalde kracht worden gedaan?", "Nee"),
        ("Is het werk extra, naast het werk van de vaste medewerkers?", "Ja"),
        ("Had de organisatie het afgelopen jaar vacatures voor dit werk?", "Nee"),
    )
    for vraag, antwoord in vragen:
        groep = pagina.get_by_role("group", name=vraag)
        groep.get_by_label(antwoord, exact=True).check()
    for veld in pagina.get_by_label("Waarom?").all():
        veld.fill("Zo is het afgesproken met de organisatie.")
    pagina.get_by_label("Ik heb dit gecontroleerd").check()
    pagina.get_by_role("button", name="Bevestigen").click()
    pagina.wait_for_url("**/werk/banen/*/")
    assert "Bevestigd door" in pagina.content()
    geen_axe_overtredingen(pagina)
    assert MaatschappelijkeBaan.objects.get(titel="Hulp Digitaal Café").verdringing_bevestigd_op

    # Recht op werk: the comparison first, then the contract.
    pagina.goto(f"{live_server.url}/werk/banen/inwoner/{persoon.pk}/contract/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_label("Plaatsing", exact=True).select_option(index=1)
    pagina.get_by_label("Begindatum").fill("2026-03-01")
    pagina.get_by_label("Uren per week").fill("32")
    pagina.get_by_label("Bruto uurloon").fill("14.71")
    pagina.get_by_label("Netto maandloon").fill("1800.00")
    pagina.get_by_role("button", name="Vergelijking berekenen").click()
    pagina.wait_for_load_state()
    # 1,800.00 with the contract against 1,401.50 bijstand: 398.50 more.
    assert "€ 398,50" in pagina.content()
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("button", name="Contract vastleggen").click()
    pagina.wait_for_url("**/werk/banen/contracten/*/")
    geen_axe_overtredingen(pagina)
    assert Arbeidscontract.objects.filter(persoon=persoon).exists()

    # The allocation proposal.
    pagina.goto(f"{live_server.url}/werk/banen/verdelen/")
    geen_axe_overtredingen(pagina)
    pagina.get_by_role("button", name="Voorstel maken").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("table", name="Wie gaat waarheen").is_visible()
    geen_axe_overtredingen(pagina)
