"""As deployed, a payment run is executed by the background worker (`meedoen db_worker`), not
in the request of the person who starts it: the start only queues it."""

import datetime as dt

import pytest
from django.core.management import call_command

from meedoen.conf import base
from meedoen.uitkering.betalingen import betaalrun as diensten
from meedoen.uitkering.betalingen import voorstellen
from meedoen.uitkering.models import Betaalrun, Betaling, Document
from meedoen.uitkering.tests import betalingen_hulp as h

JAN = dt.date(2025, 1, 1)
S = Betaalrun.Status


# The worker closes and reopens database connections, so this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_a_started_run_waits_in_the_queue_until_the_worker_pays_it(tenant_a, settings):
    settings.TASKS = base.TASKS  # as deployed: the database queue
    h.beleid(tenant_a)
    consulent, teamleider = h.consulent(tenant_a), h.teamleider(tenant_a)
    for loon_cent in (0, 40000):
        besluit = h.huishouden_met_bijstand(tenant_a)
        uitkomst = h.opgave(consulent, besluit.persoon, JAN, loon_cent=loon_cent)
        voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=uitkomst.voorstel)
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    diensten.betaalrun_accorderen(actor=teamleider, run=run)

    diensten.betaalrun_starten(actor=teamleider, run=run)
    run.refresh_from_db()
    assert run.status == S.IN_UITVOERING
    assert not Betaling.objects.filter(betaalrun=run).exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    run.refresh_from_db()
    assert (run.status, run.voortgang) == (S.UITGEVOERD, 100)
    assert Betaling.objects.filter(betaalrun=run).count() == 2
    assert Document.objects.filter(soort=Document.Soort.SPECIFICATIE).count() == 2
