"""Four eyes on bijzondere bijstand: a toekenning above the gemeente's limit (set by the
functioneel beheerder on the Inkomensbeleid page) waits for a colleague, who approves or sends
it back. Never the same person (also a database rule). Only an approved toekenning gets its
letter and is paid by the payment run."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import login_met_tweede_factor
from meedoen.testing.uitkering_factories import KostenCategorieFactory
from meedoen.uitkering.betalingen import betaalrun as runs
from meedoen.uitkering.bijzondere import accorderen, selectors, services
from meedoen.uitkering.models import Betaling, BijzondereBijstand, Document, Inkomensbeleid
from meedoen.uitkering.tests import betalingen_hulp as h
from meedoen.uitkering.tests.herziening_hulp import huishouden_met_aanvrager

pytestmark = pytest.mark.django_db

MAART = dt.date(2025, 3, 1)


def registreer(tenant, consulent, *, inkomen_cent=134545):
    """Income at the voet: the calculation grants the costs up to the maximum of € 400,00."""
    persoon, _ = huishouden_met_aanvrager(tenant.gemeente)
    categorie = KostenCategorieFactory(gemeente=tenant.gemeente, naam="Witgoed", maximum_cent=40000)
    return services.aanvraag_registreren(
        actor=consulent,
        persoon=persoon,
        categorie=categorie,
        omschrijving="Koelkast kapot",
        bedrag_cent=45000,
        inkomen_cent=inkomen_cent,
        ingediend_op=dt.date(2025, 3, 10),
        iban="NL91ABNA0417164300",
        tenaamstelling="O. van Ochten",
    )


def toekennen(actor, aanvraag):
    return services.beslissen(
        actor=actor, aanvraag=aanvraag, besluit="toegekend", gronden="Noodzakelijk."
    )


def test_above_the_limit_a_colleague_approves_and_only_then_the_run_pays(
    tenant_a, django_capture_on_commit_callbacks
):
    h.beleid(tenant_a, bijzondere_vier_ogen_grens_cent=30000)
    consulent, teamleider = h.consulent(tenant_a), h.teamleider(tenant_a)
    aanvraag = registreer(tenant_a, consulent)
    toekennen(consulent, aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == BijzondereBijstand.Status.WACHT_OP_ACCORDERING
    assert (aanvraag.voorgesteld_cent, aanvraag.toegekend_cent) == (40000, None)
    assert not Document.objects.filter(bron_id=aanvraag.pk).exists()
    # Waiting is not paid.
    with pytest.raises(ValidationError, match="niets te betalen"):
        runs.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=MAART)
    # On the colleague's worklist, not on the decider's.
    assert list(selectors.te_accorderen(actor=teamleider)) == [aanvraag]
    assert list(selectors.te_accorderen(actor=consulent)) == []
    with pytest.raises(ValidationError, match="zelf genomen"):
        accorderen.accorderen(actor=consulent, aanvraag=aanvraag)

    accorderen.accorderen(actor=teamleider, aanvraag=aanvraag, toelichting="Akkoord.")
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.toegekend_cent) == ("toegekend", 40000)
    assert aanvraag.geaccordeerd_door == teamleider.user
    assert Document.objects.filter(bron_id=aanvraag.pk).count() == 1
    assert ["wacht", "toegekend"] in [
        e.wijzigingen.get("status") for e in AuditEvent.objects.filter(object_id=str(aanvraag.pk))
    ]
    with pytest.raises(ValidationError, match="wacht niet"):
        accorderen.accorderen(actor=teamleider, aanvraag=aanvraag)

    run = runs.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=MAART).run
    runs.betaalrun_accorderen(actor=teamleider, run=run)
    with django_capture_on_commit_callbacks(execute=True):
        runs.betaalrun_starten(actor=teamleider, run=run, specificaties=False)
    betaling = Betaling.objects.get()
    assert (betaling.bijzondere_bijstand, betaling.bedrag_cent) == (aanvraag, 40000)


def test_at_or_below_the_limit_the_decision_is_final_at_once(tenant_a):
    h.beleid(tenant_a, bijzondere_vier_ogen_grens_cent=40000)
    consulent = h.consulent(tenant_a)
    aanvraag = registreer(tenant_a, consulent)
    toekennen(consulent, aanvraag)
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.toegekend_cent) == ("toegekend", 40000)


def test_the_database_refuses_the_decider_as_approver(tenant_a):
    h.beleid(tenant_a, bijzondere_vier_ogen_grens_cent=0)
    consulent = h.consulent(tenant_a)
    aanvraag = registreer(tenant_a, consulent)
    toekennen(consulent, aanvraag)
    with pytest.raises(IntegrityError), transaction.atomic():
        BijzondereBijstand.objects.filter(pk=aanvraag.pk).update(geaccordeerd_door=consulent.user)


def test_sent_back_with_a_reason_the_consulent_decides_again(tenant_a):
    h.beleid(tenant_a, bijzondere_vier_ogen_grens_cent=0)
    consulent, collega = h.consulent(tenant_a), h.consulent(tenant_a)
    aanvraag = registreer(tenant_a, consulent)
    toekennen(consulent, aanvraag)
    with pytest.raises(ValidationError) as fout:
        accorderen.terugsturen(actor=collega, aanvraag=aanvraag, reden=" ")
    assert "reden" in fout.value.message_dict
    accorderen.terugsturen(actor=collega, aanvraag=aanvraag, reden="Offerte ontbreekt.")
    aanvraag.refresh_from_db()
    assert aanvraag.status == "ingediend"
    assert (aanvraag.voorgesteld_cent, aanvraag.toegekend_cent) == (None, None)
    assert aanvraag.accordering_toelichting == "Offerte ontbreekt."
    assert not Document.objects.filter(bron_id=aanvraag.pk).exists()
    # The colleague who sent it back may now decide it; then the first consulent approves.
    toekennen(collega, aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == "wacht" and aanvraag.geaccordeerd_door is None
    with pytest.raises(ValidationError, match="zelf genomen"):
        accorderen.accorderen(actor=collega, aanvraag=aanvraag)
    accorderen.accorderen(actor=consulent, aanvraag=aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == "toegekend"
    assert (aanvraag.beslist_door, aanvraag.geaccordeerd_door) == (collega.user, consulent.user)


def test_other_gemeente_and_roles(tenant_a, tenant_b):
    h.beleid(tenant_a, bijzondere_vier_ogen_grens_cent=0)
    consulent = h.consulent(tenant_a)
    aanvraag = registreer(tenant_a, consulent)
    toekennen(consulent, aanvraag)
    with pytest.raises(Geweigerd):
        accorderen.accorderen(actor=tenant_b.actor(Rol.TEAMLEIDER), aanvraag=aanvraag)
    with pytest.raises(Geweigerd):
        accorderen.accorderen(actor=tenant_a.actor(Rol.KLANTMANAGER), aanvraag=aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == "wacht"


def _client(user):
    client = Client()
    login_met_tweede_factor(client, user)
    return client


def test_pages_for_the_decider_and_the_approver(tenant_a, tenant_b):
    h.beleid(tenant_a, bijzondere_vier_ogen_grens_cent=30000)
    consulent_user = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    teamleider_user = tenant_a.gebruiker(Rol.TEAMLEIDER)
    aanvraag = registreer(tenant_a, h.consulent(tenant_a))
    url = reverse("uitkering:bijzondere_detail", args=[aanvraag.pk])

    consulent = _client(consulent_user)
    consulent.post(url, {"onderdeel": "besluit", "besluit": "toegekend", "gronden": "Nodig."})
    aanvraag.refresh_from_db()
    assert aanvraag.status == "wacht"
    eigen = consulent.get(url).content.decode()
    assert "Een collega moet dit besluit nog accorderen" in eigen
    assert 'value="accorderen"' not in eigen

    teamleider = _client(teamleider_user)
    start = teamleider.get(reverse("uitkering:bijzondere_lijst")).content.decode()
    assert "Bijzondere bijstand te accorderen" in start
    assert url in start
    pagina = teamleider.get(url).content.decode()
    assert 'value="accorderen"' in pagina and 'value="terugsturen"' in pagina
    assert "€ 400,00" in pagina
    leeg = teamleider.post(url, {"onderdeel": "terugsturen", "terugsturen-reden": ""})
    assert leeg.status_code == 200
    assert "Schrijf op wat er anders moet" in leeg.content.decode()
    teamleider.post(url, {"onderdeel": "terugsturen", "terugsturen-reden": "Offerte ontbreekt."})
    teruggestuurd = consulent.get(url).content.decode()
    assert "Wat moet er anders: Offerte ontbreekt." in teruggestuurd
    assert 'value="besluit"' in teruggestuurd
    consulent.post(url, {"onderdeel": "besluit", "besluit": "toegekend", "gronden": "Offerte er."})
    aanvraag.refresh_from_db()
    assert aanvraag.status == "wacht"
    teamleider.post(url, {"onderdeel": "accorderen", "accorderen-toelichting": ""})
    aanvraag.refresh_from_db()
    assert aanvraag.status == "toegekend"
    assert "Geaccordeerd door" in teamleider.get(url).content.decode()

    anders = _client(tenant_b.gebruiker(Rol.TEAMLEIDER))
    assert anders.get(url).status_code == 404
    home = teamleider.get(reverse("ui:start")).content.decode()
    assert "Bijzondere bijstand te accorderen" in home


def test_the_beheerder_sets_the_limit_on_the_inkomensbeleid_page(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    pagina = client.get(reverse("uitkering:inkomensbeleid")).content.decode()
    assert "Vier ogen bij bijzondere bijstand boven" in pagina
    prefix = f"dk{tenant_a.gemeente.pk}-"
    client.post(
        reverse("uitkering:bijzondere_draagkracht") + f"?gemeente={tenant_a.gemeente.pk}",
        {
            prefix + "draagkrachtvrije_voet_percentage": "100",
            prefix + "draagkracht_percentage": "50",
            prefix + "draagkracht_periode_maanden": "12",
            prefix + "bijzondere_vier_ogen_grens": "750.00",
        },
    )
    beleid = Inkomensbeleid.objects.get(gemeente=tenant_a.gemeente)
    assert beleid.bijzondere_vier_ogen_grens_cent == 75000
    assert [100000, 75000] in [
        e.wijzigingen.get("bijzondere_vier_ogen_grens_cent")
        for e in AuditEvent.objects.filter(object_id=str(beleid.pk))
    ]
