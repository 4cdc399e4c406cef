"""Reasons in words: plain Dutch (B1) for residents and caseworkers, and English.

The Django side passes the taxonomy's labels (occupation and skill code -> label in the chosen
language); a code without a label is shown as the code itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from meedoen.werk.matching.types import OPLEIDINGSNIVEAUS, Reden

_NIVEAUS_EN = {
    0: "no completed education",
    1: "primary school",
    2: "vmbo / mbo level 1",
    3: "mbo level 2",
    4: "mbo level 3 or 4",
    5: "havo / vwo",
    6: "hbo (higher professional education)",
    7: "university bachelor",
    8: "university master",
}


def _getal(waarde: float, lang: str) -> str:
    tekst = f"{waarde:.1f}".rstrip("0").rstrip(".")
    return tekst.replace(".", ",") if lang == "nl" else tekst


def _jaren(jaren: float, lang: str) -> str:
    if lang == "nl":
        return "korter dan een jaar" if jaren < 1 else f"{_getal(jaren, lang)} jaar"
    if jaren < 1:
        return "less than a year"
    return f"{_getal(jaren, lang)} year" + ("" if jaren == 1 else "s")


def _km(km: int, lang: str) -> str:
    if km < 1:
        return "minder dan 1 km" if lang == "nl" else "less than 1 km"
    return f"{km} km"


def _niveau(niveau: int, lang: str) -> str:
    return (OPLEIDINGSNIVEAUS if lang == "nl" else _NIVEAUS_EN).get(niveau, str(niveau))


Opmaak = Callable[[Mapping, Callable[[str], str]], str]

# code -> (Dutch, English); each gets the reason's parameters and a label function.
_TEKSTEN: dict[str, tuple[Opmaak, Opmaak]] = {
    "ervaring": (
        lambda p, label: f"ervaring als {label(p['beroep'])} ({_jaren(p['jaren'], 'nl')})",
        lambda p, label: f"experience as {label(p['beroep'])} ({_jaren(p['jaren'], 'en')})",
    ),
    "verwant_beroep": (
        lambda p, label: f"ervaring als {label(p['via'])}, dat lijkt op {label(p['beroep'])}",
        lambda p, label: (
            f"experience as {label(p['via'])}, which is similar to {label(p['beroep'])}"
        ),
    ),
    "geen_ervaring": (
        lambda p, label: f"geen ervaring als {label(p['beroep'])}",
        lambda p, label: f"no experience as {label(p['beroep'])}",
    ),
    "wens": (
        lambda p, label: f"wil graag werken als {label(p['beroep'])}",
        lambda p, label: f"would like to work as {label(p['beroep'])}",
    ),
    "vaardigheden": (
        lambda p, label: (
            f"heeft {p['heeft']} van de {p['van']} gevraagde vaardigheden"
            if p["van"]
            else "geen vaardigheden gevraagd"
        ),
        lambda p, label: (
            f"has {p['heeft']} of the {p['van']} skills asked for"
            if p["van"]
            else "no skills asked for"
        ),
    ),
    "mist_vaardigheid": (
        lambda p, label: f"mist: {label(p['vaardigheid'])}",
        lambda p, label: f"missing: {label(p['vaardigheid'])}",
    ),
    "afstand_km": (
        lambda p, label: _km(p["km"], "nl"),
        lambda p, label: _km(p["km"], "en"),
    ),
    "afstand_onbekend": (
        lambda p, label: "afstand onbekend",
        lambda p, label: "distance unknown",
    ),
    "uren": (
        lambda p, label: (
            f"kan {p['kandidaat']} uur per week werken, de baan is {p['vacature']} uur"
        ),
        lambda p, label: (
            f"can work {p['kandidaat']} hours a week, the job is {p['vacature']} hours"
        ),
    ),
    "opleiding": (
        lambda p, label: (
            "opleiding is genoeg"
            if p["voldoet"]
            else f"opleiding lager dan gevraagd ({_niveau(p['minimum'], 'nl')})"
        ),
        lambda p, label: (
            "education meets the level asked for"
            if p["voldoet"]
            else f"education below the level asked for ({_niveau(p['minimum'], 'en')})"
        ),
    ),
    "mist_rijbewijs": (
        lambda p, label: "mist: rijbewijs",
        lambda p, label: "missing: driving licence",
    ),
    "nogo": (
        lambda p, label: f"wil niet werken als {label(p['beroep'])}",
        lambda p, label: f"does not want to work as {label(p['beroep'])}",
    ),
    "te_ver": (
        lambda p, label: f"{_km(p['km'], 'nl')}, verder dan {p['max_km']} km",
        lambda p, label: f"{_km(p['km'], 'en')}, further than {p['max_km']} km",
    ),
}

REDEN_CODES = frozenset(_TEKSTEN)


def reden_tekst(reden: Reden, labels: Mapping[str, str] | None = None, lang: str = "nl") -> str:
    """One reason as a short phrase, e.g. "ervaring als heftruckchauffeur (3 jaar)", "12 km",
    "mist: heftruckcertificaat"."""
    if lang not in ("nl", "en"):
        raise ValueError(f"taal {lang!r}: kies 'nl' of 'en'")
    try:
        nl, en = _TEKSTEN[reden.code]
    except KeyError:
        raise ValueError(f"onbekende reden {reden.code!r}") from None
    labels = labels or {}

    def label(code: str) -> str:
        return labels.get(code, code)

    return (nl if lang == "nl" else en)(reden.params, label)
