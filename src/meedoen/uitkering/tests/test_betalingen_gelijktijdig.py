"""Two people at the same moment: approving one proposal, composing a run, approving a run or
starting its execution. Exactly one succeeds; the other gets a clear message, and nothing is
paid twice. Real threads with their own database connections, released together by a barrier.

PostgreSQL only: these tests prove the row locks (SELECT … FOR UPDATE). SQLite has no row locks
and lets only one writer in at a time, so the race cannot even be set up there."""

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from meedoen.core.roles import Rol
from meedoen.uitkering.betalingen import betaalrun as diensten
from meedoen.uitkering.betalingen import voorstellen
from meedoen.uitkering.models import Betaalopdracht, Betaalrun, Betaalvoorstel, Betaling
from meedoen.uitkering.tests import betalingen_hulp as h

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
JAN = dt.date(2025, 1, 1)


@pytest.fixture(autouse=True)
def alleen_postgres():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite has no row locks and allows one writer at a time, so two "
            "simultaneous approvals cannot be set up (set DATABASE_URL to run this)"
        )


def tegelijk(*acties) -> list[str]:
    """Run the actions in threads that start at the same instant; 'ok' or 'geweigerd' each."""
    start = threading.Barrier(len(acties))

    def uitvoeren(actie):
        try:
            start.wait()
            actie()
            return "ok"
        except ValidationError:
            return "geweigerd"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(acties)) as pool:
        return sorted(pool.map(uitvoeren, acties))


@pytest.fixture
def goedgekeurde_voorstellen(tenant_a):
    h.beleid(tenant_a)
    consulent = h.consulent(tenant_a)
    lijst = []
    for _ in range(3):
        besluit = h.huishouden_met_bijstand(tenant_a)
        voorstel = h.opgave(consulent, besluit.persoon, JAN, loon_cent=40000).voorstel
        lijst.append(voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=voorstel))
    return consulent, lijst


def test_two_consulenten_approving_one_proposal(tenant_a):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a)
    voorstel = h.opgave(h.consulent(tenant_a), besluit.persoon, JAN).voorstel
    een, twee = h.consulent(tenant_a), h.consulent(tenant_a)
    uitkomst = tegelijk(
        lambda: voorstellen.voorstel_goedkeuren(actor=een, voorstel=voorstel),
        lambda: voorstellen.voorstel_goedkeuren(actor=twee, voorstel=voorstel),
    )
    assert uitkomst == ["geweigerd", "ok"]
    voorstel.refresh_from_db()
    assert voorstel.status == Betaalvoorstel.Status.GOEDGEKEURD


def test_two_people_composing_a_run_for_the_same_month(tenant_a, goedgekeurde_voorstellen):
    een, _lijst = goedgekeurde_voorstellen
    twee = h.consulent(tenant_a)
    uitkomst = tegelijk(
        lambda: diensten.betaalrun_samenstellen(actor=een, gemeente=tenant_a.gemeente, maand=JAN),
        lambda: diensten.betaalrun_samenstellen(actor=twee, gemeente=tenant_a.gemeente, maand=JAN),
    )
    assert uitkomst == ["geweigerd", "ok"]
    assert Betaalopdracht.objects.filter(actief=True).count() == 3


def test_two_teamleiders_approving_one_run(tenant_a, goedgekeurde_voorstellen):
    consulent, _lijst = goedgekeurde_voorstellen
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    een, twee = tenant_a.actor(Rol.TEAMLEIDER), tenant_a.actor(Rol.TEAMLEIDER)
    uitkomst = tegelijk(
        lambda: diensten.betaalrun_accorderen(actor=een, run=run),
        lambda: diensten.betaalrun_accorderen(actor=twee, run=run),
    )
    assert uitkomst == ["geweigerd", "ok"]


def test_two_people_executing_one_run_pay_once(tenant_a, goedgekeurde_voorstellen):
    consulent, lijst = goedgekeurde_voorstellen
    run = diensten.betaalrun_samenstellen(
        actor=consulent, gemeente=tenant_a.gemeente, maand=JAN
    ).run
    diensten.betaalrun_accorderen(actor=h.teamleider(tenant_a), run=run)
    een, twee = h.teamleider(tenant_a), h.teamleider(tenant_a)
    # The winner's background task runs right after its commit (immediate backend).
    uitkomst = tegelijk(
        lambda: diensten.betaalrun_starten(actor=een, run=run),
        lambda: diensten.betaalrun_starten(actor=twee, run=run),
    )
    assert uitkomst == ["geweigerd", "ok"]
    run.refresh_from_db()
    assert run.status == Betaalrun.Status.UITGEVOERD
    assert Betaling.objects.count() == len(lijst) == 3
