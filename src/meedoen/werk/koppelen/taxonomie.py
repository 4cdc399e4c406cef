"""What matching takes from the taxonomy and the postcode table: labels, relatedness and
coordinates."""

from collections.abc import Iterable
from functools import lru_cache

from meedoen.werk import geo, taxonomie


def labels_voor(codes: Iterable[str], taal: str = "nl") -> dict[str, str]:
    """Occupation and skill code -> label in the language; unknown codes keep themselves."""
    return {code: taxonomie.label(code, taal) for code in codes}


def verwantschap(codes: Iterable[str]) -> dict[str, frozenset[str]]:
    return {code: frozenset(verwante) for code, verwante in taxonomie.verwantschap(codes).items()}


@lru_cache(maxsize=20_000)
def locatie(postcode: str | None) -> tuple[float, float] | None:
    """The centre of the postcode's PC4 area; None when unknown (the engine then counts the
    distance as unknown: half its points, never excluded)."""
    return geo.coordinaten(postcode)
