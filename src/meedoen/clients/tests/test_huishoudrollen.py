"""One rule for who in a resident's household is partner, child or housemate (docs/rules.md):
the resident is the applicant whatever their role; the other member of the couple (role
aanvrager or partner) is the partner; a kind under 18 on the first day of the month is a child;
everyone else is a housemate."""

import datetime as dt

import pytest

from meedoen.clients.huishoudrollen import huishoudrollen, is_kind_ten_laste
from meedoen.clients.models import HuishoudRol
from meedoen.rules.situation import SituationError, parse_situation
from meedoen.testing.factories import HuishoudenFactory, LidmaatschapFactory

pytestmark = pytest.mark.django_db


def _lid(huishouden, rol, geboren):
    return LidmaatschapFactory(huishouden=huishouden, rol=rol, persoon__geboortedatum=geboren)


@pytest.fixture
def huishouden(tenant_a):
    return HuishoudenFactory(gemeente=tenant_a.gemeente)


def _personen(leden):
    return [lid.persoon for lid in leden]


def test_a_resident_in_the_role_partner_has_the_aanvrager_as_partner(huishouden):
    aanvrager = _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1980, 1, 1))
    bewoner = _lid(huishouden, HuishoudRol.PARTNER, dt.date(1982, 2, 2))

    rollen = huishoudrollen(persoon=bewoner.persoon, leden=[aanvrager, bewoner], periode="2026-01")

    assert rollen.partner == aanvrager
    assert rollen.kinderen == () and rollen.medebewoners == ()


def test_a_resident_in_the_role_aanvrager_has_the_partner_as_partner(huishouden):
    bewoner = _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1980, 1, 1))
    partner = _lid(huishouden, HuishoudRol.PARTNER, dt.date(1982, 2, 2))

    rollen = huishoudrollen(persoon=bewoner.persoon, leden=[bewoner, partner], periode="2026-01")

    assert rollen.partner == partner
    assert rollen.medebewoners == ()


def test_a_kind_who_turns_18_on_the_2nd_is_a_child_that_month_and_a_housemate_the_next(
    huishouden,
):
    bewoner = _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1980, 1, 1))
    kind = _lid(huishouden, HuishoudRol.KIND, dt.date(2008, 1, 2))  # 18 on 2 January 2026
    leden = [bewoner, kind]

    januari = huishoudrollen(persoon=bewoner.persoon, leden=leden, periode="2026-01")
    februari = huishoudrollen(persoon=bewoner.persoon, leden=leden, periode="2026-02")

    assert januari.kinderen == (kind,) and januari.medebewoners == ()
    assert februari.kinderen == () and februari.medebewoners == (kind,)


def test_a_kind_who_turns_18_on_the_1st_is_a_housemate_from_that_month(huishouden):
    bewoner = _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1980, 1, 1))
    kind = _lid(huishouden, HuishoudRol.KIND, dt.date(2008, 1, 1))  # 18 on 1 January 2026
    leden = [bewoner, kind]

    december = huishoudrollen(persoon=bewoner.persoon, leden=leden, periode="2025-12")
    januari = huishoudrollen(persoon=bewoner.persoon, leden=leden, periode="2026-01")

    assert december.kinderen == (kind,)
    assert januari.kinderen == () and januari.medebewoners == (kind,)


def test_an_18_year_old_kind_and_every_medebewoner_are_housemates(huishouden):
    bewoner = _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1980, 1, 1))
    volwassen_kind = _lid(huishouden, HuishoudRol.KIND, dt.date(2007, 6, 1))  # 18 in 2026-01
    jong_kind = _lid(huishouden, HuishoudRol.KIND, dt.date(2015, 3, 1))
    medebewoner = _lid(huishouden, HuishoudRol.MEDEBEWONER, dt.date(1960, 2, 1))
    jonge_medebewoner = _lid(huishouden, HuishoudRol.MEDEBEWONER, dt.date(2012, 2, 1))

    rollen = huishoudrollen(
        persoon=bewoner.persoon,
        leden=[bewoner, volwassen_kind, jong_kind, medebewoner, jonge_medebewoner],
        periode="2026-01",
    )

    assert rollen.partner is None
    assert rollen.kinderen == (jong_kind,)
    assert rollen.medebewoners == (volwassen_kind, medebewoner, jonge_medebewoner)


def test_without_a_period_every_kind_is_kept_as_a_child(huishouden):
    bewoner = _lid(huishouden, HuishoudRol.PARTNER, dt.date(1980, 1, 1))
    aanvrager = _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1981, 1, 1))
    volwassen_kind = _lid(huishouden, HuishoudRol.KIND, dt.date(2000, 6, 1))

    rollen = huishoudrollen(
        persoon=bewoner.persoon, leden=[aanvrager, bewoner, volwassen_kind], periode=None
    )

    assert rollen.partner == aanvrager
    assert rollen.kinderen == (volwassen_kind,)


def test_an_adult_kind_who_applies_has_no_partner_or_children_in_the_parents_household(
    huishouden,
):
    # The couple's roles describe the parents: for their adult child the parents and the
    # younger brother are housemates (the parents are kostendelers), never a partner or a
    # child ten laste.
    vader = _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1965, 1, 1))
    moeder = _lid(huishouden, HuishoudRol.PARTNER, dt.date(1966, 1, 1))
    bewoner = _lid(huishouden, HuishoudRol.KIND, dt.date(1998, 1, 1))
    broer = _lid(huishouden, HuishoudRol.KIND, dt.date(2012, 1, 1))

    rollen = huishoudrollen(
        persoon=bewoner.persoon, leden=[vader, moeder, bewoner, broer], periode="2026-01"
    )

    assert rollen.partner is None
    assert rollen.kinderen == ()
    assert rollen.medebewoners == (vader, moeder, broer)


def test_a_lodger_who_applies_has_the_couple_as_housemates(huishouden):
    aanvrager = _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1970, 1, 1))
    partner = _lid(huishouden, HuishoudRol.PARTNER, dt.date(1971, 1, 1))
    bewoner = _lid(huishouden, HuishoudRol.MEDEBEWONER, dt.date(1990, 1, 1))

    rollen = huishoudrollen(
        persoon=bewoner.persoon, leden=[aanvrager, partner, bewoner], periode="2026-01"
    )

    assert rollen.partner is None
    assert _personen(rollen.medebewoners) == [aanvrager.persoon, partner.persoon]


def test_a_second_adult_of_the_couple_is_not_dropped(huishouden):
    # Inconsistent data (two members in the role partner) must not make anyone disappear.
    bewoner = _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1980, 1, 1))
    eerste = _lid(huishouden, HuishoudRol.PARTNER, dt.date(1981, 1, 1))
    tweede = _lid(huishouden, HuishoudRol.PARTNER, dt.date(1982, 1, 1))

    rollen = huishoudrollen(
        persoon=bewoner.persoon, leden=[bewoner, eerste, tweede], periode="2026-01"
    )

    assert rollen.partner == eerste
    assert rollen.medebewoners == (tweede,)


@pytest.mark.parametrize(
    ("geboren", "periode"),
    [
        (dt.date(2008, 1, 1), "2025-12"),
        (dt.date(2008, 1, 1), "2026-01"),
        (dt.date(2008, 1, 2), "2026-01"),
        (dt.date(2008, 1, 2), "2026-02"),
        (dt.date(2007, 12, 31), "2025-12"),
        (dt.date(2007, 12, 31), "2026-01"),
        # Born on 29 February: in a common year the engine counts the birthday from 1 March.
        (dt.date(2008, 2, 29), "2026-02"),
        (dt.date(2008, 2, 29), "2026-03"),
    ],
)
def test_a_child_is_a_child_exactly_when_the_engine_accepts_it_as_one(geboren, periode):
    situatie = {
        "period": periode,
        "applicant": {"birth_date": "1980-01-01"},
        "children": [{"birth_date": geboren.isoformat()}],
    }
    try:
        parse_situation(situatie)
        engine_kind = True
    except SituationError as exc:
        assert set(exc.errors) == {"children.0.birth_date"}
        engine_kind = False

    assert is_kind_ten_laste(geboren, periode) is engine_kind


def test_a_period_that_is_not_a_month_is_refused():
    with pytest.raises(ValueError):
        is_kind_ten_laste(dt.date(2008, 1, 1), "2026-13")
