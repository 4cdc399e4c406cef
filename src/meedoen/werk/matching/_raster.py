"""Which pairs to score at all: a grid over latitude and longitude.

A pair beyond the resident's travel radius is excluded, so for each group of residents in one
grid cell only the vacancies in the cells that the residents' radii can reach are scored. The
reach of a radius is the bounding box of a spherical cap (latitude ± δ; longitude ±
asin(sin δ / cos φ), δ = radius / R), which contains every point within the radius; near a
pole or the 180° meridian the whole band of longitudes is taken. This only skips pairs that
are excluded anyway; the exact distance test happens per pair in `_blok`.

Residents or vacancies without a location have no distance: they are paired with everything.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from meedoen.werk.matching._blok import bereiken
from meedoen.werk.matching._invoer import Invoer
from meedoen.werk.matching.afstand import AARDSTRAAL_KM

CEL_LAT = 0.1  # degrees: about 11 km
CEL_LON = 0.15  # degrees: about 10 km at 52° N
_N_LAT = int(math.ceil(180 / CEL_LAT)) + 3
_N_LON = int(math.ceil(360 / CEL_LON)) + 3
_MARGE = 1e-9  # relative, against rounding at the edge of a cap
#: Residents of one cell are grouped by travel radius too, so that a group's reach is set by
#: radii alike: one resident with 50 km would otherwise widen the box for all the others.
STRAAL_KLASSEN = np.array([10, 20, 30, 50, 100])


def _cel(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    i = np.floor(lat / CEL_LAT).astype(np.int64) + _N_LAT // 2
    j = np.floor(lon / CEL_LON).astype(np.int64) + _N_LON // 2
    return i, j


def _bereik(inv: Invoer, rijen: np.ndarray) -> tuple[float, float, float, float, bool]:
    """(lat_min, lat_max, lon_min, lon_max, all longitudes) reachable from these residents."""
    delta = inv.k_r[rijen] * (1 + _MARGE) / AARDSTRAAL_KM + _MARGE  # radians
    lat = np.radians(inv.k_lat[rijen])
    lat_min = float(np.degrees(lat - delta).min())
    lat_max = float(np.degrees(lat + delta).max())
    if lat_min <= -90 or lat_max >= 90:
        return lat_min, lat_max, -180.0, 180.0, True
    verhouding = np.sin(np.minimum(delta, math.pi / 2)) / np.cos(lat)
    if (verhouding >= 1).any():
        return lat_min, lat_max, -180.0, 180.0, True
    dlon = np.degrees(np.arcsin(verhouding) * (1 + _MARGE) + _MARGE)
    lon_min = float((inv.k_lon[rijen] - dlon).min())
    lon_max = float((inv.k_lon[rijen] + dlon).max())
    if lon_min < -180 or lon_max > 180:
        return lat_min, lat_max, -180.0, 180.0, True
    return lat_min, lat_max, lon_min, lon_max, False


def groepen(
    inv: Invoer, alleen: np.ndarray | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray, bool]]:
    """(resident indices, vacancy indices, with distance) covering every pair that can score;
    `alleen` (bool per resident) limits it to some residents."""
    mee = np.ones(inv.n_k, dtype=bool) if alleen is None else alleen
    v_bekend = np.flatnonzero(inv.v_bekend)
    v_onbekend = np.flatnonzero(~inv.v_bekend)
    vi, vj = _cel(inv.v_lat[v_bekend], inv.v_lon[v_bekend])
    v_sleutel = vi * _N_LON + vj
    volgorde = np.argsort(v_sleutel, kind="stable")
    v_gesorteerd = v_bekend[volgorde]
    v_sleutel = v_sleutel[volgorde]

    k_bekend = np.flatnonzero(inv.k_bekend & mee)
    ki, kj = _cel(inv.k_lat[k_bekend], inv.k_lon[k_bekend])
    klasse = np.searchsorted(STRAAL_KLASSEN, inv.k_r[k_bekend], side="left")
    k_sleutel = (ki * _N_LON + kj) * (len(STRAAL_KLASSEN) + 1) + klasse
    volgorde = np.argsort(k_sleutel, kind="stable")
    k_bekend = k_bekend[volgorde]
    _, begin = np.unique(k_sleutel[volgorde], return_index=True)
    grenzen = np.append(begin, len(k_bekend))

    for a, b in zip(grenzen[:-1], grenzen[1:], strict=True):
        rijen = k_bekend[a:b]
        lat_min, lat_max, lon_min, lon_max, _ = _bereik(inv, rijen)
        i_min, j_min = _cel(np.array([lat_min]), np.array([lon_min]))
        i_max, j_max = _cel(np.array([lat_max]), np.array([lon_max]))
        i = np.arange(i_min[0], i_max[0] + 1)
        van = np.searchsorted(v_sleutel, i * _N_LON + j_min[0], side="left")
        tot = np.searchsorted(v_sleutel, i * _N_LON + j_max[0], side="right")
        kolommen = np.concatenate([v_gesorteerd[bereiken(van, tot)], v_onbekend])
        if len(kolommen):
            yield rijen, kolommen, True

    k_onbekend = np.flatnonzero(~inv.k_bekend & mee)
    if len(k_onbekend) and inv.n_v:
        yield k_onbekend, np.arange(inv.n_v), False


def blokken(
    groepen_: Iterator[tuple[np.ndarray, np.ndarray, bool]], max_paren: int
) -> Iterator[tuple[np.ndarray, np.ndarray, bool]]:
    """Cut each group into blocks of at most `max_paren` pairs (memory stays bounded)."""
    for rijen, kolommen, met_afstand in groepen_:
        n, m = len(rijen), len(kolommen)
        breedte = min(m, max(1, max_paren // max(n, 1)))
        hoogte = max(1, max_paren // breedte)
        for c in range(0, m, breedte):
            for r in range(0, n, hoogte):
                yield rijen[r : r + hoogte], kolommen[c : c + breedte], met_afstand
