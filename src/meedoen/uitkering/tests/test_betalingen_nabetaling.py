"""A decided nabetaling of a household whose benefit has ended is paid on its own line in the
next payment run: composed, approved by another person and executed through the pages, in the
bank file and the run totals, shown as paid, and never paid twice.

Amounts by hand (alleenstaande 21+, art. 21 a € 1.345,45 in 2025; vrijlating art. 31 lid 2 n
25%; vakantiegeld reserved: benefit × 5/105): January with € 400,00 work income pays
€ 995,67 (benefit 1.045,45). The payslip was wrong, there was no work: the right benefit is
1.345,45, so € 300,00 was paid too little. The benefit ended on 31 January."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from lxml import etree

from meedoen.testing import uitkering_factories as uf
from meedoen.uitkering.betalingen import betaalrun as diensten
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.betalingen import voorstellen
from meedoen.uitkering.herziening import beslissen
from meedoen.uitkering.models import Betaalopdracht, Betaalrun, Betaalvoorstel, Betaling
from meedoen.uitkering.tests import betalingen_hulp as h

pytestmark = pytest.mark.django_db

JAN, FEB, MRT = (dt.date(2025, m, 1) for m in (1, 2, 3))
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
IBAN = "NL91ABNA0417164300"


def _uitvoeren(run, actor, capture) -> Betaalrun:
    with capture(execute=True):
        diensten.betaalrun_starten(actor=actor, run=run, specificaties=False)
    run.refresh_from_db()
    assert run.status == "uitgevoerd", run.foutmelding
    return run


@pytest.fixture
def nabetaling(tenant_a, django_capture_on_commit_callbacks):
    """January paid (€ 995,67 + € 49,78 vakantiegeld), the benefit ended on 31 January, then
    the January opgave is corrected and the € 300,00 underpayment is decided as 'nabetalen'."""
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a, ingangsdatum=JAN, iban=IBAN)
    besluit.einddatum = dt.date(2025, 1, 31)
    besluit.save(update_fields=["einddatum"])
    consulent, teamleider = h.consulent(tenant_a), h.teamleider(tenant_a)
    voorstel = h.opgave(consulent, besluit.persoon, JAN, loon_cent=40000).voorstel
    voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=voorstel)
    run = diensten.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=JAN)
    diensten.betaalrun_accorderen(actor=teamleider, run=run.run)
    _uitvoeren(run.run, teamleider, django_capture_on_commit_callbacks)
    # 995,67 plus the reserved vakantiegeld 49,78 paid out in the last month of the benefit.
    assert Betaling.objects.get().bedrag_cent == 99567 + 4978

    herziening = h.opgave(consulent, besluit.persoon, JAN, loon_cent=0).herziening
    assert herziening.verschil_cent == -30000
    herziening = beslissen.herziening_beslissen(
        actor=consulent, herziening=herziening, besluit="nabetalen"
    )
    # February: no decision applies, so no monthly proposal will ever carry the nabetaling.
    maand_.maand_berekenen(actor=consulent, gemeente=tenant_a.gemeente, maand=FEB)
    assert not Betaalvoorstel.objects.filter(maand=FEB).exists()
    return besluit, herziening, consulent, teamleider


def test_a_nabetaling_after_the_benefit_ended_is_paid_in_the_next_run(
    tenant_a, nabetaling, ingelogd, django_capture_on_commit_callbacks
):
    besluit, herziening, consulent, teamleider = nabetaling
    client = ingelogd(consulent.user)
    antwoord = client.post(
        "/uitkering/betalingen/runs/",
        {"gemeente": tenant_a.gemeente.pk, "maand": "2025-02", "betaaldatum": ""},
    )
    assert antwoord.status_code == 302
    run = Betaalrun.objects.get(maand=FEB)
    assert (run.aantal, run.totaal_cent) == (1, 30000)
    [lijn] = run.opdrachten.all()
    assert (lijn.soort, lijn.herziening_id, lijn.bedrag_cent) == (
        "nabetaling",
        herziening.pk,
        30000,
    )
    pagina = client.get(f"/uitkering/betalingen/runs/{run.pk}/").content.decode()
    assert "Nabetaling (januari 2025)" in pagina
    assert reverse("uitkering:herziening_detail", args=[herziening.pk]) in pagina

    client = ingelogd(teamleider.user)
    assert client.post(f"/uitkering/betalingen/runs/{run.pk}/accorderen/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/uitkering/betalingen/runs/{run.pk}/uitvoeren/").status_code == 302
    run.refresh_from_db()
    assert run.status == "uitgevoerd", run.foutmelding
    assert (run.aantal, run.totaal_cent) == (1, 30000)

    betaling = Betaling.objects.get(betaalrun=run)
    assert (betaling.soort, betaling.bedrag_cent, betaling.iban) == ("nabetaling", 30000, IBAN)
    assert betaling.herziening_id == herziening.pk
    assert betaling.omschrijving == "Nabetaling bijstand januari 2025 gemeente Deventer"
    document = etree.fromstring(bytes(run.pain001))
    assert document.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS) == "300.00"
    assert document.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=NS) == "1"
    assert [Decimal(e.text) for e in document.iterfind(".//p:InstdAmt", NS)] == [Decimal("300")]
    assert document.findtext(".//p:CdtrAcct/p:Id/p:IBAN", namespaces=NS) == IBAN

    dossier = client.get(reverse("clients:dossier", args=[besluit.persoon.pk])).content.decode()
    assert "Nabetaling (januari 2025)" in dossier and "€ 300,00" in dossier

    # Paid once: the next run has nothing left to pay.
    with pytest.raises(ValidationError, match="Er is niets te betalen"):
        diensten.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=MRT)


def test_a_nabetaling_paid_on_its_own_is_not_paid_again_when_the_benefit_resumes(
    tenant_a, nabetaling, django_capture_on_commit_callbacks
):
    besluit, herziening, consulent, teamleider = nabetaling
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=FEB
    ).run
    # A new toekenning from March while the nabetaling sits in the run: March's proposal
    # leaves it out, because the run pays it.
    uf.ToekenningFactory(
        gemeente=tenant_a.gemeente,
        persoon=besluit.persoon,
        huishouden=besluit.huishouden,
        ingangsdatum=MRT,
        iban=IBAN,
        lidmaatschap=False,
    )
    maand_.maand_berekenen(actor=consulent, gemeente=tenant_a.gemeente, maand=MRT)
    mrt = Betaalvoorstel.objects.get(maand=MRT)
    assert (mrt.nabetaling_cent, mrt.te_betalen_cent) == (0, 128138)

    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    _uitvoeren(run, teamleider, django_capture_on_commit_callbacks)
    assert Betaling.objects.get(herziening=herziening).bedrag_cent == 30000
    # Recalculating March after the payment still leaves it out.
    maand_.voorstel_herberekenen(actor=consulent, huishouden=besluit.huishouden, maand=MRT)
    assert Betaalvoorstel.objects.exclude(status="vervallen").get(maand=MRT).nabetaling_cent == 0


def test_a_nabetaling_taken_in_by_a_monthly_proposal_meanwhile_is_not_paid_by_the_run(
    tenant_a, nabetaling, django_capture_on_commit_callbacks
):
    besluit, herziening, consulent, teamleider = nabetaling
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=FEB
    ).run
    # The database refuses a second active line for the same nabetaling.
    with pytest.raises(IntegrityError), transaction.atomic():
        Betaalopdracht.objects.create(
            gemeente=tenant_a.gemeente,
            betaalrun=run,
            soort="nabetaling",
            herziening=herziening,
            huishouden=besluit.huishouden,
            persoon=besluit.persoon,
            maand=FEB,
            bedrag_cent=30000,
        )
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    # Meanwhile a proposal took it in (e.g. an older path): the run must not pay it as well.
    januari = Betaalvoorstel.objects.get(maand=JAN)
    herziening.nabetaald_in = januari
    herziening.save(update_fields=["nabetaald_in"])
    with django_capture_on_commit_callbacks(execute=True):
        diensten.betaalrun_starten(actor=teamleider, run=run, specificaties=False)
    run.refresh_from_db()
    assert run.status == "mislukt"
    assert "niet meer open" in run.foutmelding
    assert not Betaling.objects.filter(herziening=herziening).exists()


def test_a_nabetaling_without_a_valid_iban_is_named_and_left_out(tenant_a, nabetaling):
    besluit, herziening, consulent, _ = nabetaling
    besluit.iban = "NL00ABNA0123456789"
    besluit.save(update_fields=["iban"])
    with pytest.raises(ValidationError) as fout:
        diensten.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=FEB)
    assert "Er is geen geldig IBAN voor de nabetaling." in " ".join(fout.value.messages)
