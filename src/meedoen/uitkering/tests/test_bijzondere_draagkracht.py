"""The draagkracht calculation against hand-computed examples. All amounts in eurocent;
percentages round half a cent up. The norm € 1.345,45 is art. 21 a on 2025-01-01."""

import pytest

from meedoen.uitkering.bijzondere.draagkracht import (
    Draagkrachtbeleid,
    bereken_draagkracht,
    percentage_van,
)

STANDAARD = Draagkrachtbeleid(voet_percentage=100, draagkracht_percentage=50, periode_maanden=12)


def test_income_above_the_voet_can_pay_the_costs():
    # voet = 100% x 1.345,45 = 1.345,45; income 1.500,00 -> 154,55 above the voet;
    # 50% = 77,275 -> 77,28 a month; x 12 = 927,36 >= costs 450,00 -> nothing granted.
    uitkomst = bereken_draagkracht(
        inkomen_cent=150000,
        norm_cent=134545,
        kosten_cent=45000,
        maximum_cent=None,
        beleid=STANDAARD,
    )
    assert (uitkomst.voet_cent, uitkomst.boven_voet_cent) == (134545, 15455)
    assert (uitkomst.per_maand_cent, uitkomst.over_periode_cent) == (7728, 92736)
    assert uitkomst.toekenning_cent == 0
    assert "Het huishouden kan deze kosten zelf betalen" in uitkomst.stappen[-1]["tekst"]


def test_a_higher_voet_and_the_category_maximum():
    # voet = 110% x 1.345,45 = 1.479,995 -> 1.480,00; income 1.500,00 -> 20,00 above;
    # 50% = 10,00 a month; x 12 = 120,00. Costs 450,00 but at most 400,00 for this category:
    # granted 400,00 - 120,00 = 280,00.
    beleid = Draagkrachtbeleid(voet_percentage=110, draagkracht_percentage=50, periode_maanden=12)
    uitkomst = bereken_draagkracht(
        inkomen_cent=150000, norm_cent=134545, kosten_cent=45000, maximum_cent=40000, beleid=beleid
    )
    assert uitkomst.voet_cent == 148000
    assert uitkomst.per_maand_cent == 1000
    assert uitkomst.over_periode_cent == 12000
    assert uitkomst.erkend_cent == 40000
    assert uitkomst.toekenning_cent == 28000
    teksten = [s["tekst"] for s in uitkomst.stappen]
    assert teksten[1].startswith("De draagkrachtvrije voet is 110% van de norm: € 1.480,00")
    assert "hoogstens € 400,00" in teksten[5]
    assert teksten[6] == "Bijzondere bijstand: € 400,00 kosten min € 120,00 draagkracht = € 280,00."
    assert uitkomst.stappen[6]["artikel"] == "Participatiewet art. 35 lid 1"


def test_income_at_or_below_the_voet_means_no_draagkracht():
    # Income = the benefit (1.345,45) = the voet: nothing above it; the whole cost is granted.
    uitkomst = bereken_draagkracht(
        inkomen_cent=134545,
        norm_cent=134545,
        kosten_cent=45000,
        maximum_cent=None,
        beleid=STANDAARD,
    )
    assert uitkomst.boven_voet_cent == 0
    assert uitkomst.over_periode_cent == 0
    assert uitkomst.toekenning_cent == 45000
    assert "niet meer dan de draagkrachtvrije voet" in uitkomst.stappen[2]["tekst"]


def test_a_short_period_and_a_full_percentage():
    # voet 1.345,45; income 1.400,00 -> 54,55 above; 100% = 54,55; over 1 month 54,55;
    # costs 100,00 -> granted 45,45.
    beleid = Draagkrachtbeleid(voet_percentage=100, draagkracht_percentage=100, periode_maanden=1)
    uitkomst = bereken_draagkracht(
        inkomen_cent=140000, norm_cent=134545, kosten_cent=10000, maximum_cent=None, beleid=beleid
    )
    assert uitkomst.toekenning_cent == 4545
    assert "Over 1 maand is de draagkracht" in uitkomst.stappen[4]["tekst"]


@pytest.mark.parametrize(
    ("bedrag", "percentage", "verwacht"),
    [(1, 50, 1), (3, 50, 2), (134545, 110, 148000), (15455, 50, 7728), (0, 150, 0)],
)
def test_percentages_round_half_a_cent_up(bedrag, percentage, verwacht):
    # 0,005 -> 0,01; 0,015 -> 0,02; 1.479,995 -> 1.480,00; 77,275 -> 77,28.
    assert percentage_van(bedrag, percentage) == verwacht
