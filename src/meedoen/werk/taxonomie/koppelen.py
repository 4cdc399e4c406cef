"""Free-text job titles to occupations: fuzzy matching (rapidfuzz) over every occupation's
preferred, alternative and hidden Dutch labels, after normalising both sides.

Decision rule (documented in docs/werk-taxonomie.md):
- the title equals a label of exactly one occupation, or the preferred label of exactly one of
  the occupations carrying it: mapped automatically;
- otherwise the best score must reach DREMPEL and lead the next occupation by MARGE points;
- a best score at or above DREMPEL without that lead is ambiguous: a person chooses;
- below DREMPEL nothing is mapped; the candidates are only suggestions.
"""

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from meedoen.werk.taxonomie.data import Vaardigheid, taxonomie
from meedoen.werk.taxonomie.normaliseren import normaliseer, zonder_accenten

DREMPEL = 88.0
MARGE = 5.0
AANTAL_KANDIDATEN = 5
_ONDERGRENS = 50.0  # scores below this are not even shown as a suggestion


@dataclass(frozen=True)
class Kandidaat:
    code: str
    label: str  # the occupation's preferred Dutch label
    score: float  # 0..100
    via: str  # the label of the occupation that matched best


@dataclass(frozen=True)
class Koppeling:
    titel: str
    kandidaten: tuple[Kandidaat, ...]  # best first
    gekozen: str | None  # mapped automatically; None when unsure
    dubbelzinnig: bool = False  # several occupations fit (almost) equally well

    @property
    def beste(self) -> Kandidaat | None:
        return self.kandidaten[0] if self.kandidaten else None


@cache
def _keuzes() -> list[str]:
    return [label.genormaliseerd for label in taxonomie().labels]


def _rangschik(genormaliseerd: str, limiet: int) -> list[Kandidaat]:
    tax = taxonomie()
    # per code: (score, similarity of the whole strings, preferred label?, matched label)
    per_code: dict[str, tuple[float, float, bool, str]] = {}
    treffers = process.extract(
        genormaliseerd,
        _keuzes(),
        scorer=fuzz.WRatio,
        limit=max(60, limiet * 12),
        score_cutoff=_ONDERGRENS,
    )
    for keuze, score, index in treffers:
        label = tax.labels[index]
        # WRatio gives 90 to every label contained in the title ("werker" in "medewerker");
        # the plain similarity of the whole strings orders those ties.
        sleutel = (score, fuzz.ratio(genormaliseerd, keuze), label.voorkeur, label.tekst)
        huidig = per_code.get(label.code)
        if huidig is None or sleutel[:3] > huidig[:3]:
            per_code[label.code] = sleutel
    volgorde = sorted(
        per_code.items(),
        key=lambda item: (-item[1][0], -item[1][1], not item[1][2], tax.beroepen[item[0]].nl),
    )
    return [
        Kandidaat(code=code, label=tax.beroepen[code].nl, score=round(score, 1), via=via)
        for code, (score, _, _, via) in volgorde[:limiet]
    ]


def koppel_functietitel(titel: str, *, limiet: int = AANTAL_KANDIDATEN) -> Koppeling:
    genormaliseerd = normaliseer(titel)
    if not genormaliseerd:
        return Koppeling(titel=titel, kandidaten=(), gekozen=None)
    kandidaten = _rangschik(genormaliseerd, limiet)
    tax = taxonomie()
    exact = tax.exact.get(genormaliseerd, frozenset())
    if exact:
        voorkeur = [c for c in exact if normaliseer(tax.beroepen[c].nl) == genormaliseerd]
        if len(exact) == 1 or len(voorkeur) == 1:
            gekozen = next(iter(exact)) if len(exact) == 1 else voorkeur[0]
            return Koppeling(titel, tuple(kandidaten), gekozen)
        return Koppeling(titel, tuple(kandidaten), None, dubbelzinnig=True)
    if not kandidaten or kandidaten[0].score < DREMPEL:
        return Koppeling(titel, tuple(kandidaten), None)
    tweede = kandidaten[1].score if len(kandidaten) > 1 else 0.0
    if kandidaten[0].score - tweede >= MARGE:
        return Koppeling(titel, tuple(kandidaten), kandidaten[0].code)
    return Koppeling(titel, tuple(kandidaten), None, dubbelzinnig=True)


def beroepen_zoeken(term: str, *, limiet: int = 10) -> list[Kandidaat]:
    """Occupations for a search box: the same ranking, without a decision."""
    genormaliseerd = normaliseer(term)
    return _rangschik(genormaliseerd, limiet) if genormaliseerd else []


@cache
def _vaardigheid_keuzes() -> tuple[list[str], list[Vaardigheid]]:
    alle = list(taxonomie().vaardigheden.values())
    return [zonder_accenten(v.zoektekst.lower()) for v in alle], alle


def _vaardigheid_score(zoek: str, keuze: str, **_) -> float:
    # A skill whose labels contain the search term fits; a label shorter than the term only
    # when it is (nearly) the term itself, so "R" does not fit "heftruck".
    if len(keuze) < len(zoek):
        return fuzz.ratio(zoek, keuze)
    return fuzz.partial_ratio(zoek, keuze)


def vaardigheden_zoeken(term: str, *, limiet: int = 10) -> list[Vaardigheid]:
    """Skills for a search box: the curated Dutch skills first when they fit as well as an ESCO
    skill (those have English labels only), then the shortest (most specific) labels."""
    zoek = zonder_accenten(term.lower()).strip()
    if not zoek:
        return []
    keuzes, alle = _vaardigheid_keuzes()
    treffers = process.extract(
        zoek, keuzes, scorer=_vaardigheid_score, limit=limiet * 4, score_cutoff=75
    )
    gerangschikt = sorted(
        treffers,
        key=lambda t: (-t[1], not alle[t[2]].gecureerd, len(t[0]), alle[t[2]].en),
    )
    return [alle[index] for _, _, index in gerangschikt[:limiet]]
