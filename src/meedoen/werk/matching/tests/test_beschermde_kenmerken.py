"""Protected attributes are not inputs of the engine: it cannot use what it is never given.

(The Django-level test that changing them on a resident never changes a score belongs to the
code that turns a resident into a `Kandidaat`.)"""

import dataclasses
import inspect

import pytest

from meedoen.werk.matching import (
    Gewichten,
    Kandidaat,
    alloceer,
    rangschik,
    score_paar,
    top_kandidaten,
    top_vacatures,
)

BESCHERMD = (
    "nationaliteit",
    "nationality",
    "etniciteit",
    "ethnicity",
    "afkomst",
    "herkomst",
    "origin",
    "geboorteland",
    "religie",
    "religion",
    "geloof",
    "geslacht",
    "gender",
    "sekse",
    "sex",
    "leeftijd",
    "age",
    "geboortedatum",
    "birth",
    "geboren",
)


def _verdacht(naam: str) -> bool:
    delen = naam.lower().split("_")
    return any(b in delen or naam.lower().startswith(b) for b in BESCHERMD)


def test_a_candidate_has_no_protected_field():
    velden = [f.name for f in dataclasses.fields(Kandidaat)]
    assert velden  # the check below is about real fields
    assert [v for v in velden if _verdacht(v)] == []


def test_the_check_would_catch_a_protected_field():
    # Guard against a check that cannot fail.
    assert _verdacht("geboortedatum")
    assert _verdacht("age")
    assert _verdacht("land_van_herkomst")
    assert not _verdacht("opleidingsniveau")
    assert not _verdacht("wensen_beroepen")


@pytest.mark.parametrize("naam", ["geslacht", "nationaliteit", "geboortedatum", "religie"])
def test_a_protected_attribute_cannot_be_passed_in(naam):
    with pytest.raises(TypeError):
        Kandidaat(id="k1", **{naam: "x"})


def test_no_entry_point_takes_a_protected_parameter():
    for functie in (score_paar, rangschik, top_vacatures, top_kandidaten, alloceer):
        parameters = inspect.signature(functie).parameters
        assert [p for p in parameters if _verdacht(p)] == [], functie.__name__
    assert [f.name for f in dataclasses.fields(Gewichten) if _verdacht(f.name)] == []
