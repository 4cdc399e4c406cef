"""Repayment arrangements keep the household above the beslagvrije voet, repay exactly the
amount, and count only deductions in proposals that still stand; decided underpayments are
added once."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meedoen.core.roles import Rol
from meedoen.testing.uitkering_factories import BetaalvoorstelFactory, TerugvorderingFactory
from meedoen.uitkering.herziening import beslissen, services, verrekening
from meedoen.uitkering.herziening.verrekening import Regeling, inhoudingen_verdelen
from meedoen.uitkering.models import Betaalvoorstel, Herziening, Terugvordering
from meedoen.uitkering.tests.herziening_hulp import (
    betaald_voorstel,
    huishouden_met_aanvrager,
    opgave,
)

bedragen = st.integers(min_value=0, max_value=500_000)
regelingen = st.lists(
    st.builds(
        Regeling,
        aflossing_per_maand_cent=st.integers(min_value=1, max_value=100_000),
        rest_cent=st.integers(min_value=0, max_value=1_000_000),
        beslagvrije_voet_cent=bedragen,
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(te_betalen=bedragen, regelingen=regelingen)
def test_deductions_never_take_the_household_below_the_beslagvrije_voet(te_betalen, regelingen):
    delen = inhoudingen_verdelen(te_betalen_cent=te_betalen, regelingen=regelingen)
    voet = max(r.beslagvrije_voet_cent for r in regelingen)
    over = te_betalen - sum(delen)
    # The household keeps the highest voet, or everything when the payment is below it.
    assert over >= min(te_betalen, voet)
    for deel, regeling in zip(delen, regelingen, strict=True):
        assert 0 <= deel <= min(regeling.aflossing_per_maand_cent, regeling.rest_cent)
    # Room is not left unused while an arrangement still wants more (oldest first).
    ruimte = max(0, te_betalen - voet)
    if sum(delen) < ruimte:
        assert all(
            deel == min(r.aflossing_per_maand_cent, r.rest_cent)
            for deel, r in zip(delen, regelingen, strict=True)
        )


@settings(max_examples=200, deadline=None)
@given(
    bedrag=st.integers(min_value=1, max_value=200_000),
    per_maand=st.integers(min_value=1, max_value=50_000),
    voet=bedragen,
    betalingen=st.lists(bedragen, min_size=1, max_size=60),
)
def test_over_the_months_exactly_the_amount_is_repaid(bedrag, per_maand, voet, betalingen):
    rest = bedrag
    for te_betalen in betalingen:
        [deel] = inhoudingen_verdelen(
            te_betalen_cent=te_betalen,
            regelingen=[Regeling(per_maand, rest, voet)],
        )
        assert te_betalen - deel >= min(te_betalen, voet)
        rest -= deel
        assert rest >= 0
    # With room every month, the arrangement ends after ceil(amount / monthly) months.
    if all(t - voet >= per_maand for t in betalingen) and len(betalingen) * per_maand >= bedrag:
        assert rest == 0


def test_a_simple_case_by_hand():
    # Payment € 1.345,45, voet € 1.300,00: room € 45,45. Two arrangements of € 30,00:
    # the oldest takes € 30,00, the next the remaining € 15,45.
    assert inhoudingen_verdelen(
        te_betalen_cent=134545,
        regelingen=[Regeling(3000, 10000, 130000), Regeling(3000, 10000, 120000)],
    ) == [3000, 1545]


@pytest.mark.django_db
def test_deductions_become_aflossingen_and_the_recovery_ends_afgelost(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    # € 250,00 at € 100,00 a month, voet € 1.200,00, payment € 1.345,45 (room € 145,45):
    # May 100, June 100, July 50 -> afgelost.
    terugvordering = TerugvorderingFactory(
        herziening__gemeente=tenant_a.gemeente,
        bedrag_cent=25000,
        aflossing_per_maand_cent=10000,
        beslagvrije_voet_cent=120000,
        eerste_maand=dt.date(2025, 5, 1),
    )
    huishouden = terugvordering.huishouden
    # Nothing before the first month.
    assert not verrekening.aflossing_voor_maand(
        huishouden=huishouden, maand=dt.date(2025, 4, 1), te_betalen_cent=134545
    )
    verwacht = {5: 10000, 6: 10000, 7: 5000}
    for maand_nr, bedrag in verwacht.items():
        maand = dt.date(2025, maand_nr, 1)
        inhoudingen = verrekening.aflossing_voor_maand(
            huishouden=huishouden, maand=maand, te_betalen_cent=134545
        )
        assert [i.bedrag_cent for i in inhoudingen] == [bedrag]
        voorstel = BetaalvoorstelFactory(
            gemeente=tenant_a.gemeente,
            besluit__persoon=terugvordering.persoon,
            besluit__huishouden=huishouden,
            maand=maand,
            inhouding_cent=bedrag,
            te_betalen_cent=134545 - bedrag,
            status=Betaalvoorstel.Status.GOEDGEKEURD,
        )
        verrekening.verrekening_vastleggen(
            actor=actor, voorstel=voorstel, nabetalingen=[], inhoudingen=inhoudingen
        )
    terugvordering.refresh_from_db()
    assert terugvordering.status == Terugvordering.Status.AFGELOST
    assert sum(a.bedrag_cent for a in terugvordering.aflossingen.all()) == 25000
    assert not verrekening.aflossing_voor_maand(
        huishouden=huishouden, maand=dt.date(2025, 8, 1), te_betalen_cent=134545
    )


@pytest.mark.django_db
def test_a_superseded_proposal_neither_repays_nor_pays_twice(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, dt.date(2025, 3, 1), werk="400.00")
    # Underpayment of € 150,00 (see test_herziening_voorstel), decided: nabetalen.
    herziening = services.inkomstenopgave_gewijzigd(
        actor=actor, opgave=opgave(persoon, huishouden, dt.date(2025, 3, 1), loon_cent=20000)
    )
    beslissen.herziening_beslissen(actor=actor, herziening=herziening, besluit="nabetalen")
    terugvordering = TerugvorderingFactory(
        herziening__gemeente=tenant_a.gemeente,
        herziening__huishouden=huishouden,
        herziening__persoon=persoon,
        bedrag_cent=5000,
        aflossing_per_maand_cent=5000,
        beslagvrije_voet_cent=100000,
        eerste_maand=dt.date(2025, 4, 1),
    )
    april = dt.date(2025, 4, 1)
    nabetalingen = verrekening.openstaande_nabetalingen(huishouden=huishouden)
    inhoudingen = verrekening.aflossing_voor_maand(
        huishouden=huishouden, maand=april, te_betalen_cent=134545 + 15000
    )
    voorstel = BetaalvoorstelFactory(
        gemeente=tenant_a.gemeente,
        besluit=persoon.besluiten.first(),
        maand=april,
        nabetaling_cent=verrekening.nabetaling_cent(nabetalingen),
        inhouding_cent=verrekening.inhouding_cent(inhoudingen),
        te_betalen_cent=134545 + 15000 - 5000,
        status=Betaalvoorstel.Status.CONCEPT,
    )
    verrekening.verrekening_vastleggen(
        actor=actor, voorstel=voorstel, nabetalingen=nabetalingen, inhoudingen=inhoudingen
    )
    regels = verrekening.uitleg_regels(
        maand=april, nabetalingen=nabetalingen, inhoudingen=inhoudingen
    )
    assert regels == [
        "Nabetaling over maart 2025: € 150,00. U kreeg toen te weinig.",
        "Inhouding voor de terugvordering over maart 2025: € 50,00. Daarna nog terug te "
        "betalen: € 0,00.",
    ]
    assert verrekening.openstaande_nabetalingen(huishouden=huishouden) == []
    terugvordering.refresh_from_db()
    assert terugvordering.status == Terugvordering.Status.AFGELOST

    # April is recalculated: the old proposal lapses. Its nabetaling is open again and its
    # deduction no longer counts, so the new proposal adds and deducts the same once.
    voorstel.status = Betaalvoorstel.Status.VERVALLEN
    voorstel.save()
    open_ = verrekening.openstaande_nabetalingen(huishouden=huishouden)
    assert [h.pk for h in open_] == [herziening.pk]
    opnieuw = verrekening.aflossing_voor_maand(
        huishouden=huishouden, maand=april, te_betalen_cent=134545 + 15000
    )
    assert [i.bedrag_cent for i in opnieuw] == [5000]
    assert Herziening.objects.get(pk=herziening.pk).status == Herziening.Status.NABETALEN
