"""Distances between Dutch postcodes, for matching residents and workplaces.

`afstand_km(a, b)` is the straight-line (great-circle) distance between the centres of the two
postcodes' four-digit areas (PC4), rounded to whole km; None when either postcode is unknown. No
PC4 coordinate table with a clear licence was available offline, so `data/pc4.csv` holds a
documented approximation for the demo regions (see data/SOURCE.md): every PC4 of a town gets the
town centre's coordinates. A straight line is not a travel route; the matching engine treats
None as "distance unknown"."""

import csv
import math
import re
from functools import cache
from pathlib import Path

AARDSTRAAL_KM = 6371.0088  # mean Earth radius (IUGG)
_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")


def pc4(postcode: str | None) -> str | None:
    """The four digits of a Dutch postcode ("7411 AB", "7411ab", "7411"), or None."""
    gevonden = _POSTCODE.match(postcode or "")
    return gevonden.group(1) if gevonden else None


@cache
def _tabel() -> dict[str, tuple[float, float]]:
    tabel = {}
    with open(Path(__file__).parent / "data/pc4.csv", encoding="utf-8", newline="") as bestand:
        for rij in csv.DictReader(bestand, delimiter=";"):
            punt = (float(rij["lat"]), float(rij["lon"]))
            for nummer in range(int(rij["pc4_van"]), int(rij["pc4_tot"]) + 1):
                tabel[str(nummer)] = punt
    return tabel


def coordinaten(postcode: str | None) -> tuple[float, float] | None:
    """(latitude, longitude) in degrees of the postcode's PC4 area, or None when unknown."""
    vier = pc4(postcode)
    return _tabel().get(vier) if vier else None


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * AARDSTRAAL_KM * math.asin(math.sqrt(h))


def afstand_km(postcode_a: str | None, postcode_b: str | None) -> int | None:
    a, b = coordinaten(postcode_a), coordinaten(postcode_b)
    if a is None or b is None:
        return None
    return round(haversine_km(a, b))
