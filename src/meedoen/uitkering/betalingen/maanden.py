"""Months as the first day of the month, and their Dutch names (letters are always Dutch)."""

import datetime as dt

from meedoen.rules.explanation import MONTHS_NL


def maand_van(datum: dt.date) -> dt.date:
    return datum.replace(day=1)


def plus(maand: dt.date, aantal: int) -> dt.date:
    index = maand.year * 12 + maand.month - 1 + aantal
    return dt.date(index // 12, index % 12 + 1, 1)


def laatste_dag(maand: dt.date) -> dt.date:
    return plus(maand, 1) - dt.timedelta(days=1)


def periode(maand: dt.date) -> str:
    """The rules engine's period: "2026-01"."""
    return f"{maand:%Y-%m}"


def maandnaam(maand: dt.date) -> str:
    return f"{MONTHS_NL[maand.month - 1]} {maand.year}"


def uit_tekst(tekst: str) -> dt.date | None:
    """ "2026-01" -> 1 January 2026; None for anything else."""
    try:
        jaar, maand = (int(deel) for deel in tekst.split("-"))
        return dt.date(jaar, maand, 1)
    except (ValueError, AttributeError):
        return None
