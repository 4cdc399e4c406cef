"""The "Werk" panel on the dossier: profile, best matches with reasons, open proposals,
placements and the contract with its income comparison, in a few queries."""

import datetime as dt

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import (
    ArbeidscontractFactory,
    VacatureFactory,
    VoorstelFactory,
    WerkervaringFactory,
    WerkprofielFactory,
)
from meedoen.werk.banen.panels import werk_context

pytestmark = pytest.mark.django_db

VERGELIJKING = {
    "periode": "2026-01",
    "zonder_contract": {"totaal": "1401.50"},
    "met_contract": {"totaal": "1800.00"},
    "verschil": "398.50",
}


@pytest.fixture
def persoon(tenant_a):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente, postcode="7411 AB")
    profiel = WerkprofielFactory(persoon=persoon)
    WerkervaringFactory(profiel=profiel, functietitel="Kok", beroep="beroep-kok", jaren=4)
    VacatureFactory(
        werkgever__gemeente=tenant_a.gemeente, titel="Kok in een restaurant", beroep="beroep-kok"
    )
    VoorstelFactory(
        persoon=persoon,
        vacature=VacatureFactory(werkgever__gemeente=tenant_a.gemeente, titel="Afwasser"),
    )
    ArbeidscontractFactory(
        plaatsing__persoon=persoon,
        plaatsing__baan__titel="Gastvrouw buurthuis",
        begindatum=dt.date(2026, 1, 1),
        inkomensvergelijking=VERGELIJKING,
    )
    return persoon


def test_panel_shows_work_for_the_klantmanager(tenant_a, persoon, ingelogd):
    html = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER)).get(f"/inwoners/{persoon.pk}/")
    html = html.content.decode()
    assert 'id="panel-werk"' in html
    assert "Kok in een restaurant" in html, "best match"
    assert "ervaring als beroep-kok (4 jaar)" in html, "its reason in words"
    assert "Afwasser" in html and "voorgesteld" in html, "open proposal with status"
    assert "Gastvrouw buurthuis" in html, "placement"
    assert "€ 1.800,00 met contract, € 1.401,50 met bijstand" in html, "contract comparison"
    assert "Plaatsen op werk" not in html, "placing is for werkgeversdienstverleners"


def test_panel_for_an_inkomensconsulent_has_no_matches(tenant_a, persoon, ingelogd):
    html = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT)).get(f"/inwoners/{persoon.pk}/")
    html = html.content.decode()
    assert "Gastvrouw buurthuis" in html
    assert "Kok in een restaurant" not in html


def test_panel_takes_a_few_queries(tenant_a, persoon, django_assert_max_num_queries):
    actor = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    with django_assert_max_num_queries(12):
        context = werk_context(actor=actor, persoon=persoon)
        list(context["profiel"].ervaringen.all())
    assert context["contract"] and context["plaatsingen"] and context["matches"]
