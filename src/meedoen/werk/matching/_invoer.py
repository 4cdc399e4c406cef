"""Residents and vacancies encoded as arrays for the vectorised ranking.

Occupations and skills become integer ids; only the codes that occur in some vacancy get one
(a resident's skill no vacancy asks for cannot change a score). Per resident the occupation
points are precomputed for every relevant code (experience, related, wish, no-go), with the
same function the pair reference uses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from meedoen.werk.matching.afstand import eenheidsvector
from meedoen.werk.matching.score import (
    RIJBEWIJS_FACTOR,
    beroep_punten,
    uren_opleiding_punten,
)
from meedoen.werk.matching.types import Gewichten, Kandidaat, Vacature, Verwantschap


@dataclass
class Invoer:
    g: Gewichten
    schaal: float
    # residents
    k_bekend: np.ndarray  # bool: location known
    k_lat: np.ndarray
    k_lon: np.ndarray
    k_vec: np.ndarray  # (n, 3) unit vectors (0 when unknown)
    k_r: np.ndarray  # travel radius, float
    k_rmax: np.ndarray  # max(radius, 1): the divisor of the distance points
    k_rijbewijs: np.ndarray  # factor when a job needs a licence: 1.0 or RIJBEWIJS_FACTOR
    k_uo: np.ndarray  # row in `uo`
    k_beroep_ptr: np.ndarray  # CSR over (occupation id, points; -inf = no-go)
    k_beroep_id: np.ndarray
    k_beroep_punten: np.ndarray
    k_vaard_ptr: np.ndarray  # CSR over skill ids
    k_vaard_id: np.ndarray
    # vacancies
    v_bekend: np.ndarray
    v_lat: np.ndarray
    v_lon: np.ndarray
    v_vec: np.ndarray
    v_beroep: np.ndarray  # occupation id
    v_uo: np.ndarray  # column in `uo`
    v_vaard_ptr: np.ndarray  # CSR over the skills a vacancy asks for
    v_vaard_id: np.ndarray
    v_vaard_gewicht: np.ndarray  # 2.0 required, 1.0 wanted
    v_noemer: np.ndarray  # 2 × required + wanted, float (0 -> full points)
    v_rijbewijs: np.ndarray  # bool: needs a driving licence
    uo: np.ndarray  # hours + education points per (resident key, vacancy key)
    n_beroepen: int
    n_vaardigheden: int

    @property
    def n_k(self) -> int:
        return len(self.k_bekend)

    @property
    def n_v(self) -> int:
        return len(self.v_bekend)


def _locaties(items, attr: str):
    n = len(items)
    bekend = np.zeros(n, dtype=bool)
    lat = np.zeros(n)
    lon = np.zeros(n)
    vec = np.zeros((n, 3))
    for i, item in enumerate(items):
        loc = getattr(item, attr)
        if loc is not None:
            bekend[i] = True
            lat[i], lon[i] = loc
            vec[i] = eenheidsvector(loc)
    return bekend, lat, lon, vec


def _sleutels(paren: list[tuple[int, int]]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    index: dict[tuple[int, int], int] = {}
    ids = np.fromiter((index.setdefault(p, len(index)) for p in paren), np.int32, len(paren))
    return ids, list(index)


def symmetrisch(verwantschap: Verwantschap) -> dict[str, set[str]]:
    sym: dict[str, set[str]] = defaultdict(set)
    for code, verwante in verwantschap.items():
        for ander in verwante:
            sym[code].add(ander)
            sym[ander].add(code)
    return sym


def codeer(
    kandidaten: Sequence[Kandidaat],
    vacatures: Sequence[Vacature],
    g: Gewichten,
    verwantschap: Verwantschap,
) -> Invoer:
    beroep_id: dict[str, int] = {}
    vaard_id: dict[str, int] = {}
    v_beroep = np.fromiter(
        (beroep_id.setdefault(v.beroep, len(beroep_id)) for v in vacatures),
        np.int32,
        len(vacatures),
    )
    v_ptr = [0]
    v_id: list[int] = []
    v_gewicht: list[float] = []
    for v in vacatures:
        for gewicht, vaardigheden in ((2.0, v.vaardigheden_vereist), (1.0, v.vaardigheden_gewenst)):
            for s in vaardigheden:
                v_id.append(vaard_id.setdefault(s, len(vaard_id)))
                v_gewicht.append(gewicht)
        v_ptr.append(len(v_id))
    noemer = np.array(
        [2 * len(v.vaardigheden_vereist) + len(v.vaardigheden_gewenst) for v in vacatures],
        dtype=np.float64,
    )

    sym = symmetrisch(verwantschap)
    b_ptr = [0]
    b_id: list[int] = []
    b_punten: list[float] = []
    s_ptr = [0]
    s_id: list[int] = []
    for k in kandidaten:
        verwant: set[str] = set()
        for code in k.beroepen:
            verwant |= sym.get(code, set())
        punten: dict[int, float] = {}
        for code in (set(k.beroepen) | verwant | k.wensen_beroepen) & beroep_id.keys():
            waarde = beroep_punten(
                k.beroepen.get(code), code in verwant, code in k.wensen_beroepen, g
            )
            if waarde:
                punten[beroep_id[code]] = waarde
        for code in k.nogos & beroep_id.keys():
            punten[beroep_id[code]] = -np.inf
        b_id.extend(punten)
        b_punten.extend(punten.values())
        b_ptr.append(len(b_id))
        s_id.extend(vaard_id[s] for s in k.vaardigheden if s in vaard_id)
        s_ptr.append(len(s_id))

    k_uo, k_sleutels = _sleutels([(k.uren_per_week, k.opleidingsniveau) for k in kandidaten])
    v_uo, v_sleutels = _sleutels([(v.uren_per_week, v.opleidingsniveau_min) for v in vacatures])
    uo = np.array(
        [
            [uren_opleiding_punten(hk, nk, hv, nv, g) for hv, nv in v_sleutels]
            for hk, nk in k_sleutels
        ]
    ).reshape(len(k_sleutels), len(v_sleutels))

    k_bekend, k_lat, k_lon, k_vec = _locaties(kandidaten, "locatie")
    v_bekend, v_lat, v_lon, v_vec = _locaties(vacatures, "locatie")
    k_r = np.array([k.reisafstand_km for k in kandidaten], dtype=np.float64)
    return Invoer(
        g=g,
        schaal=100.0 / g.maximum,
        k_bekend=k_bekend,
        k_lat=k_lat,
        k_lon=k_lon,
        k_vec=k_vec,
        k_r=k_r,
        k_rmax=np.maximum(k_r, 1.0),
        k_rijbewijs=np.array(
            [1.0 if k.rijbewijs else RIJBEWIJS_FACTOR for k in kandidaten], dtype=np.float64
        ),
        k_uo=k_uo,
        k_beroep_ptr=np.array(b_ptr, dtype=np.int64),
        k_beroep_id=np.array(b_id, dtype=np.int32),
        k_beroep_punten=np.array(b_punten, dtype=np.float64),
        k_vaard_ptr=np.array(s_ptr, dtype=np.int64),
        k_vaard_id=np.array(s_id, dtype=np.int32),
        v_bekend=v_bekend,
        v_lat=v_lat,
        v_lon=v_lon,
        v_vec=v_vec,
        v_beroep=v_beroep,
        v_uo=v_uo,
        v_vaard_ptr=np.array(v_ptr, dtype=np.int64),
        v_vaard_id=np.array(v_id, dtype=np.int32),
        v_vaard_gewicht=np.array(v_gewicht, dtype=np.float64),
        v_noemer=noemer,
        v_rijbewijs=np.array([v.rijbewijs_nodig for v in vacatures], dtype=bool),
        uo=uo,
        n_beroepen=len(beroep_id),
        n_vaardigheden=len(vaard_id),
    )
