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


@lru_cache(maxsize=1 << 16)
def _reden(code: str, *parameters: tuple[str, object]) -> Reden:
    # The same reasons recur across many pairs ("10 km", "opleiding is genoeg", the points
    # rounded to one decimal): one shared object each keeps a big ranking small in memory.
    return Reden(code, parameters)


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
    return Match(kandidaat.id, vacature.id, round(score, 1), redenen)


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

    vereist = vacature.vaardigheden_vereist
    gewenst = vacature.vaardigheden_gewenst
    heeft = kandidaat.vaardigheden
    vereist_aanwezig = len(vereist & heeft)
    gewenst_aanwezig = len(gewenst & heeft)
    fractie = vaardigheden_fractie(vereist_aanwezig, len(vereist), gewenst_aanwezig, len(gewenst))
    vaardigheden = fractie * g.vaardigheden

    uo = uren_opleiding_punten(
        kandidaat.uren_per_week,
        kandidaat.opleidingsniveau,
        vacature.uren_per_week,
        vacature.opleidingsniveau_min,
        g,
    )
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

    def p(waarde: float) -> float:
        # A factor's points on the 0..100 scale of the score.
        return round(waarde * schaal, 1)

    # Reasons are made for every pair in a top-k (hundreds of thousands in a big run): plain
    # tuples, no keyword arguments.
    redenen: list[Reden] = []
    exact = g.beroep_exact * ervaringsfactor(jaren) if jaren is not None else 0.0
    if jaren is not None and (via is None or exact >= g.beroep_verwant):
        redenen.append(_reden("ervaring", ("beroep", code), ("jaren", jaren), ("punten", p(exact))))
    elif via is not None:
        redenen.append(
            _reden(
                "verwant_beroep",
                ("beroep", code),
                ("via", via),
                ("jaren", kandidaat.beroepen[via]),
                ("punten", p(g.beroep_verwant)),
            )
        )
    else:
        redenen.append(_reden("geen_ervaring", ("beroep", code), ("punten", 0.0)))
    if wens:
        redenen.append(_reden("wens", ("beroep", code), ("punten", p(g.wensen))))
    redenen.append(
        _reden(
            "vaardigheden",
            ("heeft", vereist_aanwezig + gewenst_aanwezig),
            ("van", len(vereist) + len(gewenst)),
            ("punten", p(vaardigheden)),
        )
    )
    if vereist_aanwezig < len(vereist):
        for s in sorted(vereist - heeft):
            redenen.append(_reden("mist_vaardigheid", ("vaardigheid", s)))
    if km is None:
        redenen.append(_reden("afstand_onbekend", ("punten", p(afstand))))
    else:
        redenen.append(_reden("afstand_km", ("km", round(km)), ("punten", p(afstand))))
    h_k, h_v = kandidaat.uren_per_week, vacature.uren_per_week
    redenen.append(
        _reden(
            "uren",
            ("kandidaat", h_k),
            ("vacature", h_v),
            ("punten", p(g.uren * urenfit(h_k, h_v))),
        )
    )
    voldoet = kandidaat.opleidingsniveau >= vacature.opleidingsniveau_min
    redenen.append(
        _reden(
            "opleiding",
            ("voldoet", voldoet),
            ("niveau", kandidaat.opleidingsniveau),
            ("minimum", vacature.opleidingsniveau_min),
            ("punten", p(g.opleiding if voldoet else 0.0)),
        )
    )
    if rijbewijs_mist:
        redenen.append(_reden("mist_rijbewijs", ("factor", RIJBEWIJS_FACTOR)))
    return score, tuple(redenen)
