"""Properties that must hold for any household (hypothesis)."""

import copy
from datetime import date

import pyarrow as pa
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from meedoen.rules.batch import calculate_table
from meedoen.rules.calculate import calculate
from meedoen.rules.errors import ParameterOntbreekt

PERIOD = "2026-01"  # every norm category has a confirmed value except art. 22 c
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

money = st.integers(min_value=0, max_value=400_000).map(lambda c: f"{c // 100}.{c % 100:02d}")
adult_birth = st.dates(date(1961, 1, 1), date(2007, 12, 1))  # 18 to 65 in 2026-01
any_adult_birth = st.dates(date(1930, 1, 1), date(2007, 12, 1))


@st.composite
def households(draw):
    applicant_born = draw(adult_birth)
    has_partner = draw(st.booleans())

    def person(born):
        return {
            "birth_date": born.isoformat(),
            "income": {"work": draw(money), "other": draw(money)},
            "work_disregard_months_used": draw(st.integers(0, 8)),
            "single_parent_disregard_months_used": draw(st.integers(0, 32)),
        }

    mates = draw(st.lists(st.tuples(any_adult_birth, st.booleans(), st.booleans()), max_size=4))
    return {
        "period": PERIOD,
        "applicant": person(applicant_born),
        "partner": person(draw(adult_birth)) if has_partner else None,
        "children": [
            {"birth_date": b.isoformat()}
            for b in draw(st.lists(st.dates(date(2008, 2, 1), date(2025, 12, 1)), max_size=3))
        ],
        "housemates": [
            {"birth_date": b.isoformat(), "commercial_rent": c, "student": s} for b, c, s in mates
        ],
        "assets": draw(money),
        "home_equity": draw(money),
        "cannot_rely_on_parents": draw(st.booleans()),
    }


def answer(data):
    """The answer, or None when the engine refuses (a combination without confirmed amount,
    such as art. 22a lid 3 for a young spouse with housemates)."""
    try:
        return calculate(data)
    except ParameterOntbreekt:
        return None


def calculated(data):
    result = answer(data)
    assume(result is not None)
    return result


def cents(text: str) -> int:
    whole, frac = text.split(".")
    return int(whole) * 100 + int(frac)


@SETTINGS
@given(households())
def test_benefit_is_never_negative_and_never_above_the_norm(data):
    result = calculated(data)
    assert 0 <= cents(result["benefit"]) <= cents(result["norm"])


@SETTINGS
@given(households(), st.integers(1, 100_000))
def test_more_income_never_raises_the_benefit(data, extra):
    more = copy.deepcopy(data)
    work = cents(more["applicant"]["income"]["work"]) + extra
    more["applicant"]["income"]["work"] = f"{work // 100}.{work % 100:02d}"
    assert cents(calculated(more)["benefit"]) <= cents(calculated(data)["benefit"])


@SETTINGS
@given(households())
def test_an_extra_kostendelende_medebewoner_never_raises_the_norm(data):
    more = copy.deepcopy(data)
    more["housemates"].append(
        {"birth_date": "1960-01-01", "commercial_rent": False, "student": False}
    )
    assert cents(calculated(more)["norm"]) <= cents(calculated(data)["norm"])


def _flat_row(data):
    def person(prefix, p):
        if p is None:
            return {
                f"{prefix}_{k}": ""
                for k in (
                    "birth_date",
                    "income_work",
                    "income_other",
                    "work_disregard_months_used",
                    "single_parent_disregard_months_used",
                )
            }
        return {
            f"{prefix}_birth_date": p["birth_date"],
            f"{prefix}_income_work": p["income"]["work"],
            f"{prefix}_income_other": p["income"]["other"],
            f"{prefix}_work_disregard_months_used": str(p["work_disregard_months_used"]),
            f"{prefix}_single_parent_disregard_months_used": str(
                p["single_parent_disregard_months_used"]
            ),
        }

    mates = data["housemates"]
    return {
        "period": data["period"],
        **person("applicant", data["applicant"]),
        **person("partner", data["partner"]),
        "children_birth_dates": ";".join(c["birth_date"] for c in data["children"]),
        "housemates_birth_dates": ";".join(m["birth_date"] for m in mates),
        "housemates_commercial_rent": ";".join(str(m["commercial_rent"]).lower() for m in mates),
        "housemates_student": ";".join(str(m["student"]).lower() for m in mates),
        "assets": data["assets"],
        "home_equity": data["home_equity"],
        "cannot_rely_on_parents": str(data["cannot_rely_on_parents"]).lower(),
    }


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(households(), min_size=1, max_size=12))
def test_batch_and_single_paths_give_identical_answers(cases):
    rows = [_flat_row(c) for c in cases]
    table = pa.table({k: [r[k] for r in rows] for k in rows[0]})
    result, _ = calculate_table(table)
    batch = result.to_pylist()
    for case, row in zip(cases, batch, strict=True):
        single = answer(case)
        if single is None:  # both paths must refuse the same households
            assert row["reason_code"] == "PARAMETER_ONTBREEKT"
            continue
        assert row["status"] == "ok"
        for field in (
            "norm",
            "income_counted",
            "income_disregarded",
            "asset_limit",
            "benefit",
            "vakantietoeslag_reservering",
        ):
            assert f"{row[field]:.2f}" == single[field], field
        assert row["kostendelers"] == single["kostendelers"]
        assert row["eligible"] == single["eligible"]
        assert row["household_type"] == single["household_type"]
