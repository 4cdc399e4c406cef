"""Loading the shipped taxonomy once per process (see data/SOURCE.md for what is in it)."""

import csv
import gzip
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from meedoen.werk.taxonomie.normaliseren import normaliseer

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Beroep:
    code: str  # the ESCO occupation UUID
    isco: str  # ISCO-08 unit group, 4 digits
    esco: str  # ESCO's own hierarchical code, e.g. 8344.1
    nl: str
    alt: tuple[str, ...]
    verborgen: tuple[str, ...]  # search-only labels (old spellings, abbreviations)
    en: str | None

    def label(self, lang: str = "nl") -> str:
        return (self.en or self.nl) if lang == "en" else self.nl


@dataclass(frozen=True)
class Vaardigheid:
    id: str  # an ESCO skill UUID, or "nl-..." for the curated Dutch skills
    en: str
    nl: str | None  # ESCO has no Dutch skill labels here; curated skills have one
    soort: str  # "esco", or the curated kind: certificaat, rijbewijs, taal, vaardigheid
    isco: tuple[str, ...]  # curated: ISCO-08 group prefixes where it is a usual requirement
    zoektekst: str  # all labels, for searching

    @property
    def gecureerd(self) -> bool:
        return self.soort != "esco"

    def label(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else (self.nl or self.en)


@dataclass(frozen=True)
class Zoeklabel:
    tekst: str
    genormaliseerd: str
    code: str
    voorkeur: bool  # the occupation's preferred label


@dataclass(frozen=True)
class Taxonomie:
    beroepen: dict[str, Beroep]
    vaardigheden: dict[str, Vaardigheid]
    per_isco: dict[str, frozenset[str]]
    labels: tuple[Zoeklabel, ...]
    # normalised label -> codes that carry it exactly (fast path before fuzzy matching)
    exact: dict[str, frozenset[str]]


def _lees_gz(naam: str) -> dict:
    with gzip.open(DATA / naam, "rt", encoding="utf-8") as bestand:
        return json.load(bestand)


def _beroepen() -> dict[str, Beroep]:
    return {
        b["code"]: Beroep(
            code=b["code"],
            isco=b["isco"],
            esco=b["esco"],
            nl=b["nl"],
            alt=tuple(b["alt"]),
            verborgen=tuple(b["verborgen"]),
            en=b["en"],
        )
        for b in _lees_gz("beroepen.json.gz")["beroepen"]
    }


def _vaardigheden() -> dict[str, Vaardigheid]:
    uit: dict[str, Vaardigheid] = {}
    with open(DATA / "vaardigheden_nl.csv", encoding="utf-8", newline="") as bestand:
        for rij in csv.DictReader(bestand, delimiter=";"):
            uit[rij["id"]] = Vaardigheid(
                id=rij["id"],
                en=rij["en"],
                nl=rij["nl"],
                soort=rij["soort"],
                isco=tuple(rij["isco"].split()),
                zoektekst=f"{rij['nl']} {rij['en']}",
            )
    for v in _lees_gz("vaardigheden_esco.json.gz")["vaardigheden"]:
        uit[v["id"]] = Vaardigheid(
            id=v["id"], en=v["en"], nl=None, soort="esco", isco=(), zoektekst=v["labels"]
        )
    return uit


@cache
def taxonomie() -> Taxonomie:
    beroepen = _beroepen()
    per_isco: dict[str, set[str]] = defaultdict(set)
    labels: list[Zoeklabel] = []
    exact: dict[str, set[str]] = defaultdict(set)
    for beroep in beroepen.values():
        per_isco[beroep.isco].add(beroep.code)
        gezien = set()
        for i, tekst in enumerate((beroep.nl, *beroep.alt, *beroep.verborgen)):
            norm = normaliseer(tekst)
            if not norm or norm in gezien:
                continue
            gezien.add(norm)
            labels.append(Zoeklabel(tekst, norm, beroep.code, voorkeur=i == 0))
            exact[norm].add(beroep.code)
    return Taxonomie(
        beroepen=beroepen,
        vaardigheden=_vaardigheden(),
        per_isco={k: frozenset(v) for k, v in per_isco.items()},
        labels=tuple(labels),
        exact={k: frozenset(v) for k, v in exact.items()},
    )
