"""Great-circle distance, written as fixed steps shared by the pair reference and the vectorised
ranking, so that both get the same float for the same pair.

The haversine formula d = 2R·asin(√hav(θ)) with hav(θ) = sin²(θ/2) = (chord/2)²: the chord is
taken between unit vectors, which is exact for short distances (no 1 − cos θ cancellation) and
lets the ranking compute it for millions of pairs with plain array arithmetic.
"""

import math

#: Mean Earth radius (IUGG), in km.
AARDSTRAAL_KM = 6371.0088
_DIAMETER_KM = 2.0 * AARDSTRAAL_KM


def eenheidsvector(locatie: tuple[float, float]) -> tuple[float, float, float]:
    """The point (latitude, longitude in degrees) as a unit vector (x, y, z)."""
    lat = math.radians(locatie[0])
    lon = math.radians(locatie[1])
    c = math.cos(lat)
    return (c * math.cos(lon), c * math.sin(lon), math.sin(lat))


def afstand_tussen(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """Distance in km between two unit vectors (see the module docstring)."""
    dx = a[0] - b[0]
    dy = a[1] - b[1]
    dz = a[2] - b[2]
    koorde2 = dx * dx + dy * dy + dz * dz
    return _DIAMETER_KM * math.asin(min(math.sqrt(koorde2) * 0.5, 1.0))


def afstand_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in km between two (latitude, longitude) points."""
    return afstand_tussen(eenheidsvector(a), eenheidsvector(b))
