"""Ranking both ways at scale: the best vacancies per resident and the best residents per
vacancy, from one vectorised pass over the pairs that can score.

How it stays fast (20,000 × 50,000 in seconds, see benchmarks/RESULTS.md):

- `_raster` skips pairs beyond the travel radius (excluded anyway) with a latitude/longitude
  grid, so only pairs near each other are scored;
- `_blok` scores blocks of at most `max_paren` pairs with numpy (occupations and skills as
  integer ids in small per-block tables), so memory is bounded by the block size;
- `_topk` keeps a running top-k per resident and per vacancy, merged block by block;
- reasons (`score_paar`, plain Python) are made only for the pairs in a top-k.

The result equals the pair reference `score_paar` applied to all pairs and sorted by (score
descending, input order): tests hold it to that.
"""

from __future__ import annotations

import gc
import os
import threading
from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from meedoen.werk.matching._blok import scoor_blok
from meedoen.werk.matching._invoer import Invoer, codeer
from meedoen.werk.matching._raster import blokken, groepen
from meedoen.werk.matching._topk import GEEN, LopendeTop, topk
from meedoen.werk.matching.score import STANDAARD_GEWICHTEN, _beoordeel, een_decimaal
from meedoen.werk.matching.types import Gewichten, Kandidaat, Match, Vacature, Verwantschap

#: Pairs per block: 2^20 float64 = 8 MiB per temporary array; a handful live at once.
MAX_PAREN = 1 << 20
#: Threads for scoring blocks: the machine's cores, at most 4.
DRADEN = min(os.cpu_count() or 1, 4)


@dataclass(frozen=True)
class Rangschikking:
    per_kandidaat: dict[str, list[Match]]
    per_vacature: dict[str, list[Match]]


def _uniek(items: Sequence, wat: str) -> None:
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{wat}: elke id mag maar één keer voorkomen")


def _doorloop(
    inv: Invoer, k: int, per_kandidaat: bool, per_vacature: bool, max_paren: int, draden: int
):
    """Score every block and merge it into the running top-k per resident and per vacancy.

    Blocks are scored on `draden` threads (numpy releases the GIL in its loops); merging is
    under a lock. The result does not depend on the order: merges are exact, and a stale
    threshold only lets more entries through to the merge."""
    top_k = LopendeTop(inv.n_k, k) if per_kandidaat else None
    top_v = LopendeTop(inv.n_v, k) if per_vacature else None
    slot = threading.Lock()

    def verwerk(blok: tuple[np.ndarray, np.ndarray, bool]) -> None:
        rijen, kolommen, met_afstand = blok
        scores = scoor_blok(inv, rijen, kolommen, met_afstand=met_afstand)
        if top_k is not None:
            beste = topk(scores, np.broadcast_to(kolommen, scores.shape), k)
        if top_v is not None:
            # A resident meets a vacancy in many blocks: only scores that reach the vacancy's
            # running top-k so far go into the (exact) merge.
            r, c = np.nonzero(scores >= top_v.drempel(kolommen)[None, :])
            los = top_v.per_item(kolommen[c], scores[r, c], rijen[r]) if len(r) else None
        with slot:
            if top_k is not None:
                top_k.voeg_toe(rijen, *beste)
            if top_v is not None and los is not None:
                top_v.voeg_toe(*los)

    alle = blokken(groepen(inv), max_paren)
    if draden <= 1:
        for blok in alle:
            verwerk(blok)
    else:
        # At most a few blocks in flight: the block index arrays are made as they are needed.
        with ThreadPoolExecutor(draden) as pool:
            lopend: deque[Future] = deque()
            for blok in alle:
                lopend.append(pool.submit(verwerk, blok))
                if len(lopend) >= 2 * draden:
                    lopend.popleft().result()
            for taak in lopend:
                taak.result()
    return top_k, top_v


def rangschik(
    kandidaten: Iterable[Kandidaat],
    vacatures: Iterable[Vacature],
    gewichten: Gewichten | None = None,
    verwantschap: Verwantschap | None = None,
    *,
    k: int = 10,
    per_kandidaat: bool = True,
    per_vacature: bool = True,
    met_redenen: bool = True,
    max_paren: int = MAX_PAREN,
    draden: int = DRADEN,
) -> Rangschikking:
    """Top-k matches per resident and per vacancy (best first; fewer when fewer can score)."""
    if k < 1:
        raise ValueError("k moet minstens 1 zijn")
    kandidaten = list(kandidaten)
    vacatures = list(vacatures)
    _uniek(kandidaten, "kandidaten")
    _uniek(vacatures, "vacatures")
    g = gewichten or STANDAARD_GEWICHTEN
    verwantschap = verwantschap or {}
    inv = codeer(kandidaten, vacatures, g, verwantschap)
    top_k, top_v = _doorloop(inv, k, per_kandidaat, per_vacature, max_paren, draden)

    gemaakt: dict[tuple[int, int], Match] = {}
    k_vec = [tuple(v) for v in inv.k_vec.tolist()]
    v_vec = [tuple(v) for v in inv.v_vec.tolist()]

    def match(ki: int, vi: int, score: float) -> Match:
        sleutel = (ki, vi)
        m = gemaakt.get(sleutel)
        if m is None:
            kandidaat, vacature = kandidaten[ki], vacatures[vi]
            uitkomst = None
            if met_redenen:
                # The reference itself explains the pair (the unit vectors are already known).
                uitkomst = _beoordeel(
                    kandidaat,
                    vacature,
                    g,
                    verwantschap,
                    met_redenen=True,
                    vectoren=(k_vec[ki], v_vec[vi]),
                )
            if uitkomst is None:
                m = Match(kandidaat.id, vacature.id, een_decimaal(score))
            else:
                m = Match(kandidaat.id, vacature.id, een_decimaal(uitkomst[0]), uitkomst[1])
            gemaakt[sleutel] = m
        return m

    def lijsten(top: LopendeTop | None, items: Sequence, per_kandidaat_: bool):
        if top is None:
            return {}
        uit: dict[str, list[Match]] = {}
        for i, item in enumerate(items):
            rij = []
            for score, j in zip(top.scores[i].tolist(), top.ids[i].tolist(), strict=True):
                if j == GEEN:
                    break
                rij.append(match(i, j, score) if per_kandidaat_ else match(j, i, score))
            uit[item.id] = rij
        return uit

    # Hundreds of thousands of small, acyclic objects: the cyclic garbage collector would
    # walk the whole heap again and again while they are made.
    gc_aan = gc.isenabled()
    gc.disable()
    try:
        return Rangschikking(
            per_kandidaat=lijsten(top_k, kandidaten, True),
            per_vacature=lijsten(top_v, vacatures, False),
        )
    finally:
        if gc_aan:
            gc.enable()


def top_vacatures(
    kandidaten: Iterable[Kandidaat],
    vacatures: Iterable[Vacature],
    gewichten: Gewichten | None = None,
    verwantschap: Verwantschap | None = None,
    k: int = 10,
    *,
    met_redenen: bool = True,
) -> dict[str, list[Match]]:
    """Per resident id: the k best vacancies, best first."""
    return rangschik(
        kandidaten,
        vacatures,
        gewichten,
        verwantschap,
        k=k,
        per_vacature=False,
        met_redenen=met_redenen,
    ).per_kandidaat


def top_kandidaten(
    kandidaten: Iterable[Kandidaat],
    vacatures: Iterable[Vacature],
    gewichten: Gewichten | None = None,
    verwantschap: Verwantschap | None = None,
    k: int = 10,
    *,
    met_redenen: bool = True,
) -> dict[str, list[Match]]:
    """Per vacancy id: the k best residents, best first."""
    return rangschik(
        kandidaten,
        vacatures,
        gewichten,
        verwantschap,
        k=k,
        per_kandidaat=False,
        met_redenen=met_redenen,
    ).per_vacature


def score_matrix(
    kandidaten: Sequence[Kandidaat],
    vacatures: Sequence[Vacature],
    gewichten: Gewichten | None = None,
    verwantschap: Verwantschap | None = None,
) -> np.ndarray:
    """All pairs' unrounded scores (residents × vacancies), -inf where excluded. For small
    inputs: tests and analyses; the ranking never builds this matrix."""
    inv = codeer(
        list(kandidaten), list(vacatures), gewichten or STANDAARD_GEWICHTEN, verwantschap or {}
    )
    uit = np.full((inv.n_k, inv.n_v), -np.inf)
    kolommen = np.arange(inv.n_v)
    for bekend in (True, False):
        rijen = np.flatnonzero(inv.k_bekend == bekend)
        if len(rijen) and len(kolommen):
            uit[rijen] = scoor_blok(inv, rijen, kolommen, met_afstand=bekend)
    uit[uit < 0] = -np.inf
    return uit
