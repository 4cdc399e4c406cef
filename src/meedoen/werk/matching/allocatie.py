"""Allocation: which resident to which place, maximising the total match score.

Constraints: a pair beyond the resident's travel radius (or a no-go) is not allowed; a pair
scoring under `min_score` is not allowed; a place takes at most `plaatsen` residents; a resident
gets at most one place; residents may stay without a place.

Method: min-cost flow (OR-Tools `SimpleMinCostFlow`). Source → resident (capacity 1) → place
(capacity 1, cost 1000 − score in tenths) → sink (capacity `plaatsen`), and resident → sink
directly (cost 1000: no place). Every resident sends one unit, so the cost is
1000 × residents − the total score in tenths: the least cost is the largest total. Integer costs
from the scores as shown (one decimal), so the optimum is exact for what people see.

Scale: each resident brings only their `top_n` best allowed places into the flow network. That
restriction is then checked, not assumed: from the optimal flow we compute LP duals (a price per
place by longest paths over the places, a surplus per resident) and scan *all* allowed pairs
with the vectorised scorer; a pair that scores more than its resident's surplus plus its
place's price could improve the allocation, so it is added and the flow solved again. When no
pair does, the duals prove the allocation optimal for the full problem (the LP of this
b-matching is totally unimodular, so the LP bound is the integer optimum); the result says so in
`bewezen_optimaal`. In practice the first round already passes: a place outside a resident's
top 20 only matters when all 20 better ones are taken by residents who need them more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import min_cost_flow

from meedoen.werk.matching._blok import scoor_blok
from meedoen.werk.matching._invoer import Invoer, codeer
from meedoen.werk.matching._raster import blokken, groepen
from meedoen.werk.matching.rangschikking import DRADEN, MAX_PAREN, _doorloop, _uniek
from meedoen.werk.matching.score import STANDAARD_GEWICHTEN, tienden
from meedoen.werk.matching.types import Gewichten, Kandidaat, Vacature, Verwantschap

#: Pairs under this score are not proposed.
MIN_SCORE = 40.0
#: Places per resident in the first flow network (see the module docstring).
TOP_N = 20
#: Rounds of "add improving pairs and solve again" before giving up the proof.
MAX_RONDES = 10
_VOL = 1000  # the highest score, 100.0, in tenths


def _tienden(scores: np.ndarray) -> np.ndarray:
    """`score.tienden` for an array: numpy's rint and Python's round agree (ties to even)."""
    return np.rint(scores * 10).astype(np.int64)


@dataclass(frozen=True)
class Toewijzing:
    kandidaat_id: str
    vacature_id: str
    score: float


@dataclass(frozen=True)
class Allocatie:
    toewijzingen: tuple[Toewijzing, ...]
    totaal_score: float  # sum of the scores as shown
    geplaatst: int
    plaatsen: int  # total capacity
    niet_geplaatst: tuple[str, ...]
    open_plaatsen: dict[str, int] = field(default_factory=dict)  # place id -> places left
    bewezen_optimaal: bool = True  # optimal for all allowed pairs, not just those in the network
    rondes: int = 1  # flow problems solved


def _los_op(n_k: int, cap: np.ndarray, e_k: np.ndarray, e_p: np.ndarray, e_s: np.ndarray):
    """Optimal assignment for the edge list; returns the place per resident (-1 = none)."""
    n_p = len(cap)
    bron, put = n_k + n_p, n_k + n_p + 1
    k_knoop = np.arange(n_k)
    staarten = np.concatenate([np.full(n_k, bron), k_knoop, e_k, n_k + np.arange(n_p)])
    koppen = np.concatenate([k_knoop, np.full(n_k, put), n_k + e_p, np.full(n_p, put)])
    capaciteit = np.concatenate([np.ones(n_k), np.ones(n_k), np.ones(len(e_k)), cap]).astype(
        np.int64
    )
    kosten = np.concatenate([np.zeros(n_k), np.full(n_k, _VOL), _VOL - e_s, np.zeros(n_p)]).astype(
        np.int64
    )
    mcf = min_cost_flow.SimpleMinCostFlow()
    mcf.add_arcs_with_capacity_and_unit_cost(
        staarten.astype(np.int32), koppen.astype(np.int32), capaciteit, kosten
    )
    aanbod = np.zeros(n_k + n_p + 2, dtype=np.int64)
    aanbod[bron], aanbod[put] = n_k, -n_k
    mcf.set_nodes_supplies(np.arange(n_k + n_p + 2, dtype=np.int32), aanbod)
    status = mcf.solve()
    if status != mcf.OPTIMAL:  # pragma: no cover - the network always has a feasible flow
        raise RuntimeError(f"min-cost flow: status {status}")
    eerste = 2 * n_k
    stroom = mcf.flows(np.arange(eerste, eerste + len(e_k), dtype=np.int32))
    plaats = np.full(n_k, -1, dtype=np.int64)
    gebruikt = np.flatnonzero(stroom > 0)
    plaats[e_k[gebruikt]] = e_p[gebruikt]
    score = np.zeros(n_k, dtype=np.int64)
    score[e_k[gebruikt]] = e_s[gebruikt]
    return plaats, score


def _dualen(
    n_k: int, cap: np.ndarray, e_k, e_p, e_s, plaats, score
) -> tuple[np.ndarray, np.ndarray]:
    """LP duals of the optimal assignment on these edges: (surplus per resident, price per
    place), integers in tenths. The prices are the least that make every edge "paid": longest
    paths over the places, where moving resident c from its place p to q costs
    s(c,p) − s(c,q)."""
    heeft = plaats[e_k] >= 0
    prijs = np.zeros(len(cap), dtype=np.int64)
    zonder = ~heeft
    np.maximum.at(prijs, e_p[zonder], e_s[zonder])  # a resident without a place
    anders = heeft & (e_p != plaats[e_k])
    van = plaats[e_k[anders]]
    naar = e_p[anders]
    gewicht = e_s[anders] - score[e_k[anders]]
    for _ in range(len(cap) + 1):
        nieuw = prijs.copy()
        np.maximum.at(nieuw, naar, prijs[van] + gewicht)
        if np.array_equal(nieuw, prijs):
            break
        prijs = nieuw
    else:  # pragma: no cover - a positive cycle would mean the flow was not optimal
        raise RuntimeError("geen optimale prijzen: de stroom was niet optimaal")
    surplus = np.zeros(n_k, dtype=np.int64)
    geplaatst = plaats >= 0
    surplus[geplaatst] = score[geplaatst] - prijs[plaats[geplaatst]]
    duaal = int(surplus.sum() + (cap * prijs).sum())
    if (surplus < 0).any() or duaal != int(score.sum()):  # pragma: no cover - see above
        raise RuntimeError("dualen sluiten niet aan: de stroom was niet optimaal")
    return surplus, prijs


def _verbeteringen(
    inv: Invoer, surplus, prijs, min_tienden: int, max_paren: int, te_toetsen: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All allowed pairs of the residents `te_toetsen` (bool per resident) whose score exceeds
    surplus + price: they could improve the total."""
    ks, ps, ss = [], [], []
    for rijen, kolommen, met_afstand in blokken(groepen(inv, te_toetsen), max_paren):
        scores = scoor_blok(inv, rijen, kolommen, met_afstand=met_afstand)
        t = _tienden(scores)
        r, c = np.nonzero((t > surplus[rijen, None] + prijs[None, kolommen]) & (t >= min_tienden))
        ks.append(rijen[r])
        ps.append(kolommen[c])
        ss.append(t[r, c])
    if not ks:
        return (np.zeros(0, dtype=np.int64),) * 3
    return np.concatenate(ks), np.concatenate(ps), np.concatenate(ss).astype(np.int64)


def _uitkomst(kandidaat_ids, plaats_ids, cap, plaats, score, bewezen, rondes) -> Allocatie:
    plaats_l, score_l = plaats.tolist(), score.tolist()
    toewijzingen = tuple(
        Toewijzing(kandidaat_ids[c], plaats_ids[plaats_l[c]], score_l[c] / 10)
        for c in np.flatnonzero(plaats >= 0).tolist()
    )
    bezet = np.bincount(plaats[plaats >= 0], minlength=len(cap))
    return Allocatie(
        toewijzingen=toewijzingen,
        totaal_score=int(score[plaats >= 0].sum()) / 10,
        geplaatst=len(toewijzingen),
        plaatsen=int(cap.sum()),
        niet_geplaatst=tuple(kandidaat_ids[c] for c in np.flatnonzero(plaats < 0).tolist()),
        open_plaatsen={plaats_ids[p]: int(cap[p] - bezet[p]) for p in range(len(cap))},
        bewezen_optimaal=bewezen,
        rondes=rondes,
    )


def alloceer_paren(
    paren: Iterable[tuple[str, str, float]],
    capaciteit: Mapping[str, int],
    *,
    kandidaten: Iterable[str] = (),
    min_score: float = MIN_SCORE,
) -> Allocatie:
    """Optimal allocation over the given allowed pairs (resident id, place id, score).

    Pairs are taken as allowed (travel radius already applied); pairs under `min_score` and to
    unknown places are dropped. `kandidaten` names residents without any pair, for the report."""
    plaats_ids = list(capaciteit)
    p_index = {p: i for i, p in enumerate(plaats_ids)}
    k_index: dict[str, int] = {}
    for k in kandidaten:
        k_index.setdefault(k, len(k_index))
    drempel = tienden(min_score)
    beste: dict[tuple[int, int], int] = {}
    for k, p, s in paren:
        ki = k_index.setdefault(k, len(k_index))
        t = tienden(s)
        if p in p_index and t >= drempel:
            sleutel = (ki, p_index[p])
            beste[sleutel] = max(t, beste.get(sleutel, t))
    cap = np.array([max(int(capaciteit[p]), 0) for p in plaats_ids], dtype=np.int64)
    e = np.array([(k, p, s) for (k, p), s in beste.items()], dtype=np.int64).reshape(-1, 3)
    plaats, score = _los_op(len(k_index), cap, e[:, 0], e[:, 1], e[:, 2])
    return _uitkomst(list(k_index), plaats_ids, cap, plaats, score, True, 1)


def alloceer(
    kandidaten: Iterable[Kandidaat],
    plaatsen: Iterable[Vacature],
    gewichten: Gewichten | None = None,
    verwantschap: Verwantschap | None = None,
    *,
    min_score: float = MIN_SCORE,
    top_n: int = TOP_N,
    max_paren: int = MAX_PAREN,
    draden: int = DRADEN,
) -> Allocatie:
    """Optimal allocation of residents to places (vacancies or maatschappelijke banen, capacity
    `plaatsen`), scored by the matching engine. See the module docstring."""
    if min_score < 0:
        raise ValueError("de minimale score is 0 of meer")
    kandidaten = list(kandidaten)
    plaatsen_: Sequence[Vacature] = [p for p in plaatsen if p.plaatsen > 0]
    _uniek(kandidaten, "kandidaten")
    _uniek(plaatsen_, "plaatsen")
    g = gewichten or STANDAARD_GEWICHTEN
    inv = codeer(kandidaten, plaatsen_, g, verwantschap or {})
    cap = np.array([p.plaatsen for p in plaatsen_], dtype=np.int64)
    drempel = tienden(min_score)

    top, _ = _doorloop(inv, max(top_n, 1), True, False, max_paren, draden)
    rij, kol = np.nonzero(top.ids >= 0)
    e_k, e_p = rij.astype(np.int64), top.ids[rij, kol]
    e_s = _tienden(top.scores[rij, kol])
    houd = e_s >= drempel
    e_k, e_p, e_s = e_k[houd], e_p[houd], e_s[houd]
    # A pair left out of the network scores at most the resident's last score in it (its
    # top_n-th best); a resident with fewer than top_n allowed places left nothing out.
    grens = np.full(len(kandidaten), -1, dtype=np.int64)
    vol = top.ids[:, -1] >= 0
    grens[vol] = _tienden(top.scores[vol, -1])

    n_k = len(kandidaten)
    rondes, bewezen = 0, False
    while True:
        rondes += 1
        plaats, score = _los_op(n_k, cap, e_k, e_p, e_s)
        surplus, prijs = _dualen(n_k, cap, e_k, e_p, e_s, plaats, score)
        # Prices are ≥ 0, so a resident whose surplus reaches its bound cannot gain from any
        # pair left out: only the others are scanned.
        te_toetsen = (grens >= drempel) & (surplus < grens)
        nk, np_, ns = _verbeteringen(inv, surplus, prijs, drempel, max_paren, te_toetsen)
        if len(nk) == 0:
            bewezen = True
            break
        if rondes >= MAX_RONDES:
            break
        e_k = np.concatenate([e_k, nk])
        e_p = np.concatenate([e_p, np_])
        e_s = np.concatenate([e_s, ns])
    return _uitkomst(
        [k.id for k in kandidaten], [p.id for p in plaatsen_], cap, plaats, score, bewezen, rondes
    )
