"""The occupation and skill taxonomy shipped with Meedoen: ESCO occupations with Dutch labels and
ISCO-08 groups, ESCO skills (English labels) and a small curated list of Dutch entry-level
requirements. Occupations and skills are stored elsewhere as codes from here; see
data/SOURCE.md for origin and licence and docs/werk-taxonomie.md for the rules.

Related occupations: two occupations are related when they share an ISCO-08 unit group (the four
digits), e.g. every 8344 "lifting truck operator" occupation is related to every other one."""

from meedoen.werk.taxonomie.data import Beroep, Vaardigheid, taxonomie
from meedoen.werk.taxonomie.koppelen import (
    DREMPEL,
    Kandidaat,
    Koppeling,
    beroepen_zoeken,
    koppel_functietitel,
    vaardigheden_zoeken,
)

__all__ = [
    "DREMPEL",
    "Beroep",
    "Kandidaat",
    "Koppeling",
    "Vaardigheid",
    "beroep",
    "beroepen",
    "beroepen_zoeken",
    "is_beroep",
    "is_vaardigheid",
    "koppel_functietitel",
    "label",
    "vaardigheden",
    "vaardigheden_voor_beroep",
    "vaardigheden_zoeken",
    "vaardigheid",
    "verwant",
    "verwantschap",
]


def beroepen() -> dict[str, Beroep]:
    return taxonomie().beroepen


def beroep(code: str) -> Beroep:
    """Raises KeyError for an unknown code."""
    return taxonomie().beroepen[code]


def is_beroep(code: str) -> bool:
    return code in taxonomie().beroepen


def vaardigheden() -> dict[str, Vaardigheid]:
    return taxonomie().vaardigheden


def vaardigheid(id_: str) -> Vaardigheid:
    """Raises KeyError for an unknown id."""
    return taxonomie().vaardigheden[id_]


def is_vaardigheid(id_: str) -> bool:
    return id_ in taxonomie().vaardigheden


def verwant(code: str) -> set[str]:
    """Occupations in the same ISCO-08 unit group, without the occupation itself."""
    tax = taxonomie()
    gevonden = tax.beroepen.get(code)
    if gevonden is None:
        return set()
    return set(tax.per_isco[gevonden.isco] - {code})


def verwantschap(codes=None) -> dict[str, set[str]]:
    """code -> related codes, for the matching engine; for the given codes only, or all."""
    tax = taxonomie()
    return {c: verwant(c) for c in (tax.beroepen if codes is None else codes)}


def label(code: str, lang: str = "nl") -> str:
    """The label of an occupation or a skill; an unknown code is shown as it is."""
    tax = taxonomie()
    if code in tax.beroepen:
        return tax.beroepen[code].label(lang)
    if code in tax.vaardigheden:
        return tax.vaardigheden[code].label(lang)
    return code


def vaardigheden_voor_beroep(code: str) -> list[Vaardigheid]:
    """The curated skills usual for an occupation's ISCO group. ESCO's occupation-skill links
    are not in the shipped data (see data/SOURCE.md), so this is a demo-level approximation."""
    tax = taxonomie()
    gevonden = tax.beroepen.get(code)
    if gevonden is None:
        return []
    return [
        v
        for v in tax.vaardigheden.values()
        if v.gecureerd and any(gevonden.isco.startswith(p) for p in v.isco)
    ]
