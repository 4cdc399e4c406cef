"""Top-k per row with a fixed tie-break, and a running top-k that blocks are merged into.

Order: higher score first, then the lower index (input order) — so the result does not depend
on how the pairs were cut into blocks. A negative score means "excluded" (see `_blok`): it never
enters a top-k.
"""

from __future__ import annotations

import numpy as np

GEEN = -1


def topk(scores: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row the k best (score, id), sorted; empty places are (-inf, GEEN).

    `ids` has the shape of `scores` (a broadcast view is fine)."""
    n, c = scores.shape
    if c > k:
        deel = np.argpartition(scores, c - k, axis=1)[:, c - k :]
        waarden = np.take_along_axis(scores, deel, axis=1)
        nummers = np.take_along_axis(ids, deel, axis=1)
        # argpartition picks arbitrarily among equal scores at the k-th place; redo those rows
        # by (score, id).
        grens = waarden.min(axis=1)
        gelijk = ((scores >= grens[:, None]).sum(axis=1) > k) & (grens >= 0)
        if gelijk.any():
            rijen = np.flatnonzero(gelijk)
            volgorde = np.lexsort((ids[rijen], -scores[rijen]), axis=1)[:, :k]
            waarden[rijen] = np.take_along_axis(scores[rijen], volgorde, axis=1)
            nummers[rijen] = np.take_along_axis(ids[rijen], volgorde, axis=1)
    else:
        waarden = np.array(scores, dtype=np.float64)
        nummers = np.array(ids, dtype=np.int64)
    uit = waarden < 0
    waarden[uit] = -np.inf
    nummers[uit] = GEEN
    volgorde = np.lexsort((nummers, -waarden), axis=1)
    return np.take_along_axis(waarden, volgorde, axis=1), np.take_along_axis(
        nummers, volgorde, axis=1
    )


class LopendeTop:
    """The k best so far for each of n items (residents or vacancies)."""

    def __init__(self, n: int, k: int) -> None:
        self.k = k
        self.scores = np.full((n, k), -np.inf)
        self.ids = np.full((n, k), GEEN, dtype=np.int64)

    def voeg_toe(self, rijen: np.ndarray, scores: np.ndarray, ids: np.ndarray) -> None:
        """Merge candidates (scores, ids: one row per item in `rijen`, about k wide; excluded
        entries are (-inf, GEEN))."""
        alle_scores = np.concatenate([self.scores[rijen], scores], axis=1)
        alle_ids = np.concatenate([self.ids[rijen], ids], axis=1)
        # Narrow rows (k + a few): one sort per row beats partition plus tie repair.
        volgorde = np.lexsort((alle_ids, -alle_scores), axis=1)[:, : self.k]
        self.scores[rijen] = np.take_along_axis(alle_scores, volgorde, axis=1)
        self.ids[rijen] = np.take_along_axis(alle_ids, volgorde, axis=1)

    def drempel(self, rijen: np.ndarray) -> np.ndarray:
        """The least score that can still enter each item's top-k (excluded never does)."""
        return np.maximum(self.scores[rijen, self.k - 1], 0.0)

    def voeg_toe_los(self, items: np.ndarray, scores: np.ndarray, ids: np.ndarray) -> None:
        """Merge loose candidates: entry j is (items[j], scores[j], ids[j])."""
        if len(items):
            self.voeg_toe(*self.per_item(items, scores, ids))

    def per_item(
        self, items: np.ndarray, scores: np.ndarray, ids: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Loose entries as (items, k best scores per item, their ids): only the k best per
        item can matter. Reads nothing of the running state, so it can run outside a lock."""
        k = self.k
        volgorde = np.lexsort((ids, -scores, items))
        items, scores, ids = items[volgorde], scores[volgorde], ids[volgorde]
        nieuw = np.empty(len(items), dtype=bool)
        nieuw[:1] = True
        np.not_equal(items[1:], items[:-1], out=nieuw[1:])
        begin = np.flatnonzero(nieuw)
        lengte = np.diff(np.append(begin, len(items)))
        rang = np.arange(len(items)) - np.repeat(begin, lengte)
        houd = rang < k
        rij = np.repeat(np.arange(len(begin)), lengte)[houd]
        beste_scores = np.full((len(begin), k), -np.inf)
        beste_ids = np.full((len(begin), k), GEEN, dtype=np.int64)
        beste_scores[rij, rang[houd]] = scores[houd]
        beste_ids[rij, rang[houd]] = ids[houd]
        return items[begin], beste_scores, beste_ids
