"""Benchmark of the rules engine: a million households in batch, a sample one by one.

Run:  .venv/bin/python benchmarks/rules_benchmark.py [--households 1000000] [--sample 2000]

(a) N synthetic households (flat layout, all cells as text, as read from CSV) through
    `calculate_table`: parsing + validation + one vectorised simulation per period/chunk.
(b) a sample through `calculate` (the single-case path incl. parsing and explanation),
    timed per call and extrapolated to N.
The synthetic data avoids combinations the engine refuses (art. 22 c, art. 22a lid 3), so
every row is computed.
"""

import argparse
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from meedoen.rules import get_tax_benefit_system  # noqa: E402
from meedoen.rules.batch import calculate_table, read_table, write_table  # noqa: E402
from meedoen.rules.calculate import calculate  # noqa: E402


def _dates(rng, n, start, end):
    lo, hi = np.datetime64(start, "D"), np.datetime64(end, "D")
    return lo + rng.integers(0, (hi - lo).astype(np.int64), n)


def _money(cents):
    cents = np.asarray(cents, dtype=np.int64)
    whole = (cents // 100).astype(str)
    frac = np.char.zfill((cents % 100).astype(str), 2)
    return np.char.add(np.char.add(whole, "."), frac)


def _joined(rng, n, share, max_items, start, end):
    """';'-joined birth-date lists for a share of the rows (at most max_items each)."""
    counts = np.where(rng.random(n) < share, rng.integers(1, max_items + 1, n), 0)
    out = np.full(n, "", dtype=object)
    for k in range(1, max_items + 1):
        rows = counts >= k
        dates = _dates(rng, int(rows.sum()), start, end).astype(str)
        out[rows] = np.where(out[rows] == "", dates, out[rows] + ";" + dates)
    return out, counts


def synthetic_table(n: int, seed: int = 2026) -> pa.Table:
    rng = np.random.default_rng(seed)
    period = np.where(rng.random(n) < 0.8, "2026-01", "2025-01")
    has_partner = rng.random(n) < 0.35
    # Couples are 21 to 65 (no art. 22 c); singles 19 to 65.
    applicant_born = np.where(
        has_partner,
        _dates(rng, n, "1961-01-01", "2003-12-01"),
        _dates(rng, n, "1961-01-01", "2005-12-01"),
    )
    partner_born = np.where(has_partner, _dates(rng, n, "1961-01-01", "2003-12-01").astype(str), "")
    children, _ = _joined(rng, n, 0.35, 3, "2009-01-01", "2024-12-01")
    mates, mate_counts = _joined(rng, n, 0.2, 2, "1950-01-01", "2004-12-01")

    def flags(share):
        return np.array(
            [
                ";".join("true" if rng.random() < share else "false" for _ in range(count))
                for count in mate_counts
            ],
            dtype=object,
        )

    works = rng.random(n) < 0.3
    work = np.where(works, rng.integers(0, 150_000, n), 0)
    other = np.where(rng.random(n) < 0.2, rng.integers(0, 100_000, n), 0)
    empty = np.full(n, "", dtype=object)
    columns = {
        "period": period,
        "gemeente": np.full(n, "GM0150"),
        "applicant_birth_date": applicant_born.astype(str),
        "applicant_income_work": _money(work),
        "applicant_income_other": _money(other),
        "applicant_work_disregard_months_used": rng.integers(0, 8, n).astype(str),
        "applicant_single_parent_disregard_months_used": rng.integers(0, 32, n).astype(str),
        "partner_birth_date": partner_born,
        "partner_income_work": np.where(has_partner, _money(rng.integers(0, 80_000, n)), empty),
        "partner_income_other": empty,
        "children_birth_dates": children,
        "housemates_birth_dates": mates,
        "housemates_commercial_rent": flags(0.1),
        "housemates_student": flags(0.2),
        "assets": _money(rng.integers(0, 2_000_000, n)),
        "home_equity": _money(np.where(rng.random(n) < 0.05, rng.integers(0, 10_000_000, n), 0)),
        "cannot_rely_on_parents": np.where(rng.random(n) < 0.1, "true", "false"),
    }
    return pa.table({k: pa.array(np.asarray(v).astype(str)) for k, v in columns.items()})


def situation_dicts(table: pa.Table) -> list[dict]:
    out = []
    for row in table.to_pylist():

        def person(prefix, r=row):
            return {
                "birth_date": r[f"{prefix}_birth_date"],
                "income": {
                    "work": r.get(f"{prefix}_income_work") or "0.00",
                    "other": r.get(f"{prefix}_income_other") or "0.00",
                },
                "work_disregard_months_used": int(
                    r.get(f"{prefix}_work_disregard_months_used") or 0
                ),
                "single_parent_disregard_months_used": int(
                    r.get(f"{prefix}_single_parent_disregard_months_used") or 0
                ),
            }

        births = [b for b in row["housemates_birth_dates"].split(";") if b]
        commercial = row["housemates_commercial_rent"].split(";")
        student = row["housemates_student"].split(";")
        out.append(
            {
                "period": row["period"],
                "gemeente": row["gemeente"],
                "applicant": person("applicant"),
                "partner": person("partner") if row["partner_birth_date"] else None,
                "children": [
                    {"birth_date": b} for b in row["children_birth_dates"].split(";") if b
                ],
                "housemates": [
                    {"birth_date": b, "commercial_rent": c == "true", "student": s == "true"}
                    for b, c, s in zip(births, commercial, student, strict=False)
                ],
                "assets": row["assets"],
                "home_equity": row["home_equity"],
                "cannot_rely_on_parents": row["cannot_rely_on_parents"] == "true",
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    args = parser.parse_args()

    get_tax_benefit_system()  # load once, outside the timings
    table = synthetic_table(args.households)
    print(f"generated {table.num_rows:,} households", flush=True)

    start = time.perf_counter()
    result, report = calculate_table(table)
    batch_seconds = time.perf_counter() - start
    peak_after_batch = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "in.parquet", Path(tmp) / "out.parquet"
        write_table(table, source)
        start = time.perf_counter()
        write_table(calculate_table(read_table(source))[0], target)
        file_seconds = time.perf_counter() - start

    sample = situation_dicts(table.slice(0, args.sample))
    calculate(sample[0])  # warm-up
    latencies = []
    for data in sample:
        t0 = time.perf_counter()
        calculate(data)
        latencies.append(time.perf_counter() - t0)
    mean = statistics.fmean(latencies)
    quantiles = statistics.quantiles(latencies, n=100)

    batch_rate = args.households / batch_seconds
    single_rate = 1 / mean
    print(
        f"batch: {args.households:,} households in {batch_seconds:.2f} s "
        f"({batch_rate:,.0f}/s); valid {report.valid:,}; invalid {report.invalid_rows:,}"
    )
    print(f"batch incl. Parquet read + write: {file_seconds:.2f} s")
    print(f"peak RSS after batch: {peak_after_batch:,.0f} MiB")
    print(
        f"single: {len(latencies):,} cases, p50 {quantiles[49] * 1000:.2f} ms, "
        f"p95 {quantiles[94] * 1000:.2f} ms, mean {mean * 1000:.2f} ms ({single_rate:,.0f}/s)"
    )
    print(f"single extrapolated to {args.households:,}: {mean * args.households:,.0f} s")
    print(f"batch / single throughput: {batch_rate / single_rate:,.0f}x")
    print(
        f"python {platform.python_version()}; benefit total "
        f"{pa.compute.sum(result['benefit']).as_py()} EUR"
    )


if __name__ == "__main__":
    main()
