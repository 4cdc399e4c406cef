"""One normal form for job titles, so that "Schoonmaakster", "schoonmaak-ster (m/v)" and the
taxonomy's "schoonmaakster" compare equal: lowercase, diacritics folded, punctuation removed and
feminine forms folded to one form. Applied to the query and to every label alike, so a rule only
has to be consistent, not linguistically perfect."""

import re
import unicodedata

_MV = re.compile(r"\(?\b[mv](\s*/\s*[mvxd])+\b\)?")
_NIET_LETTER = re.compile(r"[^a-z0-9 ]+")
# (pattern, replacement) on whole words; order matters.
_VROUWELIJK = (
    # medewerkster -> medewerker, bestuurster -> bestuurder is left to fuzzy matching; a vowel
    # before -ster (meester, zuster) is not a feminine ending.
    (re.compile(r"^(\w{3,}[^aeiou\s])ster$"), r"\1er"),
    (re.compile(r"^(\w{3,})trice$"), r"\1teur"),  # inspectrice -> inspecteur
    (re.compile(r"^(\w{3,})euse$"), r"\1eur"),  # monteuse -> monteur
    (re.compile(r"^(\w{3,})iere$"), r"\1ier"),  # caissiere -> caissier
    (re.compile(r"^(\w{3,})eres$"), r"\1er"),  # zangeres -> zanger
    (re.compile(r"^(\w{3,}[ae]nt)e$"), r"\1"),  # assistente -> assistent
)


def zonder_accenten(tekst: str) -> str:
    if tekst.isascii():
        return tekst
    return "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))


_EINDES = ("ster", "trice", "euse", "iere", "eres", "nte")


def _woord(woord: str) -> str:
    if not woord.endswith(_EINDES):  # most words: skip the regular expressions
        return woord
    for patroon, vervanging in _VROUWELIJK:
        nieuw = patroon.sub(vervanging, woord)
        if nieuw != woord:
            return nieuw
    return woord


def normaliseer(tekst: str) -> str:
    tekst = zonder_accenten(tekst.lower())
    tekst = _MV.sub(" ", tekst)
    # Dutch writes compounds as one word: "heftruck-chauffeur" is "heftruckchauffeur".
    tekst = tekst.replace("-", "")
    tekst = _NIET_LETTER.sub(" ", tekst)
    return " ".join(_woord(w) for w in tekst.split())
