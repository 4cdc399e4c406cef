"""The CLI, the API and the page give identical amounts for the same situation."""

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from meedoen.core.roles import Rol

# A single parent (21+) with one child and €400 work income in January 2026:
# norm art. 21 a = 1401.50; vrijlating art. 31 lid 2 n = 25% × 400 = 100.00 (cap 285.00);
# counted 300.00; benefit 1401.50 − 300.00 = 1101.50.
SITUATIE = {
    "period": "2026-01",
    "gemeente": "GM0150",
    "applicant": {
        "birth_date": "1990-05-01",
        "income": {"work": "400.00", "other": "0.00"},
        "work_disregard_months_used": 0,
        "single_parent_disregard_months_used": 0,
    },
    "partner": None,
    "children": [{"birth_date": "2019-03-01"}],
    "housemates": [],
    "assets": "0.00",
    "home_equity": "0.00",
    "cannot_rely_on_parents": False,
}
VERWACHT = "1101.50"

FORMULIER = {
    "periode": "2026-01",
    "aanvrager_geboortedatum": "1990-05-01",
    "aanvrager_inkomen_werk": "400.00",
    "aanvrager_inkomen_overig": "0.00",
    "aanvrager_maanden_vrijlating_werk": "0",
    "aanvrager_maanden_vrijlating_alleenstaande_ouder": "0",
    "partner_maanden_vrijlating_werk": "0",
    "vermogen": "0.00",
    "overwaarde_eigen_woning": "0.00",
    "kind-TOTAL_FORMS": "3",
    "kind-INITIAL_FORMS": "0",
    "kind-0-geboortedatum": "2019-03-01",
    "medebewoner-TOTAL_FORMS": "3",
    "medebewoner-INITIAL_FORMS": "0",
}


def via_cli(tmp_path, situatie) -> dict:
    pad = tmp_path / "situatie.json"
    pad.write_text(json.dumps(situatie))
    uit = subprocess.run(
        [sys.executable, "-m", "meedoen.cli", "calculate", str(pad)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(uit.stdout)


@pytest.fixture
def consulent(tenant_a):
    return tenant_a.gebruiker(Rol.INKOMENSCONSULENT)


@pytest.fixture
def api(consulent):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=consulent).key}")
    return client


def test_cli_api_and_page_give_the_same_amount(tmp_path, api, consulent, ingelogd, tenant_a):
    cli = via_cli(tmp_path, SITUATIE)
    api_antwoord = api.post(reverse("api:berekeningen"), SITUATIE, format="json")
    pagina = ingelogd(consulent).post(
        reverse("uitkering:berekening"), {**FORMULIER, "gemeente": tenant_a.gemeente.pk}
    )

    assert api_antwoord.status_code == 200, api_antwoord.json()
    assert pagina.status_code == 200
    resultaat = pagina.context["resultaat"]
    assert cli["benefit"] == api_antwoord.json()["benefit"] == resultaat["benefit"] == VERWACHT
    for veld in ("norm", "income_counted", "income_disregarded", "asset_limit", "kostendelers"):
        assert cli[veld] == api_antwoord.json()[veld] == resultaat[veld]
    assert "€ 1.101,50" in pagina.content.decode()


def test_page_shows_every_step_with_its_article(consulent, ingelogd, tenant_a):
    pagina = ingelogd(consulent).post(
        reverse("uitkering:berekening"), {**FORMULIER, "gemeente": tenant_a.gemeente.pk}
    )
    html = pagina.content.decode()
    for stap in pagina.context["resultaat"]["explanation"]:
        assert stap["nl"] in html
    assert "wetten.overheid.nl" in html


def test_api_invalid_input_gives_field_errors_in_dutch_and_english(api):
    slecht = {
        **SITUATIE,
        "applicant": {**SITUATIE["applicant"], "birth_date": None},
        "assets": "-5.00",
    }
    antwoord = api.post(reverse("api:berekeningen"), slecht, format="json")
    assert antwoord.status_code == 400
    fouten = antwoord.json()
    assert set(fouten) >= {"applicant.birth_date", "assets"}
    assert all({"nl", "en"} <= set(m) for ms in fouten.values() for m in ms)


def test_api_refuses_a_gemeente_the_caller_does_not_serve(api):
    antwoord = api.post(
        reverse("api:berekeningen"), {**SITUATIE, "gemeente": "GM0106"}, format="json"
    )
    assert antwoord.status_code == 400
    assert "gemeente" in antwoord.json()


def test_api_period_without_confirmed_youth_norm_is_422(api):
    # The 18–20 norms of 1 July 2025 are unconfirmed: the engine must refuse, not guess.
    jong = {
        **SITUATIE,
        "period": "2025-08",
        "children": [],
        "applicant": {**SITUATIE["applicant"], "birth_date": "2006-01-01"},
    }
    antwoord = api.post(reverse("api:berekeningen"), jong, format="json")
    assert antwoord.status_code == 422
    assert "2025-08" in antwoord.json()["nl"]


def test_page_keeps_input_and_shows_errors_for_bad_amounts(consulent, ingelogd, tenant_a):
    pagina = ingelogd(consulent).post(
        reverse("uitkering:berekening"),
        {**FORMULIER, "gemeente": tenant_a.gemeente.pk, "aanvrager_inkomen_werk": "-10"},
    )
    form = pagina.context["form"]
    assert "negatief" in form.errors["aanvrager_inkomen_werk"][0]
    assert form["aanvrager_geboortedatum"].value() == "1990-05-01"
    assert pagina.context["resultaat"] is None


def test_klantmanager_prefills_the_household_from_the_dossier(tenant_a, ingelogd):
    import datetime as dt

    from meedoen.clients.models import HuishoudRol
    from meedoen.testing.factories import HuishoudenFactory, LidmaatschapFactory

    huishouden = HuishoudenFactory(gemeente=tenant_a.gemeente)
    aanvrager = LidmaatschapFactory(huishouden=huishouden, van=dt.date(2020, 1, 1))
    LidmaatschapFactory(
        huishouden=huishouden,
        rol=HuishoudRol.KIND,
        van=dt.date(2020, 1, 1),
        persoon__geboortedatum=dt.date(2018, 6, 1),
    )
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    pagina = client.get(reverse("uitkering:berekening"), {"persoon": aanvrager.persoon.pk})
    assert (
        pagina.context["form"].initial["aanvrager_geboortedatum"] == aanvrager.persoon.geboortedatum
    )
    assert pagina.context["kinderen"].initial == [{"geboortedatum": dt.date(2018, 6, 1)}]


def test_beleidsadviseur_cannot_calculate(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.BELEIDSADVISEUR))
    assert client.get(reverse("uitkering:berekening")).status_code == 403


def test_amounts_are_decimal_strings(api):
    antwoord = api.post(reverse("api:berekeningen"), SITUATIE, format="json").json()
    for veld in ("norm", "benefit", "income_counted", "asset_limit"):
        assert isinstance(antwoord[veld], str)
        assert Decimal(antwoord[veld]).as_tuple().exponent == -2


def test_prefill_with_another_gemeentes_resident_is_404(tenant_a, tenant_b, ingelogd):
    from meedoen.testing.factories import PersoonFactory

    anders = PersoonFactory(gemeente=tenant_b.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert client.get(reverse("uitkering:berekening"), {"persoon": anders.pk}).status_code == 404


def test_dossier_links_to_a_calculation_for_the_household_only_for_calculating_roles(
    tenant_a, ingelogd
):
    from meedoen.testing.factories import PersoonFactory

    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    link = f"{reverse('uitkering:berekening')}?persoon={persoon.pk}"
    consulent = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert link in consulent.get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
    wdv = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    assert link not in wdv.get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
