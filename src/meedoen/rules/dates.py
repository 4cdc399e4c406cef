"""Ages the way the engine counts them: completed months on the first day of the month.

Shared by the formulas and by input validation, so that "younger than 18" means the same
thing in both places.
"""

import re
from datetime import date

import numpy as np

PERIOD_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def months_old(born: np.ndarray, year: int | np.ndarray, month: int | np.ndarray) -> np.ndarray:
    """Completed months of age on the first day of `year`-`month` (negative: not yet born)."""
    born = np.asarray(born, dtype="datetime64[D]")
    born_month = born.astype("datetime64[M]")
    born_year = born.astype("datetime64[Y]").astype(np.int64) + 1970
    born_month_number = born_month.astype(np.int64) % 12 + 1
    born_day = (born - born_month).astype(np.int64) + 1
    # On the 1st of a month only people born on a 1st have completed the current month.
    return (year - born_year) * 12 + (month - born_month_number) - (born_day > 1)


def years_old(born, year, month) -> np.ndarray:
    return months_old(born, year, month) // 12


def parse_period(text: str) -> tuple[int, int] | None:
    match = PERIOD_PATTERN.match(text) if isinstance(text, str) else None
    return (int(match.group(1)), int(match.group(2))) if match else None


def parse_date(text: object) -> date | None:
    if not isinstance(text, str) or not DATE_PATTERN.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def last_day_of_month(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(first_next.toordinal() - 1)
