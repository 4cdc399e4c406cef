"""Allocation: capacity and travel limits hold, and the proposal is optimal — checked against
brute force (every possible assignment) on small cases."""

import itertools
import random

import pytest

from meedoen.werk.matching import (
    Kandidaat,
    Vacature,
    alloceer,
    alloceer_paren,
    score_paar,
)
from meedoen.werk.matching.afstand import afstand_km
from meedoen.werk.matching.allocatie import tienden
from meedoen.werk.matching.tests.voorbeeld import (
    HEFTRUCK,
    MAGAZIJN,
    VERWANTSCHAP,
    bewoners,
    heftruck_vacature,
    noord,
)


def test_greedy_is_not_optimal_but_the_allocation_is():
    # X likes P most (90) but Y needs P (85) and is poor at Q (10).
    # Greedy: X→P 90 + Y→Q 10 = 100. Optimal: X→Q 80 + Y→P 85 = 165.
    paren = [("X", "P", 90.0), ("X", "Q", 80.0), ("Y", "P", 85.0), ("Y", "Q", 10.0)]
    a = alloceer_paren(paren, {"P": 1, "Q": 1}, min_score=0)
    assert {(t.kandidaat_id, t.vacature_id) for t in a.toewijzingen} == {("X", "Q"), ("Y", "P")}
    assert a.totaal_score == 165.0


def test_capacity_is_respected_and_the_rest_stays_without_a_place():
    # Three residents want P (capacity 2) and nothing else: the best two get it.
    paren = [("a", "P", 70.0), ("b", "P", 90.0), ("c", "P", 80.0)]
    a = alloceer_paren(paren, {"P": 2}, min_score=0)
    assert sorted(t.kandidaat_id for t in a.toewijzingen) == ["b", "c"]
    assert a.niet_geplaatst == ("a",)
    assert a.open_plaatsen == {"P": 0}
    assert a.totaal_score == 170.0


def test_pairs_under_the_minimum_score_are_not_used():
    a = alloceer_paren([("a", "P", 39.9), ("b", "Q", 40.0)], {"P": 1, "Q": 1}, min_score=40)
    assert [(t.kandidaat_id, t.vacature_id) for t in a.toewijzingen] == [("b", "Q")]
    assert a.niet_geplaatst == ("a",)
    assert a.open_plaatsen == {"P": 1, "Q": 0}


def test_the_forklift_market_fills_both_places_with_the_best_two():
    # Two places; scores from test_score: ervaren 83.2, verwant 72.0, ver-weg 70.7; nogo and
    # buiten-straal are not allowed at all.
    a = alloceer(bewoners(), [heftruck_vacature()], verwantschap=VERWANTSCHAP, min_score=0)
    assert sorted((t.kandidaat_id, t.score) for t in a.toewijzingen) == [
        ("ervaren", 83.2),
        ("verwant", 72.0),
    ]
    assert a.totaal_score == 155.2
    assert set(a.niet_geplaatst) == {"ver-weg", "nogo", "buiten-straal"}
    assert a.bewezen_optimaal


def _willekeurige_markt(rng: random.Random, n_k: int = 5, n_p: int = 3):
    codes = [HEFTRUCK, MAGAZIJN, "5120.1", "9112.1"]
    skills = ["heftruckcertificaat", "magazijnbeheer", "vca", "haccp"]
    kandidaten = [
        Kandidaat(
            id=f"k{i}",
            beroepen={c: rng.choice([0, 1, 3, 7]) for c in rng.sample(codes, rng.randint(0, 2))},
            vaardigheden=frozenset(rng.sample(skills, rng.randint(0, 4))),
            opleidingsniveau=rng.randint(0, 8),
            uren_per_week=rng.choice([8, 20, 32, 40]),
            locatie=noord(rng.uniform(0, 30)),
            reisafstand_km=rng.choice([5, 15, 30]),
            rijbewijs=rng.random() < 0.5,
            nogos=frozenset(rng.sample(codes, rng.randint(0, 1))),
        )
        for i in range(n_k)
    ]
    plaatsen = [
        Vacature(
            id=f"p{j}",
            beroep=rng.choice(codes),
            vaardigheden_vereist=frozenset(rng.sample(skills, rng.randint(0, 2))),
            opleidingsniveau_min=rng.randint(0, 5),
            uren_per_week=rng.choice([8, 20, 32]),
            locatie=noord(rng.uniform(0, 30)),
            rijbewijs_nodig=rng.random() < 0.2,
            plaatsen=rng.randint(1, 2),
        )
        for j in range(n_p)
    ]
    return kandidaten, plaatsen


def _brute_force(kandidaten, plaatsen, min_score):
    """The best total over every assignment (each resident: one of the places or none)."""
    toegestaan = {}
    for k in kandidaten:
        for p in plaatsen:
            m = score_paar(k, p, None, VERWANTSCHAP)
            if m is not None and m.score >= min_score:
                toegestaan[k.id, p.id] = tienden(m.score)
    beste = 0
    for keuze in itertools.product([None, *plaatsen], repeat=len(kandidaten)):
        bezet: dict[str, int] = {}
        totaal = 0
        for k, p in zip(kandidaten, keuze, strict=True):
            if p is None:
                continue
            if (k.id, p.id) not in toegestaan:
                break
            bezet[p.id] = bezet.get(p.id, 0) + 1
            if bezet[p.id] > p.plaatsen:
                break
            totaal += toegestaan[k.id, p.id]
        else:
            beste = max(beste, totaal)
    return beste, toegestaan


@pytest.mark.parametrize("seed", range(40))
def test_optimal_on_small_cases_by_brute_force(seed):
    rng = random.Random(seed)
    kandidaten, plaatsen = _willekeurige_markt(rng)
    min_score = rng.choice([0, 40, 55])
    beste, toegestaan = _brute_force(kandidaten, plaatsen, min_score)
    per_id = {k.id: k for k in kandidaten}
    per_plaats = {p.id: p for p in plaatsen}
    for top_n in (1, 2, 20):  # 1 and 2 restrict the network: the duals must repair it
        a = alloceer(kandidaten, plaatsen, None, VERWANTSCHAP, min_score=min_score, top_n=top_n)
        assert tienden(a.totaal_score) == beste
        assert a.bewezen_optimaal
        # Constraints: allowed pairs only (radius, no-go, minimum score), capacity, one place.
        for t in a.toewijzingen:
            assert (t.kandidaat_id, t.vacature_id) in toegestaan
            k, p = per_id[t.kandidaat_id], per_plaats[t.vacature_id]
            assert afstand_km(k.locatie, p.locatie) <= k.reisafstand_km
        bezet = [t.vacature_id for t in a.toewijzingen]
        assert all(bezet.count(p.id) <= p.plaatsen for p in plaatsen)
        assert len({t.kandidaat_id for t in a.toewijzingen}) == len(a.toewijzingen)
        assert a.geplaatst + len(a.niet_geplaatst) == len(kandidaten)


@pytest.mark.parametrize("seed", range(10))
def test_the_restricted_network_gives_the_full_optimum(seed):
    # Larger than brute force allows: compare top_n = 1 (with the dual check) to the full
    # network (every allowed pair).
    rng = random.Random(1000 + seed)
    kandidaten, plaatsen = _willekeurige_markt(rng, n_k=40, n_p=12)
    volledig = alloceer(kandidaten, plaatsen, None, VERWANTSCHAP, top_n=len(plaatsen))
    beperkt = alloceer(kandidaten, plaatsen, None, VERWANTSCHAP, top_n=1)
    assert beperkt.totaal_score == volledig.totaal_score
    assert beperkt.bewezen_optimaal and volledig.bewezen_optimaal
    assert volledig.rondes == 1  # nothing left out, nothing to add


def test_a_place_without_capacity_is_not_used():
    k = Kandidaat("k", locatie=noord(1))
    a = alloceer([k], [Vacature("vol", HEFTRUCK, locatie=noord(1), plaatsen=0)], min_score=0)
    assert a.toewijzingen == ()
    assert a.niet_geplaatst == ("k",)


def test_nobody_or_nothing_to_allocate():
    assert alloceer([], [heftruck_vacature()]).toewijzingen == ()
    assert alloceer([Kandidaat("k")], []).niet_geplaatst == ("k",)
    assert alloceer_paren([], {}).toewijzingen == ()


def test_a_negative_minimum_score_is_refused():
    with pytest.raises(ValueError):
        alloceer([Kandidaat("k")], [heftruck_vacature()], min_score=-1)


def test_the_result_holds_plain_python_values():
    a = alloceer([Kandidaat("k", locatie=noord(1))], [heftruck_vacature()], min_score=0)
    (t,) = a.toewijzingen
    assert type(t.score) is float and type(a.totaal_score) is float
    assert all(type(n) is int for n in a.open_plaatsen.values())
