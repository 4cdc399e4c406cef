"""The situation contract (docs/rules.md, DESIGN.md): parse and validate a household's JSON.

Invalid input raises `SituationError` whose `errors` maps dotted field paths to a list of
messages `{"nl": ..., "en": ...}`, e.g. {"partner.birth_date": [{"nl": ..., "en": ...}]}.
"""

from dataclasses import dataclass, field
from datetime import date

from meedoen.rules.dates import last_day_of_month, parse_date, parse_period, years_old
from meedoen.rules.money import AmountError, parse_amount
from meedoen.rules.periods import period_problem

MINIMUM_AGE = 18  # bijstand starts at 18 (art. 20); checked again by the engine's categories
CHILD_AGE_LIMIT = 18  # a kind ten laste is under 18


class SituationError(ValueError):
    def __init__(self, errors: dict[str, list[dict[str, str]]]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{path}: {m['nl']}" for path, ms in errors.items() for m in ms))


@dataclass(frozen=True)
class Income:
    work: int = 0  # eurocent
    other: int = 0


@dataclass(frozen=True)
class Person:
    birth_date: date
    income: Income = field(default_factory=Income)
    work_disregard_months_used: int = 0
    single_parent_disregard_months_used: int = 0


@dataclass(frozen=True)
class Housemate:
    birth_date: date
    commercial_rent: bool = False
    student: bool = False


@dataclass(frozen=True)
class Situation:
    period: str
    gemeente: str | None
    applicant: Person
    partner: Person | None
    children: tuple[date, ...]
    housemates: tuple[Housemate, ...]
    assets: int  # eurocent
    home_equity: int
    cannot_rely_on_parents: bool

    @property
    def year_month(self) -> tuple[int, int]:
        year, month = parse_period(self.period)
        return year, month


TOP_FIELDS = {
    "period",
    "gemeente",
    "applicant",
    "partner",
    "children",
    "housemates",
    "assets",
    "home_equity",
    "cannot_rely_on_parents",
}
PERSON_FIELDS = {
    "birth_date",
    "income",
    "work_disregard_months_used",
    "single_parent_disregard_months_used",
}
INCOME_FIELDS = {"work", "other"}
HOUSEMATE_FIELDS = {"birth_date", "commercial_rent", "student"}
CHILD_FIELDS = {"birth_date"}


class _Collector:
    def __init__(self) -> None:
        self.errors: dict[str, list[dict[str, str]]] = {}

    def add(self, path: str, nl: str, en: str) -> None:
        self.errors.setdefault(path, []).append({"nl": nl, "en": en})

    def unknown(self, data: dict, allowed: set[str], prefix: str) -> None:
        for key in sorted(set(data) - allowed):
            self.add(f"{prefix}{key}", "Dit veld kennen we niet.", "This field is unknown.")

    def object(self, value, path: str) -> dict | None:
        if isinstance(value, dict):
            return value
        self.add(
            path, "Hier hoort een object met velden.", "An object with fields is expected here."
        )
        return None

    def amount(self, data: dict, key: str, path: str) -> int:
        if key not in data:
            return 0
        try:
            cents = parse_amount(data[key])
        except AmountError:
            self.add(
                path,
                "Dit is geen geldig bedrag. Schrijf het als tekst met hoogstens 2 decimalen, "
                'bijvoorbeeld "1250.00".',
                "This is not a valid amount. Write it as text with at most 2 decimals, "
                'for example "1250.00".',
            )
            return 0
        if cents < 0:
            self.add(path, "Een bedrag mag niet negatief zijn.", "An amount cannot be negative.")
            return 0
        return cents

    def count(self, data: dict, key: str, path: str) -> int:
        value = data.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.add(
                path,
                "Geef een heel aantal maanden van 0 of meer.",
                "Give a whole number of months, 0 or more.",
            )
            return 0
        return value

    def flag(self, data: dict, key: str, path: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.add(path, "Geef true of false.", "Give true or false.")
            return False
        return value

    def birth_date(self, data: dict, path: str, period_end: date | None) -> date | None:
        if data.get("birth_date") in (None, ""):
            self.add(path, "De geboortedatum ontbreekt.", "The birth date is missing.")
            return None
        born = parse_date(data["birth_date"])
        if born is None:
            self.add(
                path,
                "Dit is geen geldige datum. Schrijf JJJJ-MM-DD, bijvoorbeeld 1990-05-01.",
                "This is not a valid date. Write YYYY-MM-DD, for example 1990-05-01.",
            )
            return None
        if period_end is not None and born > period_end:
            self.add(
                path,
                "Deze geboortedatum ligt na de berekende maand.",
                "This birth date is after the month being calculated.",
            )
            return None
        return born


def _age(born: date, year_month: tuple[int, int]) -> int:
    import numpy as np

    return int(years_old(np.datetime64(born, "D"), *year_month))


def _person(c: _Collector, value, prefix: str, ym, period_end, role_nl: str, role_en: str):
    data = c.object(value, prefix)
    if data is None:
        return None
    c.unknown(data, PERSON_FIELDS, f"{prefix}.")
    born = c.birth_date(data, f"{prefix}.birth_date", period_end)
    if born is not None and ym is not None and _age(born, ym) < MINIMUM_AGE:
        c.add(
            f"{prefix}.birth_date",
            f"De {role_nl} is jonger dan 18 jaar. Bijstand is er vanaf 18 jaar.",
            f"The {role_en} is younger than 18. Bijstand starts at 18.",
        )
    income_data = c.object(data.get("income", {}), f"{prefix}.income") or {}
    c.unknown(income_data, INCOME_FIELDS, f"{prefix}.income.")
    income = Income(
        work=c.amount(income_data, "work", f"{prefix}.income.work"),
        other=c.amount(income_data, "other", f"{prefix}.income.other"),
    )
    return Person(
        birth_date=born or date(1970, 1, 1),
        income=income,
        work_disregard_months_used=c.count(
            data, "work_disregard_months_used", f"{prefix}.work_disregard_months_used"
        ),
        single_parent_disregard_months_used=c.count(
            data,
            "single_parent_disregard_months_used",
            f"{prefix}.single_parent_disregard_months_used",
        ),
    )


def _list(c: _Collector, data: dict, key: str) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        c.add(key, "Hier hoort een lijst.", "A list is expected here.")
        return []
    return value


def parse_situation(data: dict) -> Situation:
    c = _Collector()
    if not isinstance(data, dict):
        raise SituationError(
            {"": [{"nl": "Hier hoort een JSON-object.", "en": "A JSON object is expected."}]}
        )
    c.unknown(data, TOP_FIELDS, "")

    period = data.get("period")
    ym = period_end = None
    if period in (None, ""):
        c.add("period", "De periode ontbreekt (JJJJ-MM).", "The period is missing (YYYY-MM).")
    else:
        problem = (
            period_problem(period)
            if isinstance(period, str)
            else ("Geef de periode als JJJJ-MM.", "Give the period as YYYY-MM.")
        )
        if problem:
            c.add("period", *problem)
        if isinstance(period, str) and parse_period(period):
            ym = parse_period(period)
            period_end = last_day_of_month(*ym)

    gemeente = data.get("gemeente")
    if gemeente is not None and not (
        isinstance(gemeente, str)
        and len(gemeente) == 6
        and gemeente.startswith("GM")
        and gemeente[2:].isdigit()
    ):
        c.add(
            "gemeente",
            "Geef de gemeentecode als GM en 4 cijfers, bijvoorbeeld GM0150.",
            "Give the municipality code as GM and 4 digits, for example GM0150.",
        )

    applicant = None
    if data.get("applicant") is None:
        c.add("applicant", "De gegevens van de aanvrager ontbreken.", "The applicant is missing.")
    else:
        applicant = _person(
            c, data["applicant"], "applicant", ym, period_end, "aanvrager", "applicant"
        )
    partner = None
    if data.get("partner") is not None:
        partner = _person(c, data["partner"], "partner", ym, period_end, "partner", "partner")

    children = []
    for index, child in enumerate(_list(c, data, "children")):
        prefix = f"children.{index}"
        child_data = c.object(child, prefix)
        if child_data is None:
            continue
        c.unknown(child_data, CHILD_FIELDS, f"{prefix}.")
        born = c.birth_date(child_data, f"{prefix}.birth_date", period_end)
        if born is not None and ym is not None and _age(born, ym) >= CHILD_AGE_LIMIT:
            c.add(
                f"{prefix}.birth_date",
                "Dit kind is 18 jaar of ouder en is dus geen kind ten laste. "
                "Geef deze persoon op als medebewoner.",
                "This child is 18 or older, so not a dependent child. "
                "Enter this person as a housemate.",
            )
        children.append(born)

    housemates = []
    for index, mate in enumerate(_list(c, data, "housemates")):
        prefix = f"housemates.{index}"
        mate_data = c.object(mate, prefix)
        if mate_data is None:
            continue
        c.unknown(mate_data, HOUSEMATE_FIELDS, f"{prefix}.")
        born = c.birth_date(mate_data, f"{prefix}.birth_date", period_end)
        housemates.append(
            Housemate(
                birth_date=born,
                commercial_rent=c.flag(mate_data, "commercial_rent", f"{prefix}.commercial_rent"),
                student=c.flag(mate_data, "student", f"{prefix}.student"),
            )
        )

    assets = c.amount(data, "assets", "assets")
    home_equity = c.amount(data, "home_equity", "home_equity")
    cannot_rely = c.flag(data, "cannot_rely_on_parents", "cannot_rely_on_parents")
    if c.errors:
        raise SituationError(c.errors)
    return Situation(
        period=period,
        gemeente=gemeente,
        applicant=applicant,
        partner=partner,
        children=tuple(children),
        housemates=tuple(housemates),
        assets=assets,
        home_equity=home_equity,
        cannot_rely_on_parents=cannot_rely,
    )
