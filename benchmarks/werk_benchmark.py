"""Benchmark of the werk matching engine: ranking both ways and allocation.

Run:  .venv/bin/python benchmarks/werk_benchmark.py
          [--kandidaten 20000] [--vacatures 50000] [--plaatsen 5000] [--seed 2026]
          [--steekproef 200] [--spreiding land|regio]

Synthetic but realistic data: ESCO occupations (ISCO-08 groups from
/work/shared/data/esco/occupations_nl.csv when present, else synthetic codes), related = same
ISCO unit group; skills drawn from a pool per ISCO group plus general skills; residents and
vacancies around Dutch municipalities (population-weighted, a share in the countryside), travel
radius 5-50 km (mean about 20).

`--spreiding land` spreads everyone over the Netherlands; `--spreiding regio` puts everyone
within about 30 km of Deventer (one labour-market region: far more pairs within reach).

Measured, each in a forked child process so that its peak RSS is its own:
 1. top-10 vacancies per resident (with reasons),
 2. top-10 residents per vacancy (with reasons),
 3. both from one pass,
 4. allocation of all residents to `--plaatsen` places with capacities 1-4,
 5. a naive all-pairs pure-Python loop (`score_paar` + heap) for a sample of residents against
    all vacancies, extrapolated to all residents.
"""

from __future__ import annotations

import argparse
import csv
import heapq
import multiprocessing
import os
import platform
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from meedoen.werk.matching import (  # noqa: E402
    Kandidaat,
    Vacature,
    alloceer,
    rangschik,
    score_paar,
)

ESCO = Path("/work/shared/data/esco/occupations_nl.csv")

# (municipality, latitude, longitude, population in thousands): public facts, rounded.
GEMEENTEN = [
    ("Amsterdam", 52.37, 4.90, 930),
    ("Rotterdam", 51.92, 4.48, 670),
    ("Den Haag", 52.08, 4.30, 560),
    ("Utrecht", 52.09, 5.12, 370),
    ("Eindhoven", 51.44, 5.48, 240),
    ("Groningen", 53.22, 6.57, 240),
    ("Tilburg", 51.56, 5.09, 225),
    ("Almere", 52.37, 5.21, 220),
    ("Breda", 51.59, 4.78, 185),
    ("Nijmegen", 51.84, 5.85, 180),
    ("Apeldoorn", 52.21, 5.97, 165),
    ("Arnhem", 51.98, 5.91, 165),
    ("Haarlem", 52.38, 4.64, 165),
    ("Enschede", 52.22, 6.90, 160),
    ("Amersfoort", 52.16, 5.39, 160),
    ("Zaanstad", 52.46, 4.83, 160),
    ("'s-Hertogenbosch", 51.70, 5.30, 160),
    ("Zwolle", 52.51, 6.09, 130),
    ("Leeuwarden", 53.20, 5.80, 125),
    ("Leiden", 52.16, 4.49, 125),
    ("Maastricht", 50.85, 5.69, 120),
    ("Dordrecht", 51.81, 4.67, 120),
    ("Ede", 52.04, 5.66, 120),
    ("Westland", 52.00, 4.20, 115),
    ("Alkmaar", 52.63, 4.75, 110),
    ("Emmen", 52.78, 6.90, 107),
    ("Delft", 52.01, 4.36, 105),
    ("Deventer", 52.25, 6.16, 100),
    ("Venlo", 51.37, 6.17, 100),
    ("Helmond", 51.48, 5.66, 93),
    ("Oss", 51.77, 5.52, 92),
    ("Hilversum", 52.22, 5.18, 92),
    ("Heerlen", 50.89, 5.98, 87),
    ("Hengelo", 52.27, 6.79, 82),
    ("Lelystad", 52.52, 5.47, 80),
    ("Assen", 52.99, 6.56, 69),
    ("Roermond", 51.19, 5.99, 58),
    ("Den Helder", 52.96, 4.76, 56),
    ("Middelburg", 51.50, 3.61, 49),
    ("Oude IJsselstreek", 51.87, 6.38, 40),
    ("Tynaarlo", 53.07, 6.58, 34),
    ("Aa en Hunze", 53.00, 6.76, 25),
]
DEVENTER = (52.25, 6.16)
KM_PER_GRAAD_LAT = 111.2


def beroepen_en_groepen(rng: np.random.Generator) -> tuple[list[str], list[str]]:
    """(occupation codes, ISCO unit group per code)."""
    if ESCO.exists():
        with ESCO.open(encoding="utf-8") as f:
            rijen = [(r["code"], r["iscoGroup"]) for r in csv.DictReader(f) if r["code"]]
        return [c for c, _ in rijen], [g for _, g in rijen]
    groepen = [f"{g:04d}" for g in rng.choice(np.arange(1000, 9999), 430, replace=False)]
    codes = [f"{groepen[i % 430]}.{i}" for i in range(3000)]
    return codes, [c.split(".")[0] for c in codes]


def _locaties(rng: np.random.Generator, n: int, spreiding: str, stad_sd_km: float, stad: float):
    if spreiding == "regio":
        lat = DEVENTER[0] + rng.normal(0, 12 / KM_PER_GRAAD_LAT, n)
        lon = DEVENTER[1] + rng.normal(0, 12 / (KM_PER_GRAAD_LAT * 0.61), n)
        return lat, lon
    gewicht = np.array([g[3] for g in GEMEENTEN], dtype=float)
    keuze = rng.choice(len(GEMEENTEN), n, p=gewicht / gewicht.sum())
    centra = np.array([(g[1], g[2]) for g in GEMEENTEN])[keuze]
    sd = rng.uniform(0.3, 1.0, n) * stad_sd_km
    lat = centra[:, 0] + rng.normal(0, 1, n) * sd / KM_PER_GRAAD_LAT
    lon = centra[:, 1] + rng.normal(0, 1, n) * sd / (KM_PER_GRAAD_LAT * 0.61)
    platteland = rng.random(n) > stad
    # The countryside: a box over the land part of the Netherlands.
    lat[platteland] = rng.uniform(51.3, 53.3, platteland.sum())
    lon[platteland] = rng.uniform(4.6, 6.9, platteland.sum())
    return lat, lon


def synthetische_data(
    n_kandidaten: int, n_vacatures: int, seed: int, spreiding: str = "land"
) -> tuple[list[Kandidaat], list[Vacature], dict[str, set[str]]]:
    rng = np.random.default_rng(seed)
    codes, groep_van = beroepen_en_groepen(rng)
    per_groep: dict[str, list[str]] = defaultdict(list)
    for code, groep in zip(codes, groep_van, strict=True):
        per_groep[groep].append(code)
    verwantschap = {c: set(per_groep[g]) - {c} for c, g in zip(codes, groep_van, strict=True)}
    # Demand and experience are skewed: a few hundred occupations make up most of it (Zipf).
    populair = rng.permutation(len(codes))
    p = 1.0 / np.arange(1, len(codes) + 1) ** 1.1
    p_beroep = np.empty(len(codes))
    p_beroep[populair] = p / p.sum()
    groep_vaardigheden = {g: [f"S{g}-{i}" for i in range(30)] for g in per_groep}
    algemeen = [f"S-alg-{i}" for i in range(40)]

    def vaardigheden(groep: str, n_groep: int, n_alg: int) -> list[str]:
        pool = groep_vaardigheden[groep]
        uit = [pool[i] for i in rng.choice(len(pool), min(n_groep, len(pool)), replace=False)]
        return uit + [algemeen[i] for i in rng.choice(len(algemeen), n_alg, replace=False)]

    v_lat, v_lon = _locaties(rng, n_vacatures, spreiding, 6.0, 0.9)
    v_beroep = rng.choice(len(codes), n_vacatures, p=p_beroep)
    v_onbekend = rng.random(n_vacatures) < 0.02
    vacatures = []
    for i in range(n_vacatures):
        code = codes[v_beroep[i]]
        vereist = vaardigheden(groep_van[v_beroep[i]], int(rng.integers(1, 5)), 0)
        gewenst = vaardigheden(
            groep_van[v_beroep[i]], int(rng.integers(0, 3)), int(rng.integers(0, 3))
        )
        vacatures.append(
            Vacature(
                id=f"v{i}",
                beroep=code,
                vaardigheden_vereist=frozenset(vereist),
                vaardigheden_gewenst=frozenset(gewenst),
                opleidingsniveau_min=int(rng.choice(7, p=[0.15, 0.1, 0.2, 0.2, 0.2, 0.05, 0.1])),
                uren_per_week=int(rng.choice([8, 12, 16, 20, 24, 32, 36, 38, 40])),
                locatie=None if v_onbekend[i] else (float(v_lat[i]), float(v_lon[i])),
                rijbewijs_nodig=bool(rng.random() < 0.15),
                plaatsen=int(rng.choice([1, 1, 1, 2, 3, 4])),
            )
        )

    k_lat, k_lon = _locaties(rng, n_kandidaten, spreiding, 8.0, 0.8)
    k_onbekend = rng.random(n_kandidaten) < 0.01
    radius = rng.choice(
        [5, 10, 15, 20, 25, 30, 40, 50],
        n_kandidaten,
        p=[0.1, 0.15, 0.25, 0.15, 0.12, 0.1, 0.08, 0.05],
    )
    kandidaten = []
    for i in range(n_kandidaten):
        n_ervaring = int(rng.choice([0, 1, 1, 2, 3]))
        ervaring = rng.choice(len(codes), n_ervaring, p=p_beroep)
        beroepen = {codes[j]: float(rng.choice([0, 0.5, 1, 2, 3, 5, 8, 12])) for j in ervaring}
        skills: list[str] = []
        for j in ervaring:
            skills += vaardigheden(groep_van[j], int(rng.integers(3, 11)), 0)
        skills += [
            algemeen[j] for j in rng.choice(len(algemeen), int(rng.integers(1, 5)), replace=False)
        ]
        wensen: set[str] = set()
        if rng.random() < 0.6:
            wensen = {codes[j] for j in rng.choice(len(codes), int(rng.integers(1, 3)), p=p_beroep)}
        nogos: set[str] = set()
        if rng.random() < 0.3:
            nogos = {codes[j] for j in rng.choice(len(codes), int(rng.integers(1, 4)), p=p_beroep)}
        kandidaten.append(
            Kandidaat(
                id=f"k{i}",
                beroepen=beroepen,
                vaardigheden=frozenset(skills),
                opleidingsniveau=int(
                    rng.choice(9, p=[0.12, 0.1, 0.2, 0.2, 0.18, 0.08, 0.07, 0.03, 0.02])
                ),
                uren_per_week=int(rng.choice([8, 12, 16, 20, 24, 32, 36, 40])),
                locatie=None if k_onbekend[i] else (float(k_lat[i]), float(k_lon[i])),
                reisafstand_km=int(radius[i]),
                rijbewijs=bool(rng.random() < 0.45),
                wensen_beroepen=frozenset(wensen),
                nogos=frozenset(nogos - set(beroepen) - wensen),
            )
        )
    return kandidaten, vacatures, verwantschap


def naief_top(kandidaten, vacatures, verwantschap, k: int) -> dict[str, list]:
    """All pairs in plain Python: the pair reference for every vacancy, a heap per resident."""
    uit = {}
    for kandidaat in kandidaten:
        heap: list[tuple[float, int, object]] = []
        for j, vacature in enumerate(vacatures):
            m = score_paar(kandidaat, vacature, None, verwantschap)
            if m is not None:
                item = (m.score, -j, m)
                if len(heap) < k:
                    heapq.heappush(heap, item)
                elif item[:2] > heap[0][:2]:
                    heapq.heapreplace(heap, item)
        uit[kandidaat.id] = [m for _, _, m in sorted(heap, key=lambda x: x[:2], reverse=True)]
    return uit


def _meet(taak, wachtrij) -> None:
    start = time.perf_counter()
    cpu = time.process_time()
    samenvatting = taak()
    seconden = time.perf_counter() - start
    cpu = time.process_time() - cpu
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wachtrij.put((seconden, cpu, piek, samenvatting))


def in_kind(taak) -> tuple[float, float, float, str]:
    """Run `taak` in a forked child: (wall s, CPU s, peak RSS MiB of the child, summary)."""
    ctx = multiprocessing.get_context("fork")
    wachtrij = ctx.Queue()
    proces = ctx.Process(target=_meet, args=(taak, wachtrij))
    proces.start()
    uitkomst = wachtrij.get()
    proces.join()
    return uitkomst


def _som(lijsten: dict[str, list]) -> str:
    n = sum(len(v) for v in lijsten.values())
    leeg = sum(1 for v in lijsten.values() if not v)
    return f"{n:,} matches, {leeg:,} without any"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kandidaten", type=int, default=20_000)
    parser.add_argument("--vacatures", type=int, default=50_000)
    parser.add_argument("--plaatsen", type=int, default=5_000)
    parser.add_argument(
        "--steekproef", type=int, default=200, help="residents in the naive loop (0: skip it)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--spreiding", choices=["land", "regio"], default="land")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--draden", type=int, default=None, help="threads (default: engine's)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    kandidaten, vacatures, verwantschap = synthetische_data(
        args.kandidaten, args.vacatures, args.seed, args.spreiding
    )
    plaatsen = vacatures[: args.plaatsen]
    extra = {} if args.draden is None else {"draden": args.draden}
    basis = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"data: {len(kandidaten):,} residents, {len(vacatures):,} vacancies, "
        f"{len(plaatsen):,} places (capacity {sum(p.plaatsen for p in plaatsen):,}), "
        f"spreiding {args.spreiding}, seed {args.seed}: generated in "
        f"{time.perf_counter() - start:.1f} s; RSS with the data {basis:,.0f} MiB",
        flush=True,
    )

    def per_kandidaat():
        r = rangschik(
            kandidaten, vacatures, None, verwantschap, k=args.k, per_vacature=False, **extra
        )
        return _som(r.per_kandidaat)

    def per_vacature():
        r = rangschik(
            kandidaten, vacatures, None, verwantschap, k=args.k, per_kandidaat=False, **extra
        )
        return _som(r.per_vacature)

    def beide():
        r = rangschik(kandidaten, vacatures, None, verwantschap, k=args.k, **extra)
        return f"{_som(r.per_kandidaat)}; {_som(r.per_vacature)}"

    def beide_zonder_redenen():
        r = rangschik(
            kandidaten, vacatures, None, verwantschap, k=args.k, met_redenen=False, **extra
        )
        return f"{_som(r.per_kandidaat)}; {_som(r.per_vacature)}"

    def allocatie():
        a = alloceer(kandidaten, plaatsen, None, verwantschap, **extra)
        return (
            f"{a.geplaatst:,} placed of {len(kandidaten):,}, capacity {a.plaatsen:,}, "
            f"total score {a.totaal_score:,.1f}, proven optimal {a.bewezen_optimaal} "
            f"after {a.rondes} flow solve(s)"
        )

    steekproef = kandidaten[: args.steekproef]

    def naief():
        return _som(naief_top(steekproef, vacatures, verwantschap, args.k))

    metingen = [
        ("top-10 per resident", per_kandidaat),
        ("top-10 per vacancy", per_vacature),
        ("top-10 both ways, one pass", beide),
        ("top-10 both ways, one pass, no reasons", beide_zonder_redenen),
        ("allocation", allocatie),
    ]
    naief_naam = f"naive loop, {len(steekproef):,} residents"
    if steekproef:
        metingen.append((naief_naam, naief))
    resultaten = {}
    for naam, taak in metingen:
        seconden, cpu, piek, samenvatting = in_kind(taak)
        resultaten[naam] = seconden
        print(
            f"{naam}: {seconden:.2f} s (CPU {cpu:.2f} s), peak RSS {piek:,.0f} MiB, "
            f"load {os.getloadavg()[0]:.1f} — {samenvatting}",
            flush=True,
        )

    if steekproef:
        geextrapoleerd = resultaten[naief_naam] * len(kandidaten) / len(steekproef)
        vector = resultaten["top-10 per resident"]
        print(
            f"naive extrapolated to {len(kandidaten):,} residents: {geextrapoleerd:,.0f} s "
            f"({geextrapoleerd / 3600:.1f} h); vectorised top-10 per resident is "
            f"{geextrapoleerd / vector:,.0f}x faster"
        )
    print(f"python {platform.python_version()}, numpy {np.__version__}")


if __name__ == "__main__":
    main()
