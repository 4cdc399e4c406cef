"""Which periods the engine can calculate, and the dated parameters behind an answer."""

from decimal import Decimal
from functools import cache

from meedoen.rules import get_tax_benefit_system
from meedoen.rules.dates import parse_period

# The norm every calculation needs; if it has no value, the period is unknown to the engine.
ANCHOR_PARAMETER = "normen.art21.alleenstaande"


def _parameter(name: str):
    node = get_tax_benefit_system().parameters
    for part in name.split("."):
        node = node.children[part]
    return node


def first_period() -> str:
    values = _parameter(ANCHOR_PARAMETER).values_list
    return values[-1].instant_str[:7]  # values_list is newest first


@cache
def last_period() -> str | None:
    """The last month the engine can calculate (None when the newest norm has no end)."""
    values = _parameter(ANCHOR_PARAMETER).values_list  # newest first
    if values[0].value is not None:
        return None
    year, month = (int(part) for part in values[0].instant_str[:7].split("-"))
    year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return f"{year:04d}-{month:02d}"


def as_text(value, unit: str | None) -> str | None:
    """Parameter values as exact decimal text: amounts with two decimals, never a float."""
    if value is None:
        return None
    exact = Decimal(str(value))
    return f"{exact:.2f}" if unit == "currency-EUR" else str(exact)


@cache
def period_problem(period: str) -> tuple[str, str] | None:
    """None when the engine can calculate `period`, else (Dutch, English) messages."""
    parsed = parse_period(period)
    if parsed is None:
        return (
            "Geef de periode als JJJJ-MM, bijvoorbeeld 2026-01.",
            "Give the period as YYYY-MM, for example 2026-01.",
        )
    instant = f"{parsed[0]:04d}-{parsed[1]:02d}-01"
    first = first_period()
    if period < first:
        return (
            f"Voor {period} zijn er geen rekenregels: de parameters beginnen in {first}.",
            f"There are no rules for {period}: the parameters start in {first}.",
        )
    if _parameter(ANCHOR_PARAMETER).get_at_instant(instant) is None:
        return (
            f"Voor {period} zijn de bijstandsnormen nog niet bevestigd gepubliceerd.",
            f"The benefit norms for {period} have not been confirmed (published) yet.",
        )
    return None


def parameter_info(name: str, period: str) -> dict:
    """Value and sources of a parameter at the first day of `period`, for the answer."""
    parameter = _parameter(name)
    instant = f"{period}-01"
    for value in parameter.values_list:
        if value.instant_str <= instant:
            return {
                "value": value.value,
                "unit": parameter.metadata.get("unit"),
                "since": value.instant_str,
                "reference": parameter.metadata.get("reference"),
                "url": parameter.metadata.get("url"),
                "publication": value.metadata.get("publicatie") or value.metadata.get("status"),
            }
    return {
        "value": None,
        "reference": parameter.metadata.get("reference"),
        "url": parameter.metadata.get("url"),
    }
