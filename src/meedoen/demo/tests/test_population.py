"""The synthetic population itself: deterministic per seed, valid BSNs, plausible ages."""

import datetime as dt

from stdnum.nl import bsn as stdnum_bsn

from meedoen.clients.models import HuishoudRol
from meedoen.demo.population import AOW_LEEFTIJD, bevolking, leeftijd_op
from meedoen.demo.woonplaatsen import DEMO_GEMEENTEN

PEILDATUM = dt.date(2026, 1, 1)


def _personen(aantal, seed):
    return [
        lid.persoon
        for h in bevolking(aantal=aantal, seed=seed, peildatum=PEILDATUM)
        for lid in h.leden
    ]


def _vingerafdruk(aantal, seed):
    """Names, BSNs and birth dates of the people, and who lives with whom in which role."""
    return [
        (
            h.gemeente_code,
            tuple(
                (
                    lid.rol,
                    lid.van,
                    lid.tot,
                    lid.persoon.voornamen,
                    lid.persoon.achternaam,
                    lid.persoon.bsn,
                    lid.persoon.geboortedatum,
                )
                for lid in h.leden
            ),
        )
        for h in bevolking(aantal=aantal, seed=seed, peildatum=PEILDATUM)
    ]


def test_same_seed_gives_the_same_people_and_households():
    assert _vingerafdruk(400, seed=7) == _vingerafdruk(400, seed=7)


def test_a_different_seed_gives_different_people():
    een = {p.bsn for p in _personen(400, seed=7)}
    ander = {p.bsn for p in _personen(400, seed=8)}
    assert len(een & ander) < 10


def test_the_number_of_residents_is_exact_and_a_larger_number_only_adds():
    klein = _personen(301, seed=3)
    groot = _personen(600, seed=3)
    assert len(klein) == 301
    assert len(groot) == 600
    assert [p.id for p in groot[:301]] == [p.id for p in klein]


def test_every_bsn_passes_the_elfproef_and_is_unique():
    bsns = [p.bsn for p in _personen(3000, seed=1)]
    assert all(stdnum_bsn.is_valid(b) and len(b) == 9 for b in bsns)
    assert len(set(bsns)) == len(bsns)


def test_ages_fit_the_roles():
    leden = [lid for h in bevolking(aantal=3000, seed=2, peildatum=PEILDATUM) for lid in h.leden]
    leeftijd = {lid.id: leeftijd_op(lid.persoon.geboortedatum, PEILDATUM) for lid in leden}
    aanvragers = [lid for lid in leden if lid.rol == HuishoudRol.AANVRAGER]
    huidige_kinderen = [lid for lid in leden if lid.rol == HuishoudRol.KIND and lid.tot is None]
    assert all(leeftijd[lid.id] >= 18 for lid in aanvragers)
    assert all(leeftijd[lid.id] < 18 for lid in huidige_kinderen)
    jongeren = sum(18 <= leeftijd[lid.id] <= 20 for lid in aanvragers) / len(aanvragers)
    aow = sum(leeftijd[lid.id] >= AOW_LEEFTIJD for lid in aanvragers) / len(aanvragers)
    assert 0.02 <= jongeren <= 0.07
    assert 0.01 <= aow <= 0.06
    # A membership never starts before birth and never ends before it starts.
    assert all(lid.van >= lid.persoon.geboortedatum for lid in leden)
    assert all(lid.tot is None or lid.tot > lid.van for lid in leden)
    assert all(lid.van <= PEILDATUM for lid in leden)


def test_addresses_use_the_gemeente_s_own_places_and_postcodes():
    plaatsen = {g.code: {w.naam: w for w in g.woonplaatsen} for g in DEMO_GEMEENTEN}
    for h in bevolking(aantal=1000, seed=4, peildatum=PEILDATUM):
        for lid in h.leden:
            adres = lid.persoon.adres
            woonplaats = plaatsen[h.gemeente_code][adres.woonplaats]
            assert woonplaats.pc4_van <= int(adres.postcode[:4]) <= woonplaats.pc4_tot
            assert adres.postcode[4] == " " and adres.postcode[5:].isupper()


def test_some_names_have_tussenvoegsels_and_diacritics():
    personen = _personen(2000, seed=1)
    assert sum(bool(p.tussenvoegsel) for p in personen) / len(personen) > 0.15
    assert sum(not p.achternaam.isascii() for p in personen) / len(personen) > 0.02
    assert sum(not p.voornamen.isascii() for p in personen) / len(personen) > 0.02
