from decimal import Decimal

import pytest

from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.loonkostensubsidie import bereken_loonkostensubsidie
from meedoen.rules.situation import SituationError


def test_loonkostensubsidie_for_32_hours_at_60_percent_loonwaarde():
    # WML 2026-01: 14.71/h. 14.71 × 32 × 52 / 12 = 2,039.7867 → 2,039.79;
    # subsidy 40% × 2,039.79 = 815.916 → 815.92; werkgeverslasten 23.5% × 815.92 = 191.74;
    # total 1,007.66.
    uitkomst = bereken_loonkostensubsidie(
        period="2026-01", birth_date="1990-05-01", loonwaarde_percentage=60, hours_per_week=32
    )
    assert uitkomst["minimumloon_per_maand_naar_rato"] == "2039.79"
    assert uitkomst["loonkostensubsidie_loon"] == "815.92"
    assert uitkomst["loonkostensubsidie_werkgeverslasten"] == "191.74"
    assert uitkomst["loonkostensubsidie"] == "1007.66"
    assert "40%" in uitkomst["explanation"][1]["nl"]


def test_full_loonwaarde_means_no_subsidy():
    uitkomst = bereken_loonkostensubsidie(
        period="2026-01",
        birth_date="1990-05-01",
        loonwaarde_percentage=100,
        hours_per_week=Decimal("36"),
    )
    assert uitkomst["loonkostensubsidie"] == "0.00"


@pytest.mark.parametrize(
    ("kwargs", "veld"),
    [
        ({"loonwaarde_percentage": 120}, "loonwaarde_percentage"),
        ({"hours_per_week": 0}, "hours_per_week"),
        ({"birth_date": "1990-13-01"}, "birth_date"),
        ({"period": "2026-1"}, "period"),
    ],
)
def test_bad_input_is_refused_per_field(kwargs, veld):
    invoer = {
        "period": "2026-01",
        "birth_date": "1990-05-01",
        "loonwaarde_percentage": 60,
        "hours_per_week": 32,
    } | kwargs
    with pytest.raises(SituationError) as excinfo:
        bereken_loonkostensubsidie(**invoer)
    assert veld in excinfo.value.errors


def test_a_period_without_confirmed_minimum_wage_is_refused():
    with pytest.raises((ParameterOntbreekt, SituationError)):
        bereken_loonkostensubsidie(
            period="2026-08", birth_date="1990-05-01", loonwaarde_percentage=60, hours_per_week=32
        )
