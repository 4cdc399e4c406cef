"""Reasons in words, Dutch (B1) and English."""

import inspect
import re

import pytest

from meedoen.werk.matching import Reden, reden_tekst, score
from meedoen.werk.matching.teksten import REDEN_CODES

LABELS = {
    "8344.1": "heftruckchauffeur",
    "9333.1": "magazijnmedewerker",
    "s1": "heftruckcertificaat",
}


@pytest.mark.parametrize(
    ("reden", "nl", "en"),
    [
        (
            Reden.maak("ervaring", beroep="8344.1", jaren=3.0, punten=25.2),
            "ervaring als heftruckchauffeur (3 jaar)",
            "experience as heftruckchauffeur (3 years)",
        ),
        (
            Reden.maak("ervaring", beroep="8344.1", jaren=1.0, punten=19.2),
            "ervaring als heftruckchauffeur (1 jaar)",
            "experience as heftruckchauffeur (1 year)",
        ),
        (
            Reden.maak("ervaring", beroep="8344.1", jaren=2.5, punten=24.0),
            "ervaring als heftruckchauffeur (2,5 jaar)",
            "experience as heftruckchauffeur (2.5 years)",
        ),
        (
            Reden.maak("verwant_beroep", beroep="8344.1", via="9333.1", jaren=4.0, punten=15.0),
            "ervaring als magazijnmedewerker, dat lijkt op heftruckchauffeur",
            "experience as magazijnmedewerker, which is similar to heftruckchauffeur",
        ),
        (
            Reden.maak("mist_vaardigheid", vaardigheid="s1"),
            "mist: heftruckcertificaat",
            "missing: heftruckcertificaat",
        ),
        (Reden.maak("afstand_km", km=12, punten=3.0), "12 km", "12 km"),
        (Reden.maak("afstand_km", km=0, punten=15.0), "minder dan 1 km", "less than 1 km"),
        (
            Reden.maak("uren", kandidaat=20, vacature=32, punten=6.2),
            "kan 20 uur per week werken, de baan is 32 uur",
            "can work 20 hours a week, the job is 32 hours",
        ),
        (
            Reden.maak("opleiding", voldoet=False, niveau=2, minimum=6, punten=0.0),
            "opleiding lager dan gevraagd (hbo)",
            "education below the level asked for (hbo (higher professional education))",
        ),
        (Reden.maak("mist_rijbewijs", factor=0.5), "mist: rijbewijs", "missing: driving licence"),
        (
            Reden.maak("vaardigheden", heeft=0, van=0, punten=25.0),
            "geen vaardigheden gevraagd",
            "no skills asked for",
        ),
    ],
)
def test_reasons_read_as_short_sentences(reden, nl, en):
    assert reden_tekst(reden, LABELS) == nl
    assert reden_tekst(reden, LABELS, lang="en") == en


def test_a_code_without_a_label_is_shown_as_is():
    assert reden_tekst(Reden.maak("wens", beroep="1234.5", punten=10.0)) == (
        "wil graag werken als 1234.5"
    )


def test_every_reason_the_engine_gives_has_words():
    bron = inspect.getsource(score)
    gebruikt = set(re.findall(r'Reden(?:\.maak)?\(\s*"(\w+)"', bron))
    assert {"ervaring", "mist_vaardigheid", "afstand_km", "nogo"} <= gebruikt  # found them
    assert gebruikt <= REDEN_CODES


def test_unknown_code_or_language_is_an_error():
    with pytest.raises(ValueError):
        reden_tekst(Reden.maak("onbekend"))
    with pytest.raises(ValueError):
        reden_tekst(Reden.maak("afstand_km", km=1), lang="de")
