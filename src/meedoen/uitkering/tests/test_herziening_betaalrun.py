"""Herzieningen with the real monthly recalculation and payment runs of uitkering/betalingen:
an underpayment decided as 'nabetalen' is paid in the next run; a recovery is deducted in the
next months, never below the beslagvrije voet, and nothing is deducted before the decision.

Amounts by hand (alleenstaande 21+, art. 21 a € 1.345,45 in 2025; vrijlating art. 31 lid 2 n
25%; vakantiegeld reserved: benefit × 5/105, art. 19 lid 3):
- no income: benefit 1.345,45, reserved 64,07 (64,069), paid 1.281,38;
- € 400,00 work income: 300,00 counts, benefit 1.045,45, reserved 49,78 (49,783), paid 995,67."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from meedoen.uitkering.betalingen import betaalrun as runs
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.betalingen import voorstellen
from meedoen.uitkering.herziening import beslissen
from meedoen.uitkering.herziening.beslissen import Terugbetaalregeling
from meedoen.uitkering.models import Aflossing, Betaalvoorstel, Betaling, Herziening
from meedoen.uitkering.tests import betalingen_hulp as h

pytestmark = pytest.mark.django_db

JAN, FEB, MRT, APR = (dt.date(2025, m, 1) for m in (1, 2, 3, 4))


def _maand_betalen(tenant, consulent, teamleider, maand, capture) -> list[Betaalvoorstel]:
    """Calculate the month, approve every proposal, compose, approve and execute the run."""
    maand_.maand_berekenen(actor=consulent, gemeente=tenant.gemeente, maand=maand)
    goedgekeurd = [
        voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=v)
        for v in Betaalvoorstel.objects.filter(maand=maand, status="concept")
    ]
    run = runs.betaalrun_samenstellen(actor=consulent, gemeente=tenant.gemeente, maand=maand).run
    runs.betaalrun_accorderen(actor=teamleider, run=run)
    with capture(execute=True):
        runs.betaalrun_starten(actor=teamleider, run=run, specificaties=False)
    run.refresh_from_db()
    assert run.status == "uitgevoerd", run.foutmelding
    return goedgekeurd


@pytest.fixture
def opzet(tenant_a):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a, ingangsdatum=JAN)
    return besluit, h.consulent(tenant_a), h.teamleider(tenant_a)


def test_an_underpayment_is_paid_in_the_next_run(
    tenant_a, opzet, django_capture_on_commit_callbacks
):
    besluit, consulent, teamleider = opzet
    persoon = besluit.persoon
    h.opgave(consulent, persoon, JAN, loon_cent=40000)
    _maand_betalen(tenant_a, consulent, teamleider, JAN, django_capture_on_commit_callbacks)
    assert Betaling.objects.get(maand=JAN).bedrag_cent == 99567

    # The payslip was wrong: no work in January. Right: 1.345,45; paid 1.045,45 (benefit);
    # 300,00 too little. The service proposes; nothing is paid before the decision.
    uitkomst = h.opgave(consulent, persoon, JAN, loon_cent=0)
    herziening = uitkomst.herziening
    assert (herziening.status, herziening.verschil_cent) == ("voorgesteld", -30000)
    beslissen.herziening_beslissen(actor=consulent, herziening=herziening, besluit="nabetalen")

    # February, no income: 1.281,38 plus the nabetaling of 300,00 = 1.581,38.
    [feb] = _maand_betalen(tenant_a, consulent, teamleider, FEB, django_capture_on_commit_callbacks)
    assert (feb.nabetaling_cent, feb.te_betalen_cent) == (30000, 158138)
    assert Betaling.objects.get(maand=FEB).bedrag_cent == 158138
    herziening.refresh_from_db()
    assert herziening.nabetaald_in == feb
    # Paid once: March has no nabetaling any more.
    [mrt] = _maand_betalen(tenant_a, consulent, teamleider, MRT, django_capture_on_commit_callbacks)
    assert (mrt.nabetaling_cent, mrt.te_betalen_cent) == (0, 128138)


def test_a_recovery_is_deducted_only_after_the_decision_and_above_the_voet(
    tenant_a, opzet, django_capture_on_commit_callbacks
):
    besluit, consulent, teamleider = opzet
    persoon = besluit.persoon
    _maand_betalen(tenant_a, consulent, teamleider, JAN, django_capture_on_commit_callbacks)
    # Work income of € 400,00 in January, reported after payment: 300,00 too much.
    herziening = h.opgave(consulent, persoon, JAN, loon_cent=40000).herziening
    assert (herziening.status, herziening.verschil_cent) == ("voorgesteld", 30000)

    # February is paid while the proposal waits: nothing is deducted.
    [feb] = _maand_betalen(tenant_a, consulent, teamleider, FEB, django_capture_on_commit_callbacks)
    assert (feb.inhouding_cent, feb.te_betalen_cent) == (0, 128138)
    assert not Aflossing.objects.exists()

    # Monthly payment 1.281,38, voet 1.250,00: at most 31,38 a month.
    with pytest.raises(ValidationError, match="hoogstens € 31,38"):
        beslissen.herziening_beslissen(
            actor=consulent,
            herziening=herziening,
            besluit="terugvorderen",
            evenredigheid="Te dragen.",
            regeling=Terugbetaalregeling(30000, 125000, 5000, MRT),
        )
    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=herziening,
        besluit="terugvorderen",
        evenredigheid="Te dragen.",
        regeling=Terugbetaalregeling(30000, 125000, 3000, MRT),
    )
    # March and April: 30,00 deducted each; 1.281,38 - 30,00 = 1.251,38 >= 1.250,00.
    for maand in (MRT, APR):
        [voorstel] = _maand_betalen(
            tenant_a, consulent, teamleider, maand, django_capture_on_commit_callbacks
        )
        assert (voorstel.inhouding_cent, voorstel.te_betalen_cent) == (3000, 125138)
        assert Betaling.objects.get(maand=maand).bedrag_cent == 125138
    terugvordering = Herziening.objects.get(pk=herziening.pk).terugvordering
    assert sum(a.bedrag_cent for a in terugvordering.aflossingen.all()) == 6000
    assert terugvordering.status == "lopend"
