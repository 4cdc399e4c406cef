"""Money at the edges of the rules engine: the one place where Decimal meets eurocent.

Inside the engine every amount is an int64 number of eurocent. Amounts enter as strings or
Decimals (the situation contract), parameters arrive from YAML as numbers with two decimals,
and results leave as strings with two decimals. Floats never carry money.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import numpy as np

CENTS_PER_EURO = 100
MAX_WHOLE_DIGITS = 12  # far above any amount bijstand meets; keeps int64 safe
AMOUNT_PATTERN = re.compile(r"^-?\d{1,12}(\.\d{1,2})?$")


class AmountError(ValueError):
    """The text is not an amount in euro with at most two decimals."""


def parse_amount(value: object) -> int:
    """Parse "12.50", "12", Decimal or int into eurocent; refuse floats and three decimals."""
    if isinstance(value, (bool, float)):
        raise AmountError(value)
    if isinstance(value, int):
        if abs(value) >= 10**MAX_WHOLE_DIGITS:
            raise AmountError(value)
        return value * CENTS_PER_EURO
    if isinstance(value, Decimal):
        text = format(value, "f")
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise AmountError(value)
    if not AMOUNT_PATTERN.match(text):
        raise AmountError(value)
    try:
        return int(Decimal(text) * CENTS_PER_EURO)
    except InvalidOperation as error:  # pragma: no cover - the pattern already guards this
        raise AmountError(value) from error


def cents_to_decimal(cents: int) -> Decimal:
    return (Decimal(int(cents)) / CENTS_PER_EURO).quantize(Decimal("0.01"))


def format_amount(cents: int) -> str:
    """The contract's amount format: "1401.50"."""
    return str(cents_to_decimal(cents))


def format_euro_nl(cents: int) -> str:
    """Dutch notation for texts: "€ 1.401,50"."""
    cents = int(cents)
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), CENTS_PER_EURO)
    grouped = f"{euros:,}".replace(",", ".")
    return f"{sign}€ {grouped},{rest:02d}"


def format_euro_en(cents: int) -> str:
    """English notation for texts: "€1,401.50"."""
    cents = int(cents)
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), CENTS_PER_EURO)
    return f"{sign}€{euros:,}.{rest:02d}"


def parameter_to_cents(value: float | int) -> int:
    """A YAML parameter amount (e.g. 1401.5) to eurocent, exactly (via its shortest repr)."""
    exact = Decimal(repr(value))
    return int((exact * CENTS_PER_EURO).to_integral_value(ROUND_HALF_UP))


def rate_to_basis_points(rate: float) -> int:
    """A YAML rate (e.g. 0.125) to hundredths of a percent (1250), exactly."""
    return int((Decimal(repr(rate)) * 10_000).to_integral_value(ROUND_HALF_UP))


def divide_round_half_up(numerator, denominator):
    """Integer division rounding halves away from zero; works on int64 arrays and ints.

    The one rounding rule of the engine: amounts are rounded to the cent, a half cent up
    ("rekenkundig afronden"). Numerators are never negative in the engine, but the sign is
    handled so that the rule stays symmetric.
    """
    numerator = np.asarray(numerator, dtype=np.int64)
    sign = np.where(numerator < 0, -1, 1)
    magnitude = np.abs(numerator)
    return sign * ((2 * magnitude + denominator) // (2 * denominator))
