"""The inputs and outputs of the matching engine: plain frozen dataclasses, no Django.

Protected attributes (nationality, ethnicity, religion, gender, age, birth date) are not fields
of `Kandidaat`: what the engine is never given, it cannot use. A test keeps it that way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

#: Relatedness between occupations: code -> codes of related occupations. Made by the taxonomy
#: (occupations in the same ISCO-08 group); the engine treats it as symmetric.
Verwantschap = Mapping[str, "frozenset[str] | set[str]"]

#: The education scale (an ordered scale, so that "at least" is a comparison). The same numbers
#: as `meedoen.werk.models.keuzes.Opleidingsniveau`.
OPLEIDINGSNIVEAUS: dict[int, str] = {
    0: "geen afgeronde opleiding",
    1: "basisonderwijs",
    2: "vmbo / mbo 1",
    3: "mbo 2",
    4: "mbo 3 of 4",
    5: "havo / vwo",
    6: "hbo",
    7: "wo bachelor",
    8: "wo master",
}
HOOGSTE_NIVEAU = max(OPLEIDINGSNIVEAUS)

Locatie = tuple[float, float]  # (latitude, longitude) in degrees, WGS84


def _locatie(waarde: Any, wie: str) -> Locatie | None:
    if waarde is None:
        return None
    lat, lon = (float(v) for v in waarde)
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{wie}: locatie {waarde!r} is geen geldige (breedte, lengte)")
    return (lat, lon)


def _niet_negatief(waarde: int, naam: str, wie: str) -> None:
    if waarde < 0:
        raise ValueError(f"{wie}: {naam} mag niet negatief zijn")


def _zet(obj: object, naam: str, waarde: object) -> None:
    # Normalising a field of a frozen dataclass in __post_init__.
    object.__setattr__(obj, naam, waarde)


@dataclass(frozen=True, slots=True)
class Kandidaat:
    """A resident as the engine sees them: only what matters for work, nothing protected.

    `beroepen` maps an occupation code to years of experience in it; `wensen_beroepen` are the
    occupations the resident wants, `nogos` the ones they refuse (a no-go excludes a vacancy).
    """

    id: str
    beroepen: Mapping[str, float] = field(default_factory=dict)
    vaardigheden: frozenset[str] = frozenset()
    opleidingsniveau: int = 0
    uren_per_week: int = 0
    locatie: Locatie | None = None
    reisafstand_km: int = 15
    rijbewijs: bool = False
    wensen_beroepen: frozenset[str] = frozenset()
    nogos: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        wie = f"kandidaat {self.id}"
        beroepen = {str(code): float(jaren) for code, jaren in dict(self.beroepen).items()}
        if any(not math.isfinite(j) or j < 0 for j in beroepen.values()):
            raise ValueError(f"{wie}: jaren ervaring moeten 0 of meer zijn")
        _zet(self, "beroepen", beroepen)
        _zet(self, "vaardigheden", frozenset(self.vaardigheden))
        _zet(self, "wensen_beroepen", frozenset(self.wensen_beroepen))
        _zet(self, "nogos", frozenset(self.nogos))
        _zet(self, "locatie", _locatie(self.locatie, wie))
        if self.opleidingsniveau not in OPLEIDINGSNIVEAUS:
            raise ValueError(f"{wie}: opleidingsniveau moet 0 tot en met {HOOGSTE_NIVEAU} zijn")
        _niet_negatief(self.uren_per_week, "uren per week", wie)
        _niet_negatief(self.reisafstand_km, "reisafstand", wie)


@dataclass(frozen=True, slots=True)
class Vacature:
    """A vacancy or a maatschappelijke baan: `plaatsen` is its capacity."""

    id: str
    beroep: str
    vaardigheden_vereist: frozenset[str] = frozenset()
    vaardigheden_gewenst: frozenset[str] = frozenset()
    opleidingsniveau_min: int = 0
    uren_per_week: int = 0
    locatie: Locatie | None = None
    rijbewijs_nodig: bool = False
    plaatsen: int = 1

    def __post_init__(self) -> None:
        wie = f"vacature {self.id}"
        vereist = frozenset(self.vaardigheden_vereist)
        _zet(self, "vaardigheden_vereist", vereist)
        # A skill that is required is not also "wanted": it would count twice.
        _zet(self, "vaardigheden_gewenst", frozenset(self.vaardigheden_gewenst) - vereist)
        _zet(self, "locatie", _locatie(self.locatie, wie))
        if self.opleidingsniveau_min not in OPLEIDINGSNIVEAUS:
            raise ValueError(f"{wie}: opleidingsniveau moet 0 tot en met {HOOGSTE_NIVEAU} zijn")
        _niet_negatief(self.uren_per_week, "uren per week", wie)
        _niet_negatief(self.plaatsen, "plaatsen", wie)


@dataclass(frozen=True, slots=True)
class Gewichten:
    """Points per factor; a gemeente tunes them. Configuration, not money: floats are fine.

    With the defaults the points add up to 100, so a factor's points read as a share of the
    score. The score is always scaled to 0..100 by `maximum` (the most a pair can get).
    """

    beroep_exact: float = 30.0  # experience in the vacancy's occupation (×0.6..1 by years)
    beroep_verwant: float = 15.0  # experience in a related occupation
    wensen: float = 10.0  # the resident wants this occupation
    vaardigheden: float = 25.0  # share of the asked skills (required count double)
    uren: float = 10.0  # hours fit
    afstand: float = 15.0  # closer is better, relative to the resident's own radius
    opleiding: float = 10.0  # meets the minimum education level

    def __post_init__(self) -> None:
        for naam in self.__dataclass_fields__:
            waarde = float(getattr(self, naam))
            if not math.isfinite(waarde) or waarde < 0:
                raise ValueError(f"gewicht {naam} moet 0 of meer zijn")
            _zet(self, naam, waarde)
        if self.maximum <= 0:
            raise ValueError("minstens één gewicht moet groter dan 0 zijn")

    @property
    def maximum(self) -> float:
        """The most points a pair can get: the best occupation factor plus all the others."""
        return (
            max(self.beroep_exact, self.beroep_verwant)
            + self.wensen
            + self.vaardigheden
            + self.uren
            + self.afstand
            + self.opleiding
        )


class Reden(NamedTuple):
    """One reason behind a score: a code and its parameters, rendered in words by
    `meedoen.werk.matching.teksten.reden_tekst`. A named tuple: cheap to make by the million."""

    code: str
    parameters: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def maak(cls, code: str, **parameters: Any) -> Reden:
        return cls(code, tuple(parameters.items()))

    def get(self, naam: str, standaard: Any = None) -> Any:
        for sleutel, waarde in self.parameters:
            if sleutel == naam:
                return waarde
        return standaard

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.parameters)


@dataclass(frozen=True, slots=True)
class Match:
    """A scored pair. `score` is 0..100 with one decimal; `redenen` explain it factor by factor."""

    kandidaat_id: str
    vacature_id: str
    score: float
    redenen: tuple[Reden, ...] = ()
