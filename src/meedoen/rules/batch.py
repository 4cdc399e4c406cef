"""A whole caseload in one vectorised simulation per period (flat layout: one row per household).

Columns (docs/rules.md): see COLUMNS. Lists (children, housemates) are ";"-separated in one
cell. Every cell is read as text and validated with the same rules as the single-case contract;
invalid rows are reported by row number (1 = first data row) and the valid rows still computed.
"""

import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from tqdm import tqdm

from meedoen.rules import get_tax_benefit_system
from meedoen.rules.dates import parse_period, years_old
from meedoen.rules.engine import AANVRAGER, KIND, MEDEBEWONER, PARTNER, Caseload, simulate
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.money import AMOUNT_PATTERN
from meedoen.rules.periods import period_problem
from meedoen.rules.reforms import validate_reform_names
from meedoen.rules.situation import CHILD_AGE_LIMIT, MINIMUM_AGE
from meedoen.rules.variables.huishoudtype import Huishoudtype

PERSON_COLUMNS = (
    "birth_date",
    "income_work",
    "income_other",
    "work_disregard_months_used",
    "single_parent_disregard_months_used",
)
COLUMNS = (
    "period",
    "gemeente",
    *(f"applicant_{c}" for c in PERSON_COLUMNS),
    *(f"partner_{c}" for c in PERSON_COLUMNS),
    "children_birth_dates",
    "housemates_birth_dates",
    "housemates_commercial_rent",
    "housemates_student",
    "assets",
    "home_equity",
    "cannot_rely_on_parents",
)
REQUIRED = ("period", "applicant_birth_date")
CHUNK = 250_000  # households per simulation: bounds memory, drives the progress bar
TRUE_WORDS = ("true", "1", "ja", "yes", "waar")
FALSE_WORDS = ("false", "0", "nee", "no", "onwaar", "")
HOUSEHOLD_TYPES = [item.name for item in Huishoudtype]
REASON_CODES = ("", "VERMOGEN_BOVEN_GRENS", "INKOMEN_BOVEN_NORM")


class BatchFormatError(ValueError):
    """The file as a whole cannot be read (format, unknown or missing columns)."""


@dataclass
class BatchReport:
    rows: int
    valid: int
    errors: list[dict] = field(default_factory=list)  # {"row", "field", "nl", "en"}

    @property
    def invalid_rows(self) -> int:
        return len({e["row"] for e in self.errors})


# ---------------------------------------------------------------- reading


def read_table(path: str | Path) -> pa.Table:
    path = Path(path)
    try:
        if path.suffix.lower() == ".parquet":
            table = pq.read_table(path)
            return pa.table({n: pc.cast(table[n], pa.string()) for n in table.column_names})
        with path.open("rb") as handle:
            header = handle.readline().decode("utf-8-sig").strip().split(",")
        return pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in header}, strings_can_be_null=False
            ),
        )
    except (OSError, pa.ArrowInvalid) as error:
        raise BatchFormatError(f"Het bestand {path} kan niet gelezen worden: {error}") from error


def write_table(table: pa.Table, path: str | Path) -> None:
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        pq.write_table(table, path)
    else:
        pacsv.write_csv(table, path)


# ---------------------------------------------------------------- column parsing


class _Errors:
    def __init__(self) -> None:
        self.items: list[tuple[np.ndarray, str, str, str]] = []

    def add(self, mask: np.ndarray, column: str, nl: str, en: str) -> None:
        if mask.any():
            self.items.append((np.flatnonzero(mask), column, nl, en))

    def invalid_mask(self, n: int) -> np.ndarray:
        mask = np.zeros(n, dtype=bool)
        for rows, *_ in self.items:
            mask[rows] = True
        return mask

    def as_list(self) -> list[dict]:
        out = [
            {"row": int(r) + 1, "field": c, "nl": nl, "en": en}
            for rows, c, nl, en in self.items
            for r in rows
        ]
        return sorted(out, key=lambda e: e["row"])


def _text(table: pa.Table, name: str) -> pa.Array:
    if name not in table.column_names:
        return pa.array([""] * table.num_rows, pa.string())
    return pc.fill_null(pc.utf8_trim_whitespace(table[name].combine_chunks()), "")


def _dates(text: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(datetime64[D], empty, bad) for an array of ISO date strings."""
    empty = pc.equal(text, "").to_numpy(zero_copy_only=False)
    shaped = pc.match_substring_regex(text, r"^\d{4}-\d{2}-\d{2}$")
    parsed = pc.strptime(
        pc.if_else(shaped, text, pa.scalar(None, pa.string())),
        format="%Y-%m-%d",
        unit="s",
        error_is_null=True,
    )
    days = pc.cast(parsed, pa.date32())
    bad = ~empty & pc.is_null(days).to_numpy(zero_copy_only=False)
    values = pc.fill_null(days, pa.scalar(0, pa.date32())).to_numpy(zero_copy_only=False)
    return values.astype("datetime64[D]"), empty, bad


def _amounts(text: pa.Array, column: str, errors: _Errors) -> np.ndarray:
    """Text amounts to int64 eurocent: validated by pattern, converted by Arrow's decimal cast."""
    text = pc.if_else(pc.equal(text, ""), "0", text)
    valid = pc.match_substring_regex(text, AMOUNT_PATTERN.pattern)
    errors.add(
        ~valid.to_numpy(zero_copy_only=False),
        column,
        "Geen geldig bedrag (hoogstens 2 decimalen, bijvoorbeeld 1250.00).",
        "Not a valid amount (at most 2 decimals, for example 1250.00).",
    )
    decimals = pc.cast(pc.if_else(valid, text, "0"), pa.decimal128(18, 2))
    # The low 64 bits of a decimal128 hold the unscaled value (eurocent), sign included.
    words = np.frombuffer(decimals.buffers()[1], dtype=np.int64)
    cents = words[2 * decimals.offset : 2 * (decimals.offset + len(decimals)) : 2].copy()
    errors.add(
        cents < 0, column, "Een bedrag mag niet negatief zijn.", "An amount cannot be negative."
    )
    return np.maximum(cents, 0)


def _counts(text: pa.Array, column: str, errors: _Errors) -> np.ndarray:
    text = pc.if_else(pc.equal(text, ""), "0", text)
    valid = pc.match_substring_regex(text, r"^\d{1,4}$").to_numpy(zero_copy_only=False)
    errors.add(
        ~valid,
        column,
        "Geef een heel aantal maanden van 0 of meer.",
        "Give a whole number of months, 0 or more.",
    )
    return pc.cast(pc.if_else(valid, text, "0"), pa.int32()).to_numpy(zero_copy_only=False)


def _flags(text: pa.Array, column: str, errors: _Errors) -> np.ndarray:
    lower = pc.utf8_lower(text)
    true = pc.is_in(lower, pa.array(TRUE_WORDS)).to_numpy(zero_copy_only=False)
    false = pc.is_in(lower, pa.array(FALSE_WORDS)).to_numpy(zero_copy_only=False)
    errors.add(~(true | false), column, "Geef true of false.", "Give true or false.")
    return true


def _split(text: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """Split ";"-lists: (flat trimmed items, parent row of each item); empty cells -> no items."""
    lists = pc.split_pattern(text, ";")
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    items = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    keep = pc.not_equal(items, "").to_numpy(zero_copy_only=False)
    return pc.filter(items, pa.array(keep)), parents[keep]


# ---------------------------------------------------------------- validation


@dataclass
class _Parsed:
    n: int
    period: pa.Array  # "YYYY-MM" per row
    period_code: np.ndarray  # index into period_values, per row
    period_values: list[str]
    year: np.ndarray
    month: np.ndarray
    household: dict
    applicant: dict
    partner: dict
    has_partner: np.ndarray
    children_born: np.ndarray
    children_row: np.ndarray
    mates_born: np.ndarray
    mates_row: np.ndarray
    mates_commercial: np.ndarray
    mates_student: np.ndarray
    errors: _Errors


def _person(table, prefix, errors, year, month, required, label_nl, label_en) -> dict:
    born, empty, bad = _dates(_text(table, f"{prefix}_birth_date"))
    column = f"{prefix}_birth_date"
    present = ~empty
    if required:
        errors.add(empty, column, "De geboortedatum ontbreekt.", "The birth date is missing.")
    errors.add(bad, column, "Geen geldige datum (JJJJ-MM-DD).", "Not a valid date (YYYY-MM-DD).")
    ok = present & ~bad
    age = years_old(born, year, month)
    errors.add(
        ok & (age < MINIMUM_AGE),
        column,
        f"De {label_nl} is jonger dan 18 jaar. Bijstand is er vanaf 18 jaar.",
        f"The {label_en} is younger than 18. Bijstand starts at 18.",
    )
    return {
        "present": present,
        "born": born,
        "work": _amounts(_text(table, f"{prefix}_income_work"), f"{prefix}_income_work", errors),
        "other": _amounts(_text(table, f"{prefix}_income_other"), f"{prefix}_income_other", errors),
        "n": _counts(
            _text(table, f"{prefix}_work_disregard_months_used"),
            f"{prefix}_work_disregard_months_used",
            errors,
        ),
        "r": _counts(
            _text(table, f"{prefix}_single_parent_disregard_months_used"),
            f"{prefix}_single_parent_disregard_months_used",
            errors,
        ),
    }


def _last_day(year: np.ndarray, month: np.ndarray) -> np.ndarray:
    first = (year - 1970) * 12 + (month - 1)
    return (first + 1).astype("datetime64[M]").astype("datetime64[D]") - 1


def parse_table(table: pa.Table) -> _Parsed:
    unknown = sorted(set(table.column_names) - set(COLUMNS))
    missing = [c for c in REQUIRED if c not in table.column_names]
    if unknown or missing:
        raise BatchFormatError(
            "Kolommen kloppen niet."
            + (f" Onbekend: {', '.join(unknown)}." if unknown else "")
            + (f" Ontbreekt: {', '.join(missing)}." if missing else "")
        )
    n = table.num_rows
    errors = _Errors()
    period_text = _text(table, "period")
    # Dictionary-encode: sorting a million Python strings would cost more than the rules.
    encoded = pc.dictionary_encode(period_text)
    period_values = encoded.dictionary.to_pylist()
    period_code = encoded.indices.to_numpy(zero_copy_only=False)
    year = np.zeros(n, dtype=np.int64)
    month = np.ones(n, dtype=np.int64)
    for code, value in enumerate(period_values):
        rows = period_code == code
        problem = period_problem(value)
        if problem:
            errors.add(rows, "period", *problem)
        parsed = parse_period(value)
        if parsed:
            year[rows], month[rows] = parsed

    gemeente = _text(table, "gemeente")
    bad_gemeente = ~pc.match_substring_regex(gemeente, r"^(GM\d{4})?$").to_numpy(
        zero_copy_only=False
    )
    errors.add(
        bad_gemeente,
        "gemeente",
        "Geef de gemeentecode als GM en 4 cijfers.",
        "Give the municipality code as GM and 4 digits.",
    )

    applicant = _person(table, "applicant", errors, year, month, True, "aanvrager", "applicant")
    partner = _person(table, "partner", errors, year, month, False, "partner", "partner")
    last_day = _last_day(year, month)
    for person, label in ((applicant, "applicant"), (partner, "partner")):
        errors.add(
            person["present"] & (person["born"] > last_day),
            f"{label}_birth_date",
            "Deze geboortedatum ligt na de berekende maand.",
            "This birth date is after the month being calculated.",
        )

    child_items, children_row = _split(_text(table, "children_birth_dates"))
    children_born, _, child_bad = _dates(child_items)
    child_age = years_old(children_born, year[children_row], month[children_row])
    bad_row = np.zeros(n, dtype=bool)
    bad_row[children_row[child_bad | (children_born > last_day[children_row])]] = True
    errors.add(
        bad_row,
        "children_birth_dates",
        "Een geboortedatum van een kind is ongeldig.",
        "A child's birth date is not valid.",
    )
    old_row = np.zeros(n, dtype=bool)
    old_row[children_row[~child_bad & (child_age >= CHILD_AGE_LIMIT)]] = True
    errors.add(
        old_row,
        "children_birth_dates",
        "Een kind is 18 jaar of ouder: geef die persoon op als medebewoner.",
        "A child is 18 or older: enter that person as a housemate.",
    )

    mate_items, mates_row = _split(_text(table, "housemates_birth_dates"))
    mates_born, _, mate_bad = _dates(mate_items)
    bad_row = np.zeros(n, dtype=bool)
    bad_row[mates_row[mate_bad | (mates_born > last_day[mates_row])]] = True
    errors.add(
        bad_row,
        "housemates_birth_dates",
        "Een geboortedatum van een medebewoner is ongeldig.",
        "A housemate's birth date is not valid.",
    )
    mates_per_row = np.bincount(mates_row, minlength=n)
    mate_flags = {}
    for column in ("housemates_commercial_rent", "housemates_student"):
        items, rows = _split(_text(table, column))
        per_row = np.bincount(rows, minlength=n)
        errors.add(
            (per_row > 0) & (per_row != mates_per_row),
            column,
            "Geef voor elke medebewoner een waarde (of laat de cel leeg).",
            "Give one value per housemate (or leave the cell empty).",
        )
        values = _flags(items, column, errors)
        flags = np.zeros(len(mates_row), dtype=bool)
        # Items of a row line up with that row's housemates only when the counts match.
        # Both flat lists are in row order, so item k of a row is that row's k-th housemate.
        aligned = per_row[rows] == mates_per_row[rows]
        if aligned.any():
            target = np.searchsorted(mates_row, rows[aligned]) + _rank_within(rows[aligned])
            flags[target] = values[aligned]
        mate_flags[column] = flags

    household = {
        "assets": _amounts(_text(table, "assets"), "assets", errors),
        "home_equity": _amounts(_text(table, "home_equity"), "home_equity", errors),
        "cannot_rely": _flags(
            _text(table, "cannot_rely_on_parents"), "cannot_rely_on_parents", errors
        ),
    }
    return _Parsed(
        n,
        period_text,
        period_code,
        period_values,
        year,
        month,
        household,
        applicant,
        partner,
        partner["present"],
        children_born,
        children_row,
        mates_born,
        mates_row,
        mate_flags["housemates_commercial_rent"],
        mate_flags["housemates_student"],
        errors,
    )


def _rank_within(rows: np.ndarray) -> np.ndarray:
    """Position of each item within its row, for items listed row by row."""
    if len(rows) == 0:
        return rows
    starts = np.r_[0, np.flatnonzero(np.diff(rows)) + 1]
    first = np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    return np.arange(len(rows)) - first


# ---------------------------------------------------------------- calculation


def _caseload(p: _Parsed, rows: np.ndarray, period: str) -> Caseload:
    """Caseload for the given (valid) rows; households are numbered 0.. in `rows` order."""
    local = np.full(p.n, -1, dtype=np.int64)
    local[rows] = np.arange(len(rows))
    partner_rows = rows[p.has_partner[rows]]
    child_sel = local[p.children_row] >= 0
    mate_sel = local[p.mates_row] >= 0
    n_child, n_mate = int(child_sel.sum()), int(mate_sel.sum())

    def stack(applicant_values, partner_values, child_default, mate_values, dtype):
        return np.concatenate(
            [
                np.asarray(applicant_values, dtype=dtype),
                np.asarray(partner_values, dtype=dtype),
                np.full(n_child, child_default, dtype=dtype),
                np.asarray(mate_values, dtype=dtype),
            ]
        )

    zeros_m = np.zeros(n_mate)
    a, q = p.applicant, p.partner
    return Caseload(
        period=period,
        bezittingen=p.household["assets"][rows],
        vermogen_eigen_woning=p.household["home_equity"][rows],
        niet_op_ouders_aangewezen=p.household["cannot_rely"][rows],
        huishouden_index=np.concatenate(
            [
                local[rows],
                local[partner_rows],
                local[p.children_row[child_sel]],
                local[p.mates_row[mate_sel]],
            ]
        ),
        rol=np.concatenate(
            [
                np.full(len(rows), AANVRAGER, np.int8),
                np.full(len(partner_rows), PARTNER, np.int8),
                np.full(n_child, KIND, np.int8),
                np.full(n_mate, MEDEBEWONER, np.int8),
            ]
        ),
        geboortedatum=np.concatenate(
            [
                a["born"][rows],
                q["born"][partner_rows],
                p.children_born[child_sel],
                p.mates_born[mate_sel],
            ]
        ),
        inkomen_uit_arbeid=stack(a["work"][rows], q["work"][partner_rows], 0, zeros_m, np.int64),
        overig_inkomen=stack(a["other"][rows], q["other"][partner_rows], 0, zeros_m, np.int64),
        maanden_n=stack(a["n"][rows], q["n"][partner_rows], 0, zeros_m, np.int32),
        maanden_r=stack(a["r"][rows], q["r"][partner_rows], 0, zeros_m, np.int32),
        commerciele_huur=stack(
            np.zeros(len(rows)),
            np.zeros(len(partner_rows)),
            False,
            p.mates_commercial[mate_sel],
            bool,
        ),
        student=stack(
            np.zeros(len(rows)), np.zeros(len(partner_rows)), False, p.mates_student[mate_sel], bool
        ),
    )


OUTPUT_AMOUNTS = (
    "norm",
    "income_counted",
    "income_disregarded",
    "asset_limit",
    "benefit",
    "vakantietoeslag_reservering",
)
ENGINE_NAMES = {
    "norm": "norm",
    "income_counted": "middelen",
    "income_disregarded": "vrijgelaten_inkomen",
    "asset_limit": "vermogensgrens",
    "benefit": "bijstand",
    "vakantietoeslag_reservering": "vakantietoeslag_reservering",
}


def _run_rows(system, p: _Parsed, rows: np.ndarray, period: str, out: dict, errors: _Errors):
    """Simulate rows of one period; rows needing a missing parameter are reported and dropped."""
    while len(rows):
        caseload = _caseload(p, rows, period)
        try:
            households, persons = simulate(system, caseload)
        except ParameterOntbreekt as missing:
            needed = np.zeros(p.n, dtype=bool)
            needed[rows[missing.nodig] if missing.nodig is not None else rows] = True
            errors.add(needed, missing.parameter, missing.nl, missing.en)
            out["missing_parameter"][needed] = True
            rows = rows[~needed[rows]]
            continue
        for name in OUTPUT_AMOUNTS:
            out[name][rows] = households[ENGINE_NAMES[name]]
        out["kostendelers"][rows] = households["aantal_kostendelers"]
        out["household_type"][rows] = households["huishoudtype"]
        out["reason"][rows] = households["reden_geen_recht"]
        out["computed"][rows] = True
        n_partner = int(p.has_partner[rows].sum())
        applicant_slice = slice(0, len(rows))
        partner_slice = slice(len(rows), len(rows) + n_partner)
        for who, part, selected in (
            ("applicant", applicant_slice, rows),
            ("partner", partner_slice, rows[p.has_partner[rows]]),
        ):
            out[f"{who}_work_disregard_applied"][selected] = persons["vrijlating_arbeid_toegepast"][
                part
            ]
            out[f"{who}_single_parent_disregard_applied"][selected] = persons[
                "vrijlating_alleenstaande_ouder_toegepast"
            ][part]
        return


def _decimal_column(cents: np.ndarray, valid: np.ndarray) -> pa.Array:
    """int64 eurocent -> decimal128(18, 2) without touching floats or Python objects."""
    raw = np.empty((len(cents), 2), dtype=np.int64)
    raw[:, 0] = cents
    raw[:, 1] = cents >> 63  # sign extension of the 128-bit little-endian integer
    array = pa.Array.from_buffers(pa.decimal128(18, 2), len(cents), [None, pa.py_buffer(raw)])
    return pc.if_else(pa.array(valid), array, pa.scalar(None, pa.decimal128(18, 2)))


def calculate_table(
    table: pa.Table, *, reforms=(), progress: bool = False
) -> tuple[pa.Table, BatchReport]:
    reforms = tuple(reforms)
    validate_reform_names(reforms)
    system = get_tax_benefit_system(reforms)
    p = parse_table(table)
    valid = ~p.errors.invalid_mask(p.n)
    out = {name: np.zeros(p.n, dtype=np.int64) for name in (*OUTPUT_AMOUNTS, "kostendelers")}
    out["household_type"] = np.zeros(p.n, dtype=np.int16)
    out["reason"] = np.zeros(p.n, dtype=np.int16)
    out["computed"] = np.zeros(p.n, dtype=bool)
    out["missing_parameter"] = np.zeros(p.n, dtype=bool)
    for who in ("applicant", "partner"):
        out[f"{who}_work_disregard_applied"] = np.zeros(p.n, dtype=bool)
        out[f"{who}_single_parent_disregard_applied"] = np.zeros(p.n, dtype=bool)

    bar = tqdm(total=p.n, unit="huishoudens", file=sys.stderr, disable=not progress)
    for code, period in enumerate(p.period_values):
        rows = np.flatnonzero(valid & (p.period_code == code))
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            _run_rows(system, p, chunk, period, out, p.errors)
            bar.update(len(chunk))
    bar.update(p.n - bar.n)
    bar.close()

    computed = out["computed"]
    error_list = p.errors.as_list()
    message = np.full(p.n, "", dtype=object)
    for error in reversed(error_list):
        message[error["row"] - 1] = f"{error['field']}: {error['nl']}"
    reason_code = np.array(REASON_CODES, dtype=object)[out["reason"]]
    reason_code[~computed] = "ONGELDIG"
    reason_code[out["missing_parameter"]] = "PARAMETER_ONTBREEKT"
    columns = {
        "row": pa.array(np.arange(1, p.n + 1)),
        "period": p.period,
        "status": pa.array(np.where(computed, "ok", "invalid")),
        "eligible": pa.array(computed & (out["reason"] == 0), mask=~computed),
        "reason_code": pa.array(reason_code.astype(str)),
        "message": pa.array(message.astype(str)),
        "household_type": pa.array(
            np.array(HOUSEHOLD_TYPES, dtype=object)[out["household_type"]].astype(str),
            mask=~computed,
        ),
        "kostendelers": pa.array(out["kostendelers"], mask=~computed),
    }
    for name in OUTPUT_AMOUNTS:
        columns[name] = _decimal_column(out[name], computed)
    for who in ("applicant", "partner"):
        for key in ("work_disregard_applied", "single_parent_disregard_applied"):
            columns[f"{who}_{key}"] = pa.array(out[f"{who}_{key}"], mask=~computed)
    report = BatchReport(rows=p.n, valid=int(computed.sum()), errors=error_list)
    return pa.table(columns), report


def calculate_batch(
    in_path: str | Path, out_path: str | Path, *, reforms=(), progress: bool = True
) -> BatchReport:
    """Read CSV/Parquet, calculate every valid row, write CSV/Parquet (chosen by extension)."""
    table = read_table(in_path)
    result, report = calculate_table(table, reforms=reforms, progress=progress)
    write_table(result, out_path)
    return report
