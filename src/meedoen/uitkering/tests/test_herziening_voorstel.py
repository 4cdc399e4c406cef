"""A later income report or household change in a paid month leads to a proposal (Herziening
'voorgesteld') with the amounts and a plain-Dutch explanation; nothing is recovered and nothing
is deducted until a person decides.

Amounts (shared/reference/participatiewet-amounts.md, 2025-01-01 values):
- alleenstaande 21 to AOW age (art. 21 a): € 1.345,45;
- gehuwdennorm (art. 21 b): € 1.922,07; kostendelersnorm with A = 2: 50% of it = € 961,035,
  rounded half up to € 961,04;
- vrijlating art. 31 lid 2 n: 25% of work income, at most € 273,00 a month."""

import datetime as dt

import pytest

from meedoen.clients.models import HuishoudRol
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.uitkering.herziening import beslissen, services, verrekening
from meedoen.uitkering.models import Aflossing, Herziening, Terugvordering
from meedoen.uitkering.tests.herziening_hulp import (
    betaald_voorstel,
    huishouden_met_aanvrager,
    lid_erbij,
    opgave,
)

pytestmark = pytest.mark.django_db

MAART = dt.date(2025, 3, 1)
APRIL = dt.date(2025, 4, 1)


@pytest.fixture
def consulent(tenant_a):
    return tenant_a.actor(Rol.INKOMENSCONSULENT)


def test_a_later_income_report_proposes_an_overpayment_and_recovers_nothing(tenant_a, consulent):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    # March was paid without income: € 1.345,45.
    voorstel = betaald_voorstel(persoon, huishouden, MAART)
    assert voorstel.uitkering_cent == 134545

    # Later, a payslip shows € 400,00 work income in March. Vrijlating 25% = € 100,00, so
    # € 300,00 counts: the right amount is 1.345,45 - 300,00 = € 1.045,45; € 300,00 too much.
    herziening = services.inkomstenopgave_gewijzigd(
        actor=consulent, opgave=opgave(persoon, huishouden, MAART, loon_cent=40000)
    )

    assert herziening.status == Herziening.Status.VOORGESTELD
    assert herziening.aanleiding == Herziening.Aanleiding.INKOMSTENOPGAVE
    assert (herziening.betaald_cent, herziening.juist_cent, herziening.verschil_cent) == (
        134545,
        104545,
        30000,
    )
    uitleg = " ".join(herziening.uitleg)
    assert "€ 0,00, volgens de inkomstenopgave van nu € 400,00" in uitleg
    assert "maart 2025 € 300,00 te veel betaald" in uitleg
    # A proposal, not a recovery: no Terugvordering, and the next month deducts nothing.
    assert not Terugvordering.objects.exists()
    assert not Aflossing.objects.exists()
    assert (
        verrekening.aflossing_voor_maand(huishouden=huishouden, maand=APRIL, te_betalen_cent=134545)
        == []
    )
    event = AuditEvent.objects.filter(object_id=str(herziening.pk)).get()
    assert (event.actie, event.persoon_id) == ("aangemaakt", persoon.pk)


def test_the_same_finding_twice_gives_one_proposal_and_a_new_finding_replaces_it(
    tenant_a, consulent
):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, MAART)
    eerste_opgave = opgave(persoon, huishouden, MAART, loon_cent=40000)
    eerste = services.inkomstenopgave_gewijzigd(actor=consulent, opgave=eerste_opgave)
    opnieuw = services.herzieningen_zoeken(actor=consulent, maand=MAART)
    assert opnieuw.nieuw == [] and opnieuw.ongewijzigd == [eerste]
    assert Herziening.objects.count() == 1

    # The payslip is corrected to € 200,00: vrijlating € 50,00, € 150,00 counts, right amount
    # 1.345,45 - 150,00 = € 1.195,45; paid too much: € 150,00. The old proposal lapses.
    regel = eerste_opgave.regels.get()
    regel.netto_cent = 20000
    regel.save()
    tweede = services.inkomstenopgave_gewijzigd(actor=consulent, opgave=eerste_opgave)
    eerste.refresh_from_db()
    assert eerste.status == Herziening.Status.VERVALLEN
    assert (tweede.juist_cent, tweede.verschil_cent) == (119545, 15000)


def test_a_report_that_matches_what_was_paid_proposes_nothing(tenant_a, consulent):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, MAART, werk="400.00")
    gelijk = opgave(persoon, huishouden, MAART, loon_cent=40000)
    assert services.inkomstenopgave_gewijzigd(actor=consulent, opgave=gelijk) is None
    assert not Herziening.objects.exists()


def test_an_unpaid_month_is_not_checked(tenant_a, consulent):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    voorstel = betaald_voorstel(persoon, huishouden, MAART)
    voorstel.status = voorstel.Status.GOEDGEKEURD
    voorstel.save()
    assert (
        services.inkomstenopgave_gewijzigd(
            actor=consulent, opgave=opgave(persoon, huishouden, MAART, loon_cent=40000)
        )
        is None
    )


def test_a_housemate_who_moved_in_is_found_in_the_paid_months_after(tenant_a, consulent):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, MAART)
    betaald_voorstel(persoon, huishouden, APRIL)
    # A housemate of 30 moved in on 15 March, registered only now. The engine counts the
    # household on the first day of the month: March is unchanged, April has A = 2:
    # right amount € 961,04; paid € 1.345,45; too much 1.345,45 - 961,04 = € 384,41.
    lid_erbij(
        huishouden,
        rol=HuishoudRol.MEDEBEWONER,
        geboren=dt.date(1995, 1, 1),
        van=dt.date(2025, 3, 15),
        naam="Robin",
    )
    resultaat = services.huishouden_gewijzigd(
        actor=consulent, huishouden=huishouden, per=dt.date(2025, 3, 15)
    )
    assert resultaat.gecontroleerd == 2
    [herziening] = resultaat.nieuw
    assert herziening.maand == APRIL
    assert herziening.aanleiding == Herziening.Aanleiding.HUISHOUDEN
    assert (herziening.juist_cent, herziening.verschil_cent) == (96104, 38441)
    assert any("Robin" in regel and "15-03-2025" in regel for regel in herziening.uitleg)


def test_the_check_also_finds_a_partner_who_left(tenant_a, consulent):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    partner_lid = lid_erbij(
        huishouden, rol=HuishoudRol.PARTNER, geboren=dt.date(1982, 2, 2), van=dt.date(2020, 1, 1)
    )
    partner = {
        "birth_date": "1982-02-02",
        "income": {"work": "0.00", "other": "0.00"},
        "work_disregard_months_used": 0,
        "single_parent_disregard_months_used": 0,
    }
    # April was paid as a couple: gehuwdennorm € 1.922,07.
    voorstel = betaald_voorstel(persoon, huishouden, APRIL, partner=partner)
    assert voorstel.uitkering_cent == 192207
    # The partner had left on 1 April (reported later): alleenstaande, € 1.345,45.
    # Paid too much: 1.922,07 - 1.345,45 = € 576,62.
    partner_lid.tot = APRIL
    partner_lid.save()
    resultaat = services.herzieningen_zoeken(gemeente=tenant_a.gemeente)
    [herziening] = resultaat.nieuw
    assert herziening.verschil_cent == 57662
    assert any("niet meer bij het huishouden" in regel for regel in herziening.uitleg)
    # Run by the system: the audit trail names no person.
    event = AuditEvent.objects.get(object_id=str(herziening.pk))
    assert event.actor is None and event.actor_naam == "systeem"


def test_an_underpayment_is_proposed_and_after_the_decision_open_for_the_next_payment(
    tenant_a, consulent
):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    # Paid with € 400,00 income: € 1.045,45. The corrected report says € 200,00:
    # right amount € 1.195,45, so € 150,00 too little.
    betaald_voorstel(persoon, huishouden, MAART, werk="400.00")
    herziening = services.inkomstenopgave_gewijzigd(
        actor=consulent, opgave=opgave(persoon, huishouden, MAART, loon_cent=20000)
    )
    assert herziening.verschil_cent == -15000
    # Before the decision nothing is paid.
    assert verrekening.openstaande_nabetalingen(huishouden=huishouden) == []
    beslissen.herziening_beslissen(actor=consulent, herziening=herziening, besluit="nabetalen")
    open_ = verrekening.openstaande_nabetalingen(huishouden=huishouden)
    assert [h.pk for h in open_] == [herziening.pk]
    assert verrekening.nabetaling_cent(open_) == 15000


def test_the_check_stays_within_the_actors_gemeenten(tenant_a, tenant_b, consulent):
    persoon_b, huishouden_b = huishouden_met_aanvrager(tenant_b.gemeente)
    betaald_voorstel(persoon_b, huishouden_b, MAART)
    opgave(persoon_b, huishouden_b, MAART, loon_cent=40000)
    resultaat = services.herzieningen_zoeken(actor=consulent)
    assert resultaat.gecontroleerd == 0
    assert not Herziening.objects.exists()


def test_a_klantmanager_cannot_run_the_check(tenant_a):
    from meedoen.core.actor import Geweigerd

    with pytest.raises(Geweigerd):
        services.herzieningen_zoeken(actor=tenant_a.actor(Rol.KLANTMANAGER))


def test_registering_a_household_change_checks_the_paid_months_at_once(tenant_a):
    from meedoen.clients import services as clients_services
    from meedoen.testing.factories import PersoonFactory

    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, APRIL)
    medebewoner = PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(1995, 1, 1))
    # A klantmanager (no benefit rights) registers the housemate late, from 15 March.
    clients_services.lid_toevoegen(
        actor=tenant_a.actor(Rol.KLANTMANAGER),
        huishouden=huishouden,
        persoon=medebewoner,
        rol=HuishoudRol.MEDEBEWONER,
        per=dt.date(2025, 3, 15),
        reden="Woont er sinds maart",
    )
    # April: A = 2, € 961,04 instead of € 1.345,45 (see above): a proposal, nothing more.
    herziening = Herziening.objects.get()
    assert (herziening.maand, herziening.verschil_cent) == (APRIL, 38441)
    assert herziening.status == Herziening.Status.VOORGESTELD
    assert not Terugvordering.objects.exists()
