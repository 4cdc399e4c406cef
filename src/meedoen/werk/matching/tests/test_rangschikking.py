"""The vectorised ranking equals the plain-Python pair reference, pair by pair and list by
list, whatever the block size, the thread count or where on earth the people are."""

import math

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meedoen.werk.matching import (
    Gewichten,
    Kandidaat,
    Vacature,
    rangschik,
    ruwe_score,
    score_matrix,
    score_paar,
)

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CODES = ["b0", "b1", "b2", "b3", "b4"]
SKILLS = ["s0", "s1", "s2", "s3", "s4", "s5"]
codes = st.frozensets(st.sampled_from(CODES), max_size=2)
skills = st.frozensets(st.sampled_from(SKILLS), max_size=4)
uren = st.sampled_from([0, 8, 16, 20, 32, 36, 40])
niveau = st.integers(0, 8)


def _locatie(wereld: bool):
    if wereld:
        punt = st.tuples(st.floats(-90, 90), st.floats(-180, 180))
    else:  # a small region, so that radii cut through it
        punt = st.tuples(st.floats(52.0, 52.4), st.floats(5.9, 6.4))
    return st.one_of(st.none(), punt, punt, punt)


@st.composite
def markt(draw, wereld: bool = False):
    stralen = [0, 100, 2_000, 8_000, 20_000] if wereld else [0, 1, 5, 10, 20, 40]
    n_k = draw(st.integers(0, 12))
    n_v = draw(st.integers(0, 12))
    kandidaten = [
        Kandidaat(
            id=f"k{i}",
            beroepen=draw(st.dictionaries(st.sampled_from(CODES), st.sampled_from([0, 0.5, 3, 9]))),
            vaardigheden=draw(skills),
            opleidingsniveau=draw(niveau),
            uren_per_week=draw(uren),
            locatie=draw(_locatie(wereld)),
            reisafstand_km=draw(st.sampled_from(stralen)),
            rijbewijs=draw(st.booleans()),
            wensen_beroepen=draw(codes),
            nogos=draw(codes),
        )
        for i in range(n_k)
    ]
    vacatures = [
        Vacature(
            id=f"v{j}",
            beroep=draw(st.sampled_from(CODES)),
            vaardigheden_vereist=draw(skills),
            vaardigheden_gewenst=draw(skills),
            opleidingsniveau_min=draw(niveau),
            uren_per_week=draw(uren),
            locatie=draw(_locatie(wereld)),
            rijbewijs_nodig=draw(st.booleans()),
        )
        for j in range(n_v)
    ]
    verwantschap = draw(st.dictionaries(st.sampled_from(CODES), codes, max_size=3))
    gewichten = Gewichten()
    if draw(st.booleans()):  # weights as a gemeente might tune them
        waarden = draw(st.lists(st.floats(0, 50), min_size=7, max_size=7))
        if sum(waarden) > 0:
            gewichten = Gewichten(*waarden)
    return kandidaten, vacatures, verwantschap, gewichten


def _verwacht(kandidaten, vacatures, verwantschap, g, k):
    """Brute force with the reference: every pair, sorted by (score desc, input order)."""
    scores = {
        (i, j): ruwe_score(kd, v, g, verwantschap)
        for i, kd in enumerate(kandidaten)
        for j, v in enumerate(vacatures)
    }
    per_k = {
        kd.id: [
            vacatures[j].id
            for _, j in sorted(
                (-s, j) for (i2, j), s in scores.items() if i2 == i and s is not None
            )
        ][:k]
        for i, kd in enumerate(kandidaten)
    }
    per_v = {
        v.id: [
            kandidaten[i].id
            for _, i in sorted(
                (-s, i) for (i, j2), s in scores.items() if j2 == j and s is not None
            )
        ][:k]
        for j, v in enumerate(vacatures)
    }
    return per_k, per_v


@SETTINGS
@given(markt())
def test_vectorised_scores_equal_the_reference_bit_for_bit(gegeven):
    kandidaten, vacatures, verwantschap, g = gegeven
    matrix = score_matrix(kandidaten, vacatures, g, verwantschap)
    for i, kd in enumerate(kandidaten):
        for j, v in enumerate(vacatures):
            verwacht = ruwe_score(kd, v, g, verwantschap)
            if verwacht is None:
                assert matrix[i, j] == -math.inf
            else:
                assert matrix[i, j] == verwacht  # exactly the same float


@SETTINGS
@given(markt(), st.integers(1, 4), st.sampled_from([1, 7, 1 << 20]), st.sampled_from([1, 2]))
def test_top_k_both_ways_equals_brute_force(gegeven, k, max_paren, draden):
    kandidaten, vacatures, verwantschap, g = gegeven
    r = rangschik(kandidaten, vacatures, g, verwantschap, k=k, max_paren=max_paren, draden=draden)
    per_k, per_v = _verwacht(kandidaten, vacatures, verwantschap, g, k)
    assert {kid: [m.vacature_id for m in ms] for kid, ms in r.per_kandidaat.items()} == per_k
    assert {vid: [m.kandidaat_id for m in ms] for vid, ms in r.per_vacature.items()} == per_v


@SETTINGS
@given(markt(wereld=True), st.sampled_from([1, 5, 1 << 20]))
def test_the_grid_never_skips_a_pair_anywhere_on_earth(gegeven, max_paren):
    # Poles, the 180° meridian, radii of thousands of km: the grid only skips pairs that are
    # beyond the radius anyway.
    kandidaten, vacatures, verwantschap, g = gegeven
    r = rangschik(kandidaten, vacatures, g, verwantschap, k=3, max_paren=max_paren)
    per_k, per_v = _verwacht(kandidaten, vacatures, verwantschap, g, 3)
    assert {kid: [m.vacature_id for m in ms] for kid, ms in r.per_kandidaat.items()} == per_k
    assert {vid: [m.kandidaat_id for m in ms] for vid, ms in r.per_vacature.items()} == per_v


@SETTINGS
@given(markt())
def test_the_matches_carry_the_reference_score_and_reasons(gegeven):
    kandidaten, vacatures, verwantschap, g = gegeven
    r = rangschik(kandidaten, vacatures, g, verwantschap, k=2)
    per_id_k = {kd.id: kd for kd in kandidaten}
    per_id_v = {v.id: v for v in vacatures}
    for ms in [*r.per_kandidaat.values(), *r.per_vacature.values()]:
        for m in ms:
            assert m == score_paar(
                per_id_k[m.kandidaat_id], per_id_v[m.vacature_id], g, verwantschap
            )


def test_ties_are_broken_by_input_order():
    # Identical vacancies score the same for everyone: the first ones given come first.
    vacatures = [Vacature(f"v{j}", "b0", locatie=None) for j in range(30)]
    kandidaten = [Kandidaat(f"k{i}", locatie=(52.0, 6.0)) for i in range(30)]
    r = rangschik(kandidaten, vacatures, k=3, max_paren=50)
    assert [m.vacature_id for m in r.per_kandidaat["k7"]] == ["v0", "v1", "v2"]
    assert [m.kandidaat_id for m in r.per_vacature["v9"]] == ["k0", "k1", "k2"]


def test_without_reasons_the_scores_are_the_same():
    kandidaten = [
        Kandidaat(f"k{i}", uren_per_week=8 * i, locatie=(52.0 + i / 100, 6.0)) for i in range(6)
    ]
    vacatures = [
        Vacature(f"v{j}", "b0", uren_per_week=8 * j, locatie=(52.0, 6.0)) for j in range(6)
    ]
    met = rangschik(kandidaten, vacatures, k=3)
    zonder = rangschik(kandidaten, vacatures, k=3, met_redenen=False)
    for kid in met.per_kandidaat:
        assert [(m.vacature_id, m.score) for m in met.per_kandidaat[kid]] == [
            (m.vacature_id, m.score) for m in zonder.per_kandidaat[kid]
        ]
        assert all(m.redenen == () for m in zonder.per_kandidaat[kid])


def test_duplicate_ids_are_refused():
    import pytest

    with pytest.raises(ValueError, match="id"):
        rangschik([Kandidaat("a"), Kandidaat("a")], [])


def test_score_matrix_marks_excluded_pairs():
    k = Kandidaat("k", locatie=(52.0, 6.0), reisafstand_km=5, nogos={"b1"})
    vacatures = [
        Vacature("dichtbij", "b0", locatie=(52.0, 6.0)),
        Vacature("nogo", "b1", locatie=(52.0, 6.0)),
        Vacature("ver", "b0", locatie=(53.0, 6.0)),
    ]
    matrix = score_matrix([k], vacatures)
    assert np.isfinite(matrix[0, 0])
    assert matrix[0, 1] == -math.inf and matrix[0, 2] == -math.inf
