"""The match score of one resident and one vacancy: a transparent sum of points per factor.

    punten = ((beroep + vaardigheden) + (uren + opleiding)) + afstand
    score  = punten × 100 / gewichten.maximum          (0..100, shown with one decimal)

Factors (weights from `Gewichten`; defaults in brackets add up to 100):

- beroep: the best of experience in the vacancy's occupation, `beroep_exact` [30] × (0.6 + 0.08 ×
  years, at most 5 years counted), and experience in a related occupation, `beroep_verwant`
  [15]; plus `wensen` [10] when the resident wants this occupation. So with the defaults exact
  experience (18..30) > related (15) > only a wish (10).
- vaardigheden [25] × (2 × required skills the resident has + wanted skills they have)
  ÷ (2 × required + wanted): a required skill weighs double. Nothing asked: full points.
- uren [10] × fit: the job asks more hours than the resident has: available ÷ asked; fewer:
  1 − ½ × (available − asked) ÷ available (a small job is a start, not a full fit).
- opleiding [10] when the resident meets the minimum level, else 0.
- afstand [15] × (1 − km ÷ the resident's own travel radius): relative to what the resident
  finds acceptable. A location unknown on either side: half the points.

Exclusions (no score, never proposed): the occupation is one of the resident's no-gos; the
vacancy lies beyond the resident's travel radius (their own boundary).
Penalty: the job needs a driving licence the resident lacks: the points are halved. A licence
can be obtained (a gap to train for), so it lowers the rank instead of hiding the job.

The sum is taken in exactly the order written above, here and in the vectorised ranking, so
that both give the same float for the same pair (a property test holds them to it).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from meedoen.werk.matching.afstand import afstand_tussen, eenheidsvector
from meedoen.werk.matching.types import Gewichten, Kandidaat, Match, Reden, Vacature, Verwantschap

#: The points are multiplied by this when the job needs a driving licence the resident lacks.
RIJBEWIJS_FACTOR = 0.5
#: Share of the distance points when a location is unknown on either side.
ONBEKENDE_AFSTAND = 0.5
#: Years of experience beyond this count no more.
MAX_JAREN = 5.0

STANDAARD_GEWICHTEN = Gewichten()
_GEEN_VERWANTSCHAP: Mapping[str, frozenset[str]] = {}


# Reason makers, cached on plain values (see `_beoordeel`).
_cache = lru_cache(maxsize=1 << 15)


@_cache
def _r_ervaring(beroep: str, jaren: float, punten: float) -> Reden:
    return Reden("ervaring", (("beroep", beroep), ("jaren", jaren), ("punten", punten)))


@_cache
def _r_verwant(beroep: str, via: str, jaren: float, punten: float) -> Reden:
    return Reden(
        "verwant_beroep",
        (("beroep", beroep), ("via", via), ("jaren", jaren), ("punten", punten)),
    )


@_cache
def _r_geen_ervaring(beroep: str) -> Reden:
    return Reden("geen_ervaring", (("beroep", beroep), ("punten", 0.0)))


@_cache
def _r_wens(beroep: str, punten: float) -> Reden:
    return Reden("wens", (("beroep", beroep), ("punten", punten)))


@_cache
def _r_vaardigheden(heeft: int, van: int, punten: float) -> Reden:
    return Reden("vaardigheden", (("heeft", heeft), ("van", van), ("punten", punten)))


@_cache
def _r_mist(vaardigheid: str) -> Reden:
    return Reden("mist_vaardigheid", (("vaardigheid", vaardigheid),))


@_cache
def _r_afstand(km: int, punten: float) -> Reden:
    return Reden("afstand_km", (("km", km), ("punten", punten)))


@_cache
def _r_afstand_onbekend(punten: float) -> Reden:
    return Reden("afstand_onbekend", (("punten", punten),))


@_cache
def _r_uren(kandidaat: int, vacature: int, punten: float) -> Reden:
    return Reden("uren", (("kandidaat", kandidaat), ("vacature", vacature), ("punten", punten)))


@_cache
def _r_opleiding(voldoet: bool, niveau: int, minimum: int, punten: float) -> Reden:
    return Reden(
        "opleiding",
        (("voldoet", voldoet), ("niveau", niveau), ("minimum", minimum), ("punten", punten)),
    )


_R_RIJBEWIJS = Reden("mist_rijbewijs", (("factor", RIJBEWIJS_FACTOR),))


def een_decimaal(waarde: float) -> float:
    """Rounded to one decimal as shown: ×10, to the nearest whole number (a tie to even, as
    numpy's rint), ÷10. Exactly what the vectorised code can repeat (`np.rint(x * 10)`), and
    ten times faster than `round(x, 1)`, which converts through decimal digits."""
    return round(waarde * 10) / 10


def tienden(waarde: float) -> int:
    """A score as shown, in whole tenths."""
    return round(waarde * 10)


def ervaringsfactor(jaren: float) -> float:
    """0.6 with no full year, rising to 1.0 at five years."""
    return 0.6 + 0.08 * min(jaren, MAX_JAREN)


def beroep_punten(jaren: float | None, verwant: bool, wens: bool, g: Gewichten) -> float:
    """Occupation points; `jaren` is None without experience in the occupation itself."""
    exact = g.beroep_exact * ervaringsfactor(jaren) if jaren is not None else 0.0
    via_verwant = g.beroep_verwant if verwant else 0.0
    return max(exact, via_verwant) + (g.wensen if wens else 0.0)


def vaardigheden_fractie(vereist_aanwezig: int, vereist: int, gewenst_aanwezig: int, gewenst: int):
    noemer = 2 * vereist + gewenst
    if noemer == 0:
        return 1.0
    return (2 * vereist_aanwezig + gewenst_aanwezig) / noemer


def urenfit(beschikbaar: int, gevraagd: int) -> float:
    if gevraagd <= 0:
        return 1.0
    if beschikbaar >= gevraagd:
        return 1.0 - 0.5 * ((beschikbaar - gevraagd) / beschikbaar)
    return beschikbaar / gevraagd


def uren_opleiding_punten(
    beschikbaar: int, niveau: int, gevraagd: int, minimum: int, g: Gewichten
) -> float:
    """Hours and education together: both depend on a few small integers, which lets the
    ranking look them up in one table."""
    return g.uren * urenfit(beschikbaar, gevraagd) + (g.opleiding if niveau >= minimum else 0.0)


def afstand_punten(km: float, reisafstand_km: int, g: Gewichten) -> float:
    return g.afstand * (1.0 - km / max(reisafstand_km, 1))


def _verwant_via(kandidaat: Kandidaat, beroep: str, verwantschap: Verwantschap) -> str | None:
    """The resident's occupation (most years first) through which `beroep` is related, in
    either direction of the mapping."""
    if not kandidaat.beroepen:
        return None
    eigen = verwantschap.get(beroep, ())
    kandidaten = [c for c in kandidaat.beroepen if c in eigen or beroep in verwantschap.get(c, ())]
    if not kandidaten:
        return None
    return min(kandidaten, key=lambda c: (-kandidaat.beroepen[c], c))


def uitgesloten_omdat(kandidaat: Kandidaat, vacature: Vacature) -> Reden | None:
    """Why a pair is excluded (a no-go or too far), or None when it is not."""
    if vacature.beroep in kandidaat.nogos:
        return Reden.maak("nogo", beroep=vacature.beroep)
    if kandidaat.locatie is not None and vacature.locatie is not None:
        km = afstand_tussen(eenheidsvector(kandidaat.locatie), eenheidsvector(vacature.locatie))
        if km > kandidaat.reisafstand_km:
            return Reden.maak("te_ver", km=round(km), max_km=kandidaat.reisafstand_km)
    return None


def ruwe_score(
    kandidaat: Kandidaat,
    vacature: Vacature,
    gewichten: Gewichten | None = None,
    verwantschap: Verwantschap | None = None,
) -> float | None:
    """The unrounded score 0..100, or None when the pair is excluded."""
    uitkomst = _beoordeel(kandidaat, vacature, gewichten, verwantschap, met_redenen=False)
    return None if uitkomst is None else uitkomst[0]


def score_paar(
    kandidaat: Kandidaat,
    vacature: Vacature,
    gewichten: Gewichten | None = None,
    verwantschap: Verwantschap | None = None,
) -> Match | None:
    """The reference: the score and its reasons for one pair, in plain Python. None when the
    pair is excluded (see `uitgesloten_omdat`)."""
    uitkomst = _beoordeel(kandidaat, vacature, gewichten, verwantschap, met_redenen=True)
    if uitkomst is None:
        return None
    score, redenen = uitkomst
    return Match(kandidaat.id, vacature.id, een_decimaal(score), redenen)


def _beoordeel(
    kandidaat: Kandidaat,
    vacature: Vacature,
    gewichten: Gewichten | None,
    verwantschap: Verwantschap | None,
    *,
    met_redenen: bool,
    vectoren: tuple[tuple[float, float, float], tuple[float, float, float]] | None = None,
) -> tuple[float, tuple[Reden, ...]] | None:
    """`vectoren`: the two unit vectors when the caller has them already (the ranking)."""
    g = gewichten or STANDAARD_GEWICHTEN
    verwantschap = verwantschap if verwantschap is not None else _GEEN_VERWANTSCHAP
    code = vacature.beroep
    if code in kandidaat.nogos:
        return None

    km: float | None = None
    if kandidaat.locatie is not None and vacature.locatie is not None:
        if vectoren is None:
            vectoren = (eenheidsvector(kandidaat.locatie), eenheidsvector(vacature.locatie))
        km = afstand_tussen(*vectoren)
        if km > kandidaat.reisafstand_km:
            return None

    jaren = kandidaat.beroepen.get(code)
    via = _verwant_via(kandidaat, code, verwantschap)
    wens = code in kandidaat.wensen_beroepen
    beroep = beroep_punten(jaren, via is not None, wens, g)
    exact = g.beroep_exact * ervaringsfactor(jaren) if jaren is not None else 0.0

    vereist = vacature.vaardigheden_vereist
    gewenst = vacature.vaardigheden_gewenst
    heeft = kandidaat.vaardigheden
    vereist_aanwezig = len(vereist & heeft)
    gewenst_aanwezig = len(gewenst & heeft)
    fractie = vaardigheden_fractie(vereist_aanwezig, len(vereist), gewenst_aanwezig, len(gewenst))
    vaardigheden = fractie * g.vaardigheden

    h_k, h_v = kandidaat.uren_per_week, vacature.uren_per_week
    niveau, minimum = kandidaat.opleidingsniveau, vacature.opleidingsniveau_min
    uo = uren_opleiding_punten(h_k, niveau, h_v, minimum, g)
    uren = g.uren * urenfit(h_k, h_v)
    voldoet = niveau >= minimum
    opleiding = g.opleiding if voldoet else 0.0
    if km is None:
        afstand = g.afstand * ONBEKENDE_AFSTAND
    else:
        afstand = afstand_punten(km, kandidaat.reisafstand_km, g)

    punten = beroep + vaardigheden
    punten = punten + uo
    punten = punten + afstand
    rijbewijs_mist = vacature.rijbewijs_nodig and not kandidaat.rijbewijs
    if rijbewijs_mist:
        punten = punten * RIJBEWIJS_FACTOR
    schaal = 100.0 / g.maximum
    score = punten * schaal
    if not met_redenen:
        return score, ()

    # Reasons are made for every pair in a top-k (hundreds of thousands in a big run): each
    # comes from a small cache keyed by plain values, so recurring ones ("10 km", "opleiding
    # is genoeg") are one shared object — fast to make and small in memory.
    redenen: list[Reden] = []
    if jaren is not None and (via is None or exact >= g.beroep_verwant):
        redenen.append(_r_ervaring(code, jaren, een_decimaal(exact * schaal)))
    elif via is not None:
        redenen.append(
            _r_verwant(code, via, kandidaat.beroepen[via], een_decimaal(g.beroep_verwant * schaal))
        )
    else:
        redenen.append(_r_geen_ervaring(code))
    if wens:
        redenen.append(_r_wens(code, een_decimaal(g.wensen * schaal)))
    redenen.append(
        _r_vaardigheden(
            vereist_aanwezig + gewenst_aanwezig,
            len(vereist) + len(gewenst),
            een_decimaal(vaardigheden * schaal),
        )
    )
    if vereist_aanwezig < len(vereist):
        redenen.extend(_r_mist(s) for s in sorted(vereist - heeft))
    if km is None:
        redenen.append(_r_afstand_onbekend(een_decimaal(afstand * schaal)))
    else:
        redenen.append(_r_afstand(round(km), een_decimaal(afstand * schaal)))
    redenen.append(_r_uren(h_k, h_v, een_decimaal(uren * schaal)))
    redenen.append(_r_opleiding(voldoet, niveau, minimum, een_decimaal(opleiding * schaal)))
    if rijbewijs_mist:
        redenen.append(_R_RIJBEWIJS)
    return score, tuple(redenen)
