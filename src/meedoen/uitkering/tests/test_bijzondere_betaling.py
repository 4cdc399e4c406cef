"""A toekenning of bijzondere bijstand is paid once, by the next payment run of
uitkering/betalingen, to the account on the request."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from meedoen.testing.uitkering_factories import KostenCategorieFactory
from meedoen.uitkering.betalingen import betaalrun as runs
from meedoen.uitkering.bijzondere import services
from meedoen.uitkering.models import Betaling
from meedoen.uitkering.tests import betalingen_hulp as h
from meedoen.uitkering.tests.herziening_hulp import huishouden_met_aanvrager

pytestmark = pytest.mark.django_db


def test_a_toekenning_is_paid_by_the_next_run_and_only_once(
    tenant_a, django_capture_on_commit_callbacks
):
    h.beleid(tenant_a)
    consulent, teamleider = h.consulent(tenant_a), h.teamleider(tenant_a)
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    categorie = KostenCategorieFactory(gemeente=tenant_a.gemeente, maximum_cent=40000)
    # Income at the voet (the norm € 1.345,45): no draagkracht; € 450,00 capped at € 400,00.
    aanvraag = services.aanvraag_registreren(
        actor=consulent,
        persoon=persoon,
        categorie=categorie,
        omschrijving="Koelkast",
        bedrag_cent=45000,
        inkomen_cent=134545,
        ingediend_op=dt.date(2025, 3, 10),
        iban="NL91ABNA0417164300",
        tenaamstelling="O. van Ochten",
    )
    services.beslissen(actor=consulent, aanvraag=aanvraag, besluit="toegekend", gronden="Nodig.")

    maart = dt.date(2025, 3, 1)
    run = runs.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=maart).run
    runs.betaalrun_accorderen(actor=teamleider, run=run)
    with django_capture_on_commit_callbacks(execute=True):
        runs.betaalrun_starten(actor=teamleider, run=run, specificaties=False)
    # A second run finds nothing left to pay.
    with pytest.raises(ValidationError, match="niets te betalen"):
        runs.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=maart)
    betaling = Betaling.objects.get()
    assert (betaling.soort, betaling.bedrag_cent, betaling.iban) == (
        "bijzondere_bijstand",
        40000,
        "NL91ABNA0417164300",
    )
    assert betaling.bijzondere_bijstand == aanvraag
