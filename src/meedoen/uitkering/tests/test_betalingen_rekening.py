"""A resident's new account: from the chosen month the payment runs pay to it; a month that was
paid, or sits in a run a colleague already approved, keeps the old account."""

import datetime as dt

import pytest
from django.urls import reverse

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.uitkering.betalingen import betaalrun as diensten
from meedoen.uitkering.betalingen import voorstellen
from meedoen.uitkering.models import Betaling, Rekeningwijziging
from meedoen.uitkering.tests import betalingen_hulp as h

JAN, FEB = dt.date(2025, 1, 1), dt.date(2025, 2, 1)
OUD, NIEUW = "NL91ABNA0417164300", "NL20INGB0001234567"


@pytest.fixture
def besluit(tenant_a):
    h.beleid(tenant_a)
    return h.huishouden_met_bijstand(tenant_a, iban=OUD)


def _betalen(tenant, persoon, maand):
    consulent, teamleider = h.consulent(tenant), h.teamleider(tenant)
    voorstel = h.opgave(consulent, persoon, maand).voorstel
    voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=voorstel)
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant.gemeente, maand=maand
    ).run
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    return run


def _uitvoeren(tenant, run):
    type(run).objects.filter(pk=run.pk).update(status=type(run).Status.IN_UITVOERING)
    return diensten.betaalrun_uitvoeren(
        run_id=run.pk, actor=h.teamleider(tenant), specificaties=False
    )


def _post(client, persoon, **anders):
    data = {"iban": "NL20 INGB 0001 2345 67", "tenaamstelling": "J. Jansen", "vanaf": "2025-02"}
    return client.post(
        reverse("uitkering:betalingen_rekening", args=[persoon.pk]), data | anders, follow=True
    )


def test_from_the_chosen_month_the_run_pays_to_the_new_account(tenant_a, besluit, ingelogd):
    _uitvoeren(tenant_a, _betalen(tenant_a, besluit.persoon, JAN))
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    dossier = client.get(reverse("clients:dossier", args=[besluit.persoon.pk])).content.decode()
    assert reverse("uitkering:betalingen_rekening", args=[besluit.persoon.pk]) in dossier

    pagina = _post(client, besluit.persoon).content.decode()
    assert "Het nieuwe rekeningnummer geldt vanaf de betaling over februari 2025." in pagina
    event = AuditEvent.objects.filter(doel="rekeningnummer wijzigen").get()
    assert event.wijzigingen["iban"] == [OUD, NIEUW]

    run = _uitvoeren(tenant_a, _betalen(tenant_a, besluit.persoon, FEB))
    assert Betaling.objects.get(maand=JAN).iban == OUD
    februari = Betaling.objects.get(maand=FEB)
    assert (februari.iban, februari.naam) == (NIEUW, "J. Jansen")
    bankbestand = bytes(run.pain001).decode()
    assert f"<IBAN>{NIEUW}</IBAN>" in bankbestand and f"<IBAN>{OUD}</IBAN>" not in bankbestand


def test_a_paid_month_or_an_approved_run_keeps_the_old_account(tenant_a, besluit, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    run = _betalen(tenant_a, besluit.persoon, JAN)  # approved by the teamleider, not yet paid
    pagina = _post(client, besluit.persoon, vanaf="2025-01").content.decode()
    assert "al geaccordeerd, met de oude rekening" in pagina
    _uitvoeren(tenant_a, run)
    pagina = _post(client, besluit.persoon, vanaf="2025-01").content.decode()
    assert "Over januari 2025 of later is al betaald" in pagina
    assert "J. Jansen" in pagina  # what was typed stays
    pagina = _post(client, besluit.persoon, iban="NL20INGB0001234568").content.decode()
    assert "Dit IBAN klopt niet" in pagina
    assert not Rekeningwijziging.objects.exists()


def test_only_behandelaars_of_the_gemeente_change_an_account(tenant_a, tenant_b, besluit, ingelogd):
    andere = h.huishouden_met_bijstand(tenant_b)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert _post(client, andere.persoon).status_code == 404
    teamleider = ingelogd(tenant_a.gebruiker(Rol.TEAMLEIDER))
    assert _post(teamleider, besluit.persoon).status_code == 403
    assert not Rekeningwijziging.objects.exists()
