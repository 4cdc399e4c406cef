"""Reasons between the engine, the pages and the database. A proposal keeps its reasons as
[{"code", "parameters", "tekst"}]: the code and parameters so the report can count factors and
the page can show them in the reader's language; the Dutch text as it was shown then."""

from collections.abc import Iterable, Mapping
from typing import Any

from meedoen.core.taal import taal as _taal
from meedoen.werk.koppelen.taxonomie import labels_voor
from meedoen.werk.matching.teksten import REDEN_CODES, reden_tekst
from meedoen.werk.matching.types import Match, Reden

# Parameters that name a taxonomy code, to look up their labels.
_CODE_PARAMETERS = ("beroep", "via", "vaardigheid")


def _codes(redenen: Iterable[Reden]) -> set[str]:
    return {str(r.get(p)) for r in redenen for p in _CODE_PARAMETERS if r.get(p) is not None}


def teksten(redenen: Iterable[Reden], *, labels: Mapping[str, str] | None = None) -> list[str]:
    """The reasons in words, in the active language."""
    redenen = list(redenen)
    taal = _taal()
    labels = labels if labels is not None else labels_voor(_codes(redenen), taal)
    return [reden_tekst(r, labels, taal) for r in redenen]


def om_op_te_slaan(match: Match) -> list[dict[str, Any]]:
    labels = labels_voor(_codes(match.redenen), "nl")
    return [
        {"code": r.code, "parameters": r.params, "tekst": reden_tekst(r, labels, "nl")}
        for r in match.redenen
    ]


def opgeslagen_redenen_tekst(opgeslagen) -> list[str]:
    """Stored reasons in the reader's language; the stored Dutch text when the code is no
    longer known."""
    redenen, vast = [], []
    for item in opgeslagen or ():
        if not isinstance(item, dict):
            continue
        if item.get("code") in REDEN_CODES:
            redenen.append(Reden.maak(item["code"], **(item.get("parameters") or {})))
            vast.append(None)
        else:
            vast.append(str(item.get("tekst", "")))
    woorden = iter(teksten(redenen))
    return [t if t is not None else next(woorden) for t in vast]
