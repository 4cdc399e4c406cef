"""The monthly recalculation: income counted after the vrijlating, the counters that advance and
stop after 6 months, vakantiegeld reserved and paid in its month, the difference with last
month explained, corrections, and the batch path giving the same proposal as the single one.

Expected amounts are worked out by hand from the 2025 and 2026 norms (Participatiewet art. 21 a:
€ 1.345,45 from 1-1-2025, € 1.369,06 from 1-7-2025, € 1.401,50 from 1-1-2026), the vrijlating
of art. 31 lid 2 n (25%, at most € 273,00 a month in 2025, 6 months) and the vakantiegeld
reservation of art. 19 lid 3 (benefit × 5/105, to the cent, half a cent up)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from meedoen.core.audit.models import AuditEvent
from meedoen.testing import uitkering_factories as uf
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.betalingen import voorstellen
from meedoen.uitkering.models import Betaalvoorstel, Inkomensbeleid
from meedoen.uitkering.tests import betalingen_hulp as h

JAN, FEB, MEI, JUN, JUL = (dt.date(2025, m, 1) for m in (1, 2, 5, 6, 7))

# € 400 work income in the first half of 2025: 25% = € 100,00 disregarded (below € 273,00),
# € 300,00 counts; benefit 1345.45 − 300.00 = 1045.45; reservation 1045.45 × 5/105 = 49.783
# → 49.78; paid monthly 1045.45 − 49.78 = 995.67.
BIJSTAND_MET_VRIJLATING = 104545
RESERVERING = 4978
MAANDBEDRAG = 99567


@pytest.fixture
def huishouden(tenant_a):
    h.beleid(tenant_a)
    return h.huishouden_met_bijstand(tenant_a)


def _levend(besluit, maand):
    return Betaalvoorstel.objects.exclude(status=Betaalvoorstel.Status.VERVALLEN).get(
        huishouden=besluit.huishouden, maand=maand
    )


def test_counters_advance_with_work_income_and_the_vrijlating_stops_after_six_months(
    tenant_a, huishouden
):
    actor = h.consulent(tenant_a)
    for maand in range(1, 8):
        h.opgave(actor, huishouden.persoon, dt.date(2025, maand, 1), loon_cent=40000)

    jan = _levend(huishouden, JAN)
    assert (jan.uitkering_cent, jan.vakantiegeld_reservering_cent) == (
        BIJSTAND_MET_VRIJLATING,
        RESERVERING,
    )
    assert jan.te_betalen_cent == MAANDBEDRAG
    assert jan.vorige_te_betalen_cent is None
    assert (
        "Uw inkomsten uit werk waren € 400,00; daarvan tellen € 300,00 mee (25% vrijgelaten, "
        "art. 31 lid 2 onderdeel n)." in jan.verschil_uitleg
    )
    # One month of the vrijlating used per month with work income: 1, 2, … 6, then it stops.
    assert [_levend(huishouden, dt.date(2025, m, 1)).vrijlating_n_maanden for m in range(1, 8)] == [
        1, 2, 3, 4, 5, 6, 6,
    ]  # fmt: skip
    juni = _levend(huishouden, JUN)
    assert juni.te_betalen_cent == MAANDBEDRAG
    assert any("6e en laatste keer" in regel for regel in juni.verschil_uitleg)

    # July: norm 1369.06; no vrijlating any more, all € 400 counts: 1369.06 − 400.00 = 969.06;
    # reservation 969.06 × 5/105 = 46.146 → 46.15; paid 969.06 − 46.15 = 922.91, which is
    # 995.67 − 922.91 = 72.76 less than June.
    juli = _levend(huishouden, JUL)
    assert (juli.uitkering_cent, juli.vakantiegeld_reservering_cent, juli.te_betalen_cent) == (
        96906,
        4615,
        92291,
    )
    assert juli.vorige_te_betalen_cent == MAANDBEDRAG
    assert (
        "De vrijlating is na 6 maanden gestopt: uw inkomsten uit werk tellen nu helemaal mee."
        in juli.verschil_uitleg
    )
    assert "Uw bijstandsnorm is veranderd: van € 1.345,45 naar € 1.369,06 per maand." in (
        juli.verschil_uitleg
    )
    assert juli.verschil_uitleg[-1] == (
        "U krijgt € 922,91. Dat is € 72,76 minder dan over juni 2025 (€ 995,67)."
    )


def test_vakantiegeld_is_reserved_each_month_and_paid_in_may(tenant_a, huishouden):
    actor = h.consulent(tenant_a)
    for maand in range(1, 7):
        h.opgave(actor, huishouden.persoon, dt.date(2025, maand, 1), loon_cent=40000)
    mei = _levend(huishouden, MEI)
    # January to May: 5 × 49.78 = 248.90 paid out in May, on top of 1045.45 − 49.78:
    # 995.67 + 248.90 = 1244.57.
    assert mei.vakantiegeld_uitbetaling_cent == 5 * RESERVERING == 24890
    assert mei.te_betalen_cent == 124457
    assert "Deze maand krijgt u het gespaarde vakantiegeld: € 248,90." in mei.verschil_uitleg
    # June starts a new holiday-allowance year: nothing paid out.
    assert _levend(huishouden, JUN).vakantiegeld_uitbetaling_cent == 0


def test_the_gemeente_chooses_the_vakantiegeld_month(tenant_a, huishouden):
    Inkomensbeleid.objects.filter(gemeente=tenant_a.gemeente).update(vakantiegeld_maand=6)
    actor = h.consulent(tenant_a)
    for maand in range(1, 7):
        h.opgave(actor, huishouden.persoon, dt.date(2025, maand, 1), loon_cent=40000)
    assert _levend(huishouden, MEI).vakantiegeld_uitbetaling_cent == 0
    # January to June: 6 × 49.78 = 298.68.
    assert _levend(huishouden, JUN).vakantiegeld_uitbetaling_cent == 29868


def test_without_an_opgave_the_decisions_income_is_used_and_the_proposal_says_so(
    tenant_a, huishouden
):
    uitkomst = maand_.maand_berekenen(
        actor=h.consulent(tenant_a), gemeente=tenant_a.gemeente, maand=JAN
    )
    assert uitkomst.aangemaakt == 1
    voorstel = _levend(huishouden, JAN)
    # No income: the whole norm; reservation 1345.45 × 5/105 = 64.069 → 64.07; paid 1281.38.
    assert (voorstel.uitkering_cent, voorstel.vakantiegeld_reservering_cent) == (134545, 6407)
    assert voorstel.te_betalen_cent == 128138
    assert voorstel.inkomstenopgave is None
    assert voorstel.verschil_uitleg[0].startswith("Er is nog geen inkomstenopgave over januari")
    # Running the month again makes nothing new.
    again = maand_.maand_berekenen(
        actor=h.consulent(tenant_a), gemeente=tenant_a.gemeente, maand=JAN
    )
    assert (again.aangemaakt, again.al_aanwezig) == (0, 1)


def test_the_batch_makes_the_same_proposal_as_the_single_calculation(tenant_a):
    h.beleid(tenant_a)
    actor = h.consulent(tenant_a)
    een = h.huishouden_met_bijstand(tenant_a)
    twee = h.huishouden_met_bijstand(tenant_a)
    for besluit in (een, twee):
        h.opgave(actor, besluit.persoon, JAN, loon_cent=40000)
    # February: household one through the opgave (single path), household two's opgave is
    # written directly so that only the month's batch makes its proposal.
    h.opgave(actor, een.persoon, FEB, loon_cent=123456)
    opgave = uf.InkomstenopgaveFactory(
        gemeente=tenant_a.gemeente, persoon=twee.persoon, huishouden=twee.huishouden, maand=FEB
    )
    uf.InkomstenregelFactory(opgave=opgave, netto_cent=123456)
    uitkomst = maand_.maand_berekenen(actor=actor, gemeente=tenant_a.gemeente, maand=FEB)
    assert uitkomst.aangemaakt == 1

    enkel, batch = _levend(een, FEB), _levend(twee, FEB)
    assert batch.berekening["batch"] is True
    velden = (
        "uitkering_cent",
        "vakantiegeld_reservering_cent",
        "te_betalen_cent",
        "vorige_te_betalen_cent",
        "vrijlating_n_maanden",
        "vrijlating_r_maanden",
        "verschil_uitleg",
    )
    assert {v: getattr(enkel, v) for v in velden} == {v: getattr(batch, v) for v in velden}
    # € 1.234,56 work income: 25% = 308.64, capped at 273.00; 1234.56 − 273.00 = 961.56 counts;
    # 1345.45 − 961.56 = 383.89.
    assert batch.uitkering_cent == 38389
    assert any("hoogstens € 273,00" in regel for regel in batch.verschil_uitleg)


def test_correcting_an_opgave_supersedes_the_unpaid_proposal_and_records_both(tenant_a, huishouden):
    actor = h.consulent(tenant_a)
    eerste = h.opgave(actor, huishouden.persoon, JAN, loon_cent=40000)
    assert eerste.gecorrigeerd is False
    tweede = h.opgave(actor, huishouden.persoon, JAN, loon_cent=20000)
    assert tweede.gecorrigeerd is True
    assert tweede.opgave.pk == eerste.opgave.pk  # one opgave per household and month

    eerste.voorstel.refresh_from_db()
    assert eerste.voorstel.status == Betaalvoorstel.Status.VERVALLEN
    # € 200: 50.00 disregarded, 150.00 counts: 1345.45 − 150.00 = 1195.45.
    assert tweede.voorstel.uitkering_cent == 119545
    event = AuditEvent.objects.filter(object_id=str(eerste.opgave.pk)).latest("id")
    assert event.wijzigingen["regels"][0][0]["netto_cent"] == 40000
    assert event.wijzigingen["regels"][1][0]["netto_cent"] == 20000


def test_a_correction_recalculates_the_later_unpaid_months(tenant_a, huishouden):
    actor = h.consulent(tenant_a)
    h.opgave(actor, huishouden.persoon, JAN, loon_cent=40000)
    h.opgave(actor, huishouden.persoon, FEB, loon_cent=40000)
    assert _levend(huishouden, FEB).vrijlating_n_maanden == 2
    # January had no work income after all: no vrijlating month used then, so February is the
    # first month with the vrijlating.
    h.opgave(actor, huishouden.persoon, JAN)
    assert _levend(huishouden, JAN).vrijlating_n_maanden == 0
    februari = _levend(huishouden, FEB)
    assert februari.vrijlating_n_maanden == 1
    assert februari.vorige_te_betalen_cent == _levend(huishouden, JAN).te_betalen_cent


def test_the_manual_correction_of_the_decision_is_paid_every_month(tenant_a):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(
        tenant_a, correctie_cent=5000, correctie_reden="Halve maand woonkosten."
    )
    h.opgave(h.consulent(tenant_a), besluit.persoon, JAN)
    voorstel = _levend(besluit, JAN)
    # 1345.45 + 50.00 = 1395.45; the reservation is on the engine's benefit: 64.07.
    assert voorstel.uitkering_cent == 139545
    assert voorstel.te_betalen_cent == 139545 - 6407
    assert (
        "In het besluit staat een aanpassing van € 50,00 per maand: Halve maand woonkosten."
        in voorstel.verschil_uitleg
    )


def test_a_month_before_the_decision_has_no_proposal(tenant_a):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a, ingangsdatum=dt.date(2025, 3, 1))
    with pytest.raises(ValidationError, match="geen vastgestelde bijstand"):
        h.opgave(h.consulent(tenant_a), besluit.persoon, FEB, loon_cent=40000)
    assert not Betaalvoorstel.objects.exists()


def test_a_month_the_engine_cannot_calculate_keeps_the_opgave_and_says_why(tenant_a):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a, ingangsdatum=dt.date(2026, 1, 1))
    uitkomst = h.opgave(
        h.consulent(tenant_a), besluit.persoon, dt.date(2026, 7, 1), loon_cent=40000
    )
    assert uitkomst.opgave.pk is not None
    assert uitkomst.voorstel is None
    assert "juli 2026 kan niet berekend worden" in uitkomst.melding


def test_approving_one_and_all_without_a_difference(tenant_a, huishouden):
    actor = h.consulent(tenant_a)
    h.opgave(actor, huishouden.persoon, JAN, loon_cent=40000)
    h.opgave(actor, huishouden.persoon, FEB, loon_cent=40000)
    ander = h.huishouden_met_bijstand(tenant_a)
    h.opgave(actor, ander.persoon, JAN)
    h.opgave(actor, ander.persoon, FEB, loon_cent=10000)

    # February of the first household equals January (995.67 = 995.67); the other's differs.
    assert (
        voorstellen.alles_zonder_verschil_goedkeuren(
            actor=actor, gemeente=tenant_a.gemeente, maand=FEB
        )
        == 1
    )
    assert _levend(huishouden, FEB).status == Betaalvoorstel.Status.GOEDGEKEURD
    assert _levend(ander, FEB).status == Betaalvoorstel.Status.CONCEPT

    januari = _levend(huishouden, JAN)
    voorstellen.voorstel_goedkeuren(actor=actor, voorstel=januari)
    januari.refresh_from_db()
    assert januari.goedgekeurd_door == actor.user
    with pytest.raises(ValidationError, match="al goedgekeurd"):
        voorstellen.voorstel_goedkeuren(actor=h.consulent(tenant_a), voorstel=januari)


def test_a_month_without_legal_amounts_is_explained_in_the_users_language(tenant_a):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a, ingangsdatum=dt.date(2026, 1, 1))
    with translation.override("en"):
        uitkomst = h.opgave(
            h.consulent(tenant_a), besluit.persoon, dt.date(2026, 7, 1), loon_cent=40000
        )
    # The engine's reason in English, not its Dutch text; nothing is invented for July.
    assert "have not been confirmed" in uitkomst.melding
    assert "bevestigd" not in uitkomst.melding
    assert not Betaalvoorstel.objects.exists()


def test_a_first_month_without_bijstand_is_not_called_a_payment(tenant_a, huishouden):
    # € 2.000 alimentatie counts fully and is more than the norm of € 1.345,45.
    voorstel = h.opgave(h.consulent(tenant_a), huishouden.persoon, JAN, overig_cent=200000).voorstel
    assert voorstel.te_betalen_cent == 0
    assert voorstel.verschil_uitleg[-2:] == [
        "Het inkomen dat meetelt is even hoog als of hoger dan uw bijstandsnorm. Over januari "
        "2025 krijgt u daarom geen bijstand.",
        "Over januari 2025 krijgt u geen betaling.",
    ]
    assert not any("eerste betaling" in regel for regel in voorstel.verschil_uitleg)


def test_a_correction_keeps_what_the_opgave_said_before_in_the_audit_trail(tenant_a, huishouden):
    eerste_consulent, tweede_consulent = h.consulent(tenant_a), h.consulent(tenant_a)
    eerste = h.opgave(
        eerste_consulent,
        huishouden.persoon,
        JAN,
        loon_cent=40000,
        toelichting="Loonstrook van de bakkerij, ingeleverd aan de balie.",
    )
    h.opgave(
        tweede_consulent,
        huishouden.persoon,
        JAN,
        loon_cent=20000,
        toelichting="Verkeerde loonstrook; de inwoner werkte maar twee weken.",
    )
    aangemaakt, gewijzigd = AuditEvent.objects.filter(object_id=str(eerste.opgave.pk)).order_by(
        "id"
    )
    # Who entered what, and why, both times: the first reason is not lost by the correction.
    assert aangemaakt.wijzigingen["toelichting"] == [
        None,
        "Loonstrook van de bakkerij, ingeleverd aan de balie.",
    ]
    assert gewijzigd.wijzigingen["toelichting"] == [
        "Loonstrook van de bakkerij, ingeleverd aan de balie.",
        "Verkeerde loonstrook; de inwoner werkte maar twee weken.",
    ]
    voor, na = gewijzigd.wijzigingen["regels"]
    assert (voor[0]["omschrijving"], voor[0]["netto_cent"], voor[0]["loonstrook"]) == (
        "Bakkerij",
        40000,
        True,
    )
    assert na[0]["netto_cent"] == 20000
    assert (aangemaakt.actor_id, gewijzigd.actor_id) != (None, None)
    assert aangemaakt.actor_id != gewijzigd.actor_id


def test_vakantiegeld_paid_out_once_is_not_paid_again_when_the_gemeente_moves_its_month(
    tenant_a, huishouden
):
    actor = h.consulent(tenant_a)
    for maand in range(1, 6):
        h.opgave(actor, huishouden.persoon, dt.date(2025, maand, 1), loon_cent=40000)
    assert _levend(huishouden, MEI).vakantiegeld_uitbetaling_cent == 5 * RESERVERING
    # After May the gemeente moves its vakantiegeld month to June. January to May were paid
    # out in May already: June pays out only its own reservation (€ 49,78), not € 298,68.
    Inkomensbeleid.objects.filter(gemeente=tenant_a.gemeente).update(vakantiegeld_maand=6)
    juni = h.opgave(actor, huishouden.persoon, JUN, loon_cent=40000).voorstel
    assert juni.vakantiegeld_reservering_cent == RESERVERING
    assert juni.vakantiegeld_uitbetaling_cent == RESERVERING
    assert juni.te_betalen_cent == MAANDBEDRAG + RESERVERING


def test_a_month_without_legal_amounts_is_refused_at_once_for_the_whole_gemeente(tenant_a):
    from meedoen.uitkering.betalingen import maandberekening
    from meedoen.uitkering.models import Maandberekening

    h.beleid(tenant_a)
    for _ in range(3):
        h.huishouden_met_bijstand(tenant_a, ingangsdatum=dt.date(2026, 1, 1))
    # One clear message instead of a queued calculation that skips every household with the
    # same reason; nothing is written and no amount for July 2026 is invented.
    with pytest.raises(ValidationError) as fout:
        maandberekening.maandberekening_starten(
            actor=h.consulent(tenant_a), gemeente=tenant_a.gemeente, maand=dt.date(2026, 7, 1)
        )
    melding = " ".join(fout.value.messages)
    assert "Over juli 2026 kunnen we nog geen voorstellen maken" in melding
    assert "bijstandsnormen" in melding
    assert not Maandberekening.objects.exists()
    assert not Betaalvoorstel.objects.exists()
