"""Scores of a block of pairs (some residents × some vacancies) with array arithmetic.

The steps and their order mirror `score._beoordeel`, so that each element equals the pair
reference's float exactly. Occupations and skills are looked up in small per-block tables with
local ids, so memory stays proportional to the block, whatever the size of the taxonomy.
"""

from __future__ import annotations

import numpy as np

from meedoen.werk.matching._invoer import Invoer
from meedoen.werk.matching.afstand import _DIAMETER_KM
from meedoen.werk.matching.score import ONBEKENDE_AFSTAND

UITGESLOTEN = -np.inf  # during the computation; the result marks them with negative numbers


def bereiken(begin: np.ndarray, eind: np.ndarray) -> np.ndarray:
    """The concatenation of arange(begin[i], eind[i]) for all i, without a Python loop."""
    lengtes = eind - begin
    totaal = int(lengtes.sum())
    if totaal == 0:
        return np.zeros(0, dtype=np.int64)
    start_in_uit = np.cumsum(lengtes) - lengtes
    return np.repeat(begin - start_in_uit, lengtes) + np.arange(totaal)


def _lokaal(
    ptr: np.ndarray, ids: np.ndarray, rijen: np.ndarray, globaal_naar_lokaal: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row in block, local id, index into the CSR data) of the rows' entries that occur in
    the block."""
    begin = ptr[rijen]
    eind = ptr[rijen + 1]
    e = bereiken(begin, eind)
    rij = np.repeat(np.arange(len(rijen)), eind - begin)
    lokaal = globaal_naar_lokaal[ids[e]]
    houd = lokaal >= 0
    return rij[houd], lokaal[houd], e[houd]


def _beroep(inv: Invoer, rijen: np.ndarray, kolommen: np.ndarray) -> np.ndarray:
    uniek, per_kolom = np.unique(inv.v_beroep[kolommen], return_inverse=True)
    naar_lokaal = np.full(inv.n_beroepen, -1, dtype=np.int64)
    naar_lokaal[uniek] = np.arange(len(uniek))
    rij, lokaal, e = _lokaal(inv.k_beroep_ptr, inv.k_beroep_id, rijen, naar_lokaal)
    tabel = np.zeros((len(rijen), len(uniek)))
    tabel[rij, lokaal] = inv.k_beroep_punten[e]
    return np.take(tabel, per_kolom, axis=1)


def _vaardigheden(inv: Invoer, rijen: np.ndarray, kolommen: np.ndarray) -> np.ndarray:
    """Points for skills: (2 × required present + wanted present) / (2 × required + wanted).

    A sparse join rather than a dense resident × skill table: each resident's skills meet only
    the vacancies in the block that ask for them, and the weights are summed with bincount
    (small integers: exact in float)."""
    n, m = len(rijen), len(kolommen)
    begin, eind = inv.v_vaard_ptr[kolommen], inv.v_vaard_ptr[kolommen + 1]
    e = bereiken(begin, eind)
    # One sortable key per (skill, required?, column): a plain sort instead of an argsort.
    sleutel = inv.v_vaard_id[e].astype(np.int64) * 2 + (inv.v_vaard_gewicht[e] == 2.0)
    sleutel *= m
    sleutel += np.repeat(np.arange(m), eind - begin)
    sleutel.sort()

    begin, eind = inv.k_vaard_ptr[rijen], inv.k_vaard_ptr[rijen + 1]
    e = bereiken(begin, eind)
    k_rij = np.repeat(np.arange(n), eind - begin)
    k_vaard = inv.k_vaard_id[e].astype(np.int64) * (2 * m)
    van = np.searchsorted(sleutel, k_vaard, side="left")
    tot = np.searchsorted(sleutel, k_vaard + 2 * m, side="left")
    treffers = sleutel[bereiken(van, tot)]
    plek = np.repeat(k_rij, tot - van) * m + treffers % m
    gewicht = 1.0 + ((treffers // m) & 1)
    punten = np.bincount(plek, weights=gewicht, minlength=n * m)
    punten = punten.astype(np.float64, copy=False).reshape(n, m)

    noemer = inv.v_noemer[kolommen]
    iets = noemer > 0
    if iets.all():
        np.divide(punten, noemer, out=punten)
    else:
        np.divide(punten, np.where(iets, noemer, 1.0), out=punten)
        punten[:, ~iets] = 1.0  # nothing asked: full points
    punten *= inv.g.vaardigheden
    return punten


def _afstand(inv: Invoer, rijen: np.ndarray, kolommen: np.ndarray, punten: np.ndarray) -> None:
    """Adds the distance points to `punten` and marks pairs beyond the radius as excluded.
    The residents all have a location; vacancies without one get the points for unknown."""
    kv = inv.k_vec[rijen]
    vv = inv.v_vec[kolommen]
    d = np.subtract.outer(kv[:, 0], vv[:, 0])
    d *= d
    t = np.subtract.outer(kv[:, 1], vv[:, 1])
    t *= t
    d += t
    np.subtract.outer(kv[:, 2], vv[:, 2], out=t)
    t *= t
    d += t
    np.sqrt(d, out=d)
    d *= 0.5
    np.minimum(d, 1.0, out=d)
    np.arcsin(d, out=d)
    d *= _DIAMETER_KM  # d is now the distance in km
    del t
    te_ver = d > inv.k_r[rijen, None]
    d /= inv.k_rmax[rijen, None]
    np.subtract(1.0, d, out=d)
    d *= inv.g.afstand
    onbekend = ~inv.v_bekend[kolommen]
    if onbekend.any():
        # Vacancies without a location ride along in the block: no distance, no exclusion.
        d[:, onbekend] = inv.g.afstand * ONBEKENDE_AFSTAND
        te_ver[:, onbekend] = False
    punten += d
    np.putmask(punten, te_ver, UITGESLOTEN)


def scoor_blok(
    inv: Invoer, rijen: np.ndarray, kolommen: np.ndarray, *, met_afstand: bool
) -> np.ndarray:
    """Scores 0..100 (unrounded) for rijen × kolommen; excluded pairs are negative.

    `met_afstand` is False when the residents have no location (then no pair has a
    distance)."""
    punten = _beroep(inv, rijen, kolommen)
    punten += _vaardigheden(inv, rijen, kolommen)
    punten += np.take(inv.uo[inv.k_uo[rijen]], inv.v_uo[kolommen], axis=1)
    if met_afstand:
        _afstand(inv, rijen, kolommen, punten)
    else:
        punten += inv.g.afstand * ONBEKENDE_AFSTAND
    rijbewijs = np.flatnonzero(inv.v_rijbewijs[kolommen])
    if len(rijbewijs):
        punten[:, rijbewijs] *= inv.k_rijbewijs[rijen, None]
    punten *= inv.schaal
    # Excluded pairs become -1, -2, -3, ... by column: distinct values keep numpy's selection
    # (argpartition) fast, where thousands of equal -inf make it crawl.
    np.putmask(punten, punten < 0, -1.0 - np.arange(len(kolommen), dtype=np.float64))
    return punten
