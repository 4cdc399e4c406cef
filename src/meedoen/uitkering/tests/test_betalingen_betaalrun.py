"""Payment runs: four eyes, executed exactly once, a bank file that validates against the
official pain.001.001.03 schema and sums to the approved amounts, nothing paid twice, and a
failure that leaves nothing half-done."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from lxml import etree

from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.testing import uitkering_factories as uf
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.uitkering.betalingen import betaalrun as diensten
from meedoen.uitkering.betalingen import specificatie, voorstellen
from meedoen.uitkering.models import (
    Besluit,
    Betaalopdracht,
    Betaalrun,
    Betaalvoorstel,
    Betaling,
    BijzondereBijstand,
    Document,
)
from meedoen.uitkering.tests import betalingen_hulp as h

XSD = Path(__file__).parent / "data" / "pain.001.001.03.xsd"
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
JAN, FEB = dt.date(2025, 1, 1), dt.date(2025, 2, 1)
S = Betaalrun.Status


def _goedgekeurd(tenant, actor, maand=JAN, **opgave):
    besluit = h.huishouden_met_bijstand(tenant)
    uitkomst = h.opgave(actor, besluit.persoon, maand, **opgave)
    return voorstellen.voorstel_goedkeuren(actor=actor, voorstel=uitkomst.voorstel)


@pytest.fixture
def opzet(tenant_a):
    h.beleid(tenant_a)
    consulent = h.consulent(tenant_a)
    teamleider = h.teamleider(tenant_a)
    # € 400 work income: 995.67 a month (see test_betalingen_maand); no income: 1345.45 −
    # 64.07 reserved = 1281.38; € 250 alimentatie counts fully: 1345.45 − 250.00 = 1095.45,
    # reserved 1095.45 × 5/105 = 52.164 → 52.16, paid 1095.45 − 52.16 = 1043.29.
    voorstel_lijst = [
        _goedgekeurd(tenant_a, consulent, loon_cent=40000),
        _goedgekeurd(tenant_a, consulent),
        _goedgekeurd(tenant_a, consulent, overig_cent=25000),
    ]
    return consulent, teamleider, voorstel_lijst


def _uitvoeren(run, actor, capture):
    with capture(execute=True):
        diensten.betaalrun_starten(actor=actor, run=run)
    run.refresh_from_db()
    return run


def test_a_run_pays_the_approved_proposals_in_a_bank_file_that_validates(
    tenant_a, opzet, django_capture_on_commit_callbacks
):
    consulent, teamleider, voorstel_lijst = opzet
    assert [v.te_betalen_cent for v in voorstel_lijst] == [99567, 128138, 104329]
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    assert (run.status, run.aantal, run.totaal_cent) == (S.CONCEPT, 3, 99567 + 128138 + 104329)
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    run = _uitvoeren(run, teamleider, django_capture_on_commit_callbacks)

    assert run.status == S.UITGEVOERD and run.voortgang == 100
    assert Betaling.objects.filter(betaalrun=run).count() == 3
    assert set(Betaalvoorstel.objects.values_list("status", flat=True)) == {"betaald"}

    document = etree.fromstring(bytes(run.pain001))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(document), schema.error_log
    bedragen = [Decimal(e.text) for e in document.iterfind(".//p:InstdAmt", NS)]
    # 995.67 + 1281.38 + 1043.29 = 3320.34: exactly the approved amounts.
    assert sorted(bedragen) == [Decimal("995.67"), Decimal("1043.29"), Decimal("1281.38")]
    assert sum(bedragen) == Decimal("3320.34")
    assert document.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS) == "3320.34"
    assert document.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=NS) == "3"
    assert document.findtext(".//p:Dbtr/p:Nm", namespaces=NS) == "Gemeente Deventer"
    ids = [e.text for e in document.iterfind(".//p:EndToEndId", NS)]
    assert len(set(ids)) == 3
    assert set(ids) == set(Betaling.objects.values_list("end_to_end_id", flat=True))


def test_the_composer_cannot_approve_their_own_run(tenant_a, opzet):
    consulent, teamleider, _ = opzet
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    with pytest.raises(ValidationError, match="zelf samengesteld"):
        diensten.betaalrun_accorderen(actor=consulent, run=run)
    # The database refuses it too, whatever the code above does.
    run.geaccordeerd_door = consulent.user
    with pytest.raises(IntegrityError), transaction.atomic():
        run.save()


def test_a_run_is_executed_once_and_the_bank_file_downloads_identically(
    tenant_a, opzet, django_capture_on_commit_callbacks, ingelogd
):
    consulent, teamleider, voorstel_lijst = opzet
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    with pytest.raises(ValidationError, match="eerst accorderen"):
        diensten.betaalrun_starten(actor=teamleider, run=run)
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    run = _uitvoeren(run, teamleider, django_capture_on_commit_callbacks)
    opgeslagen = bytes(run.pain001)

    with pytest.raises(ValidationError, match="al uitgevoerd"):
        diensten.betaalrun_starten(actor=teamleider, run=run)
    # A task that runs a second time (a worker retry) does nothing.
    assert diensten.betaalrun_uitvoeren(run_id=run.pk, actor=teamleider) is None
    assert Betaling.objects.count() == 3

    client = ingelogd(teamleider.user)
    url = f"/uitkering/betalingen/runs/{run.pk}/bankbestand/"
    eerste, tweede = client.get(url), client.get(url)
    assert eerste.status_code == 200
    assert eerste.content == tweede.content == opgeslagen
    assert AuditEvent.objects.filter(actie=Actie.GEEXPORTEERD, object_id=str(run.pk)).count() == 2

    # The same month again: nothing left to pay.
    with pytest.raises(ValidationError, match="Er is niets te betalen"):
        diensten.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=JAN)


def test_a_failure_during_the_run_leaves_nothing_half_done_and_can_be_retried(
    tenant_a, opzet, django_capture_on_commit_callbacks
):
    consulent, teamleider, voorstel_lijst = opzet
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    # After approval the resident's account number in the decision became invalid: the bank
    # file cannot be made. Two payments are written before the file is built.
    laatste = voorstel_lijst[-1]
    Besluit.objects.filter(pk=laatste.besluit_id).update(iban="NL00GEEN0000000000")
    run = _uitvoeren(run, teamleider, django_capture_on_commit_callbacks)

    assert run.status == S.MISLUKT
    assert "IBAN" in run.foutmelding and laatste.persoon.volledige_naam in run.foutmelding
    assert not Betaling.objects.exists()
    assert set(Betaalvoorstel.objects.values_list("status", flat=True)) == {"goedgekeurd"}
    assert not run.pain001

    Besluit.objects.filter(pk=laatste.besluit_id).update(iban="NL91ABNA0417164300")
    run = _uitvoeren(run, teamleider, django_capture_on_commit_callbacks)
    assert run.status == S.UITGEVOERD
    assert Betaling.objects.count() == 3


def test_the_database_never_pays_a_household_twice_for_one_month(tenant_a, opzet):
    betaling = uf.BetalingFactory(betaalrun__gemeente=tenant_a.gemeente)
    with pytest.raises(IntegrityError), transaction.atomic():
        uf.BetalingFactory(
            betaalrun=betaling.betaalrun,
            betaalvoorstel=uf.BetaalvoorstelFactory(
                besluit=Besluit.objects.get(pk=betaling.betaalvoorstel.besluit_id),
                gemeente=tenant_a.gemeente,
                status=Betaalvoorstel.Status.VERVALLEN,
            ),
            huishouden=betaling.huishouden,
            maand=betaling.maand,
        )


def test_withdrawing_a_run_releases_its_lines_for_a_new_run(tenant_a, opzet):
    consulent, teamleider, _ = opzet
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    with pytest.raises(ValidationError):
        diensten.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=JAN)
    with pytest.raises(ValidationError):
        diensten.betaalrun_intrekken(actor=consulent, run=run, reden=" ")
    diensten.betaalrun_intrekken(actor=consulent, run=run, reden="Verkeerde maand gekozen.")
    assert not Betaalopdracht.objects.filter(actief=True).exists()
    nieuw = diensten.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=JAN)
    assert nieuw.run.aantal == 3


def test_a_correction_leaves_an_approved_run_alone_but_updates_a_composed_one(tenant_a, opzet):
    consulent, teamleider, voorstel_lijst = opzet
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    eerste = voorstel_lijst[0]
    # Composed only: the correction releases the line; the run's totals follow.
    h.opgave(consulent, eerste.persoon, JAN, loon_cent=20000)
    run.refresh_from_db()
    assert (run.aantal, run.totaal_cent) == (2, 128138 + 104329)

    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    tweede = voorstel_lijst[1]
    uitkomst = h.opgave(consulent, tweede.persoon, JAN, loon_cent=20000)
    assert "Trek die betaalrun eerst in" in uitkomst.melding
    tweede.refresh_from_db()
    assert tweede.status == Betaalvoorstel.Status.GOEDGEKEURD


def test_granted_bijzondere_bijstand_is_paid_in_the_run(
    tenant_a, opzet, django_capture_on_commit_callbacks
):
    consulent, teamleider, voorstel_lijst = opzet
    persoon = voorstel_lijst[0].persoon
    bijzonder = uf.BijzondereBijstandFactory(
        gemeente=tenant_a.gemeente,
        persoon=persoon,
        huishouden=voorstel_lijst[0].huishouden,
        status=BijzondereBijstand.Status.TOEGEKEND,
        toegekend_cent=45000,
    )
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    assert run.totaal_cent == 99567 + 128138 + 104329 + 45000
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    _uitvoeren(run, teamleider, django_capture_on_commit_callbacks)
    betaling = Betaling.objects.get(bijzondere_bijstand=bijzonder)
    assert (betaling.soort, betaling.bedrag_cent) == (Betaling.Soort.BIJZONDERE_BIJSTAND, 45000)
    # Only the monthly payments get an uitkeringsspecificatie.
    assert Document.objects.filter(soort=Document.Soort.SPECIFICATIE).count() == 3


def test_the_specification_says_what_was_paid_and_why_and_regenerates_identically(
    tenant_a, opzet, django_capture_on_commit_callbacks
):
    consulent, teamleider, voorstel_lijst = opzet
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    _uitvoeren(run, teamleider, django_capture_on_commit_callbacks)
    betaling = Betaling.objects.get(betaalvoorstel=voorstel_lijst[0])
    document = Document.objects.get(soort=Document.Soort.SPECIFICATIE, bron_id=betaling.pk)
    assert document.persoon_id == betaling.persoon_id
    assert document.titel == "Uitkeringsspecificatie januari 2025"

    tekst = pdf_woorden(bytes(document.inhoud))
    for verwacht in (
        "Uitkeringsspecificatie januari 2025",
        "€ 1.345,45",  # the norm
        "€ 300,00",  # income that counts
        "€ 100,00",  # disregarded
        "€ 49,78",  # vakantiegeld kept apart
        "€ 995,67",  # paid
        "25% vrijgelaten, art. 31 lid 2 onderdeel n",
        "Dit is de eerste betaling.",
    ):
        assert verwacht in tekst, verwacht
    assert specificatie.specificatie_pdf(betaling=betaling) == bytes(document.inhoud)


def test_a_correction_held_up_by_an_approved_run_is_never_paid_on_the_old_income(
    tenant_a, opzet, django_capture_on_commit_callbacks
):
    consulent, teamleider, voorstel_lijst = opzet
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    # The resident of the proposal without income earned € 800 in January after all; the
    # approved run keeps the old proposal of € 1.281,38 for now.
    zonder_inkomen = voorstel_lijst[1]
    uitkomst = h.opgave(consulent, zonder_inkomen.persoon, JAN, loon_cent=80000)
    assert "Trek die betaalrun eerst in" in uitkomst.melding

    # Executing the run now would pay on the old income: it stops, and nothing is paid.
    run = _uitvoeren(run, teamleider, django_capture_on_commit_callbacks)
    assert run.status == S.MISLUKT
    assert zonder_inkomen.persoon.volledige_naam in run.foutmelding
    assert "inkomstenopgave" in run.foutmelding
    assert not Betaling.objects.exists()

    # Withdrawn and composed again: the proposal made before the correction stays out, with
    # the reason, and the other two are paid.
    diensten.betaalrun_intrekken(actor=teamleider, run=run, reden="Opgave gecorrigeerd.")
    samenstelling = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    )
    assert samenstelling.run.totaal_cent == 99567 + 104329
    ((naam, maand, reden),) = samenstelling.niet_opgenomen
    assert (naam, maand) == (zonder_inkomen.persoon.volledige_naam, JAN)
    assert "inkomstenopgave" in reden and "opnieuw" in reden

    # Saving the opgave again makes the proposal on the new income (€ 800: 25% = € 200
    # disregarded, € 600 counts: 1345.45 − 600.00 = 745.45, reserved 35.50, paid 709.95).
    nieuw = h.opgave(consulent, zonder_inkomen.persoon, JAN, loon_cent=80000).voorstel
    assert nieuw.te_betalen_cent == 70995
    voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=nieuw)
    tweede = diensten.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=JAN)
    assert (tweede.run.totaal_cent, tweede.niet_opgenomen) == (70995, [])


def test_composing_when_every_approved_proposal_lacks_a_valid_iban_says_so(tenant_a):
    h.beleid(tenant_a)
    consulent = h.consulent(tenant_a)
    zonder = h.huishouden_met_bijstand(tenant_a, iban="")
    fout = h.huishouden_met_bijstand(tenant_a, iban="NL91ABNA0417164301")  # wrong check digits
    for besluit in (zonder, fout):
        voorstel = h.opgave(consulent, besluit.persoon, JAN, loon_cent=40000).voorstel
        voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=voorstel)
    with pytest.raises(ValidationError) as fout_info:
        diensten.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=JAN)
    melding = " ".join(fout_info.value.messages)
    # Not "nothing approved": two approved proposals wait, and the consulent learns which.
    assert "geen goedgekeurde voorstellen" not in melding
    assert zonder.persoon.volledige_naam in melding and fout.persoon.volledige_naam in melding
    assert "IBAN" in melding
    assert not Betaalrun.objects.exists()


def test_a_payment_date_in_the_past_is_refused_and_the_form_keeps_what_was_typed(
    tenant_a, opzet, ingelogd
):
    consulent, _teamleider, _voorstellen = opzet
    client = ingelogd(consulent.user)
    gisteren = timezone.localdate() - dt.timedelta(days=1)
    antwoord = client.post(
        "/uitkering/betalingen/runs/",
        {"gemeente": tenant_a.gemeente.pk, "maand": "2025-01", "betaaldatum": gisteren.isoformat()},
    )
    # The bank cannot pay yesterday: the approver would see a date that is never used.
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Kies een betaaldatum vanaf vandaag" in html
    assert f'value="{gisteren.isoformat()}"' in html and 'value="2025-01"' in html
    assert not Betaalrun.objects.exists()


def test_the_specification_shows_the_decisions_correction_so_the_sums_add_up(
    tenant_a, django_capture_on_commit_callbacks
):
    h.beleid(tenant_a)
    consulent, teamleider = h.consulent(tenant_a), h.teamleider(tenant_a)
    besluit = h.huishouden_met_bijstand(
        tenant_a, correctie_cent=5000, correctie_reden="Vergoeding voor de reiskosten."
    )
    voorstel = h.opgave(consulent, besluit.persoon, JAN, loon_cent=40000).voorstel
    voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=voorstel)
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    _uitvoeren(run, teamleider, django_capture_on_commit_callbacks)
    document = Document.objects.get(soort=Document.Soort.SPECIFICATIE)
    woorden = pdf_woorden(bytes(document.inhoud))
    # 1345.45 − 300.00 = 1045.45, plus the decision's € 50,00 = 1095.45: the letter shows
    # each step, so the resident can add it up.
    for regel in (
        "Uw bijstandsnorm € 1.345,45",
        "Inkomsten die meetellen € 300,00",
        "Aanpassing in uw besluit + € 50,00",
        "Bijstand over januari 2025 € 1.095,45",
    ):
        assert regel in woorden, regel
