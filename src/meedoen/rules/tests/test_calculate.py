"""The situation contract: answers, errors, refusals and explanations."""

import copy

import pytest

from meedoen.rules.calculate import calculate
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.reforms import UnknownReform
from meedoen.rules.situation import SituationError

BASE = {
    "period": "2026-01",
    "gemeente": "GM0150",
    "applicant": {
        "birth_date": "1990-05-01",
        "income": {"work": "0.00", "other": "0.00"},
        "work_disregard_months_used": 0,
        "single_parent_disregard_months_used": 0,
    },
    "partner": None,
    "children": [],
    "housemates": [],
    "assets": "0.00",
    "home_equity": "0.00",
    "cannot_rely_on_parents": False,
}


def situation(**changes):
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data


def test_contract_fields_and_amount_format():
    answer = calculate(situation())
    for key in (
        "eligible",
        "reasons",
        "norm",
        "kostendelers",
        "income_counted",
        "income_disregarded",
        "asset_limit",
        "benefit",
        "explanation",
    ):
        assert key in answer
    # art. 21 a, 2026: 1,401.50; limit single 8,000; holiday share 1,401.50 x 5/105 = 66.74
    assert answer["norm"] == "1401.50"
    assert answer["benefit"] == "1401.50"
    assert answer["asset_limit"] == "8000.00"
    assert answer["vakantietoeslag_reservering"] == "66.74"
    assert answer["eligible"] is True and answer["kostendelers"] == 1


def test_single_parent_with_housemate_and_work():
    data = situation(
        children=[{"birth_date": "2019-03-01"}],
        housemates=[{"birth_date": "1960-02-01", "commercial_rent": False, "student": False}],
    )
    data["applicant"]["income"]["work"] = "400.00"
    answer = calculate(data)
    # A = 2: 50% of 2,002.13 = 1,001.07; work 400 - 25% (100) = 300 counted -> 701.07
    assert (answer["norm"], answer["kostendelers"]) == ("1001.07", 2)
    assert (answer["income_counted"], answer["income_disregarded"]) == ("300.00", "100.00")
    assert answer["benefit"] == "701.07"
    assert answer["disregards"]["applicant"]["work_disregard_applied"] is True
    assert answer["disregards"]["applicant"]["work_disregard_months_used_next"] == 1


def test_not_eligible_above_asset_limit_with_reason():
    answer = calculate(situation(assets="8000.01"))
    assert answer["eligible"] is False
    assert answer["benefit"] == "0.00"
    assert [r["code"] for r in answer["reasons"]] == ["VERMOGEN_BOVEN_GRENS"]


def test_not_eligible_when_income_exceeds_norm():
    data = situation()
    data["applicant"]["income"]["other"] = "1500.00"
    answer = calculate(data)
    assert [r["code"] for r in answer["reasons"]] == ["INKOMEN_BOVEN_NORM"]


def test_explanation_is_dutch_formatted_and_cites_articles():
    answer = calculate(situation())
    codes = [step["code"] for step in answer["explanation"]]
    assert codes[:3] == ["HUISHOUDTYPE", "NORM", "KOSTENDELERS"]
    assert "UITKERING" in codes and "VERMOGEN" in codes
    norm = next(s for s in answer["explanation"] if s["code"] == "NORM")
    assert "€ 1.401,50" in norm["nl"] and "€1,401.50" in norm["en"]
    assert "artikel=21" in norm["url"]
    assert all(step["article"] for step in answer["explanation"])


def test_english_text_on_request():
    answer = calculate(situation(), lang="en")
    assert answer["explanation"][0]["text"] == answer["explanation"][0]["en"]


def test_youth_norm_of_july_2025_is_refused_clearly():
    data = situation(period="2025-07")
    data["applicant"]["birth_date"] = "2006-01-01"
    with pytest.raises(ParameterOntbreekt) as error:
        calculate(data)
    assert str(error.value) == (
        "ParameterOntbreekt: normen.art20.alleenstaande_18_20 heeft geen bevestigde waarde "
        "voor 2025-07"
    )


def test_adult_norm_of_july_2025_is_known():
    assert calculate(situation(period="2025-07"))["norm"] == "1369.06"


def test_couple_with_one_partner_at_aow_age_is_refused():
    # art. 22 c has no amount in the reference: refuse, never guess
    data = situation(partner={"birth_date": "1955-01-01"})
    with pytest.raises(ParameterOntbreekt, match="normen.art22.gehuwden_een_aow"):
        calculate(data)


@pytest.mark.parametrize("period", ["2024-12", "2026-07", "2026-13", "januari"])
def test_periods_without_parameters_are_refused(period):
    with pytest.raises(SituationError) as error:
        calculate(situation(period=period))
    assert "period" in error.value.errors


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"applicant": {"income": {}}}, "applicant.birth_date"),
        ({"applicant": {"birth_date": "1990-02-30"}}, "applicant.birth_date"),
        ({"applicant": {"birth_date": "2010-01-01"}}, "applicant.birth_date"),
        ({"partner": {"birth_date": "2009-01-01"}}, "partner.birth_date"),
        ({"assets": "-1.00"}, "assets"),
        ({"assets": "1.234"}, "assets"),
        ({"assets": 12.5}, "assets"),
        ({"home_equity": "12,50"}, "home_equity"),
        ({"pets": 2}, "pets"),
        ({"children": [{"birth_date": "2000-01-01"}]}, "children.0.birth_date"),
        ({"housemates": [{"birth_date": "1990-01-01", "smoker": True}]}, "housemates.0.smoker"),
    ],
)
def test_invalid_input_names_the_field_in_dutch_and_english(change, path):
    with pytest.raises(SituationError) as error:
        calculate(situation(**change))
    messages = error.value.errors[path]
    assert messages[0]["nl"] and messages[0]["en"]


def test_all_errors_are_reported_together():
    data = situation(assets="-5", partner={"birth_date": "nope"})
    with pytest.raises(SituationError) as error:
        calculate(data)
    assert {"assets", "partner.birth_date"} <= set(error.value.errors)


def test_reform_changes_the_benefit_and_unknown_reform_is_refused():
    data = situation()
    data["applicant"]["income"]["work"] = "800.00"
    # law: 25% of 800 = 200 -> 1,401.50 - 600 = 801.50; reform adds min(400, 200) = 200 more
    assert calculate(data)["benefit"] == "801.50"
    assert calculate(data, reforms=["extra_vrijlating_50"])["benefit"] == "1001.50"
    with pytest.raises(UnknownReform):
        calculate(data, reforms=["bestaat_niet"])
