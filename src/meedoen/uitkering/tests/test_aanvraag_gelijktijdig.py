"""Two people approving the same decision at the same moment: exactly one succeeds, the
application moves once and the resident gets one letter. Needs real concurrent connections
and row locks, so it runs on PostgreSQL (CI) and is skipped on SQLite."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from meedoen.core.roles import Rol
from meedoen.uitkering.aanvraag import besluiten
from meedoen.uitkering.models import Aanvraag, AanvraagStatus, Besluit, Document
from meedoen.uitkering.tests.aanvraag_hulp import beleid, in_onderzoek, inwoner

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite locks the whole database; row locks need PostgreSQL (CI runs it).",
    ),
]


def test_two_simultaneous_approvals_cannot_both_succeed(tenant_a):
    beleid(tenant_a, vier_ogen_grens_cent=100000)
    consulent = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = in_onderzoek(consulent, inwoner(tenant_a))
    besluit = besluiten.besluit_nemen(
        actor=consulent,
        aanvraag=aanvraag,
        soort=Besluit.Soort.TOEKENNING,
        gronden="Geen inkomen.",
        ingangsdatum=dt.date(2026, 1, 5),
    )
    assert besluit.status == Besluit.Status.WACHT_OP_ACCORDERING  # €1,401.50 > €1,000.00

    accordeurs = [tenant_a.actor(Rol.TEAMLEIDER), tenant_a.actor(Rol.INKOMENSCONSULENT)]
    start = threading.Barrier(len(accordeurs))
    uitkomsten: list[str] = []

    def accorderen(actor):
        try:
            eigen = Besluit.objects.get(pk=besluit.pk)  # each thread its own connection
            start.wait(timeout=30)
            besluiten.besluit_accorderen(actor=actor, besluit=eigen)
            uitkomsten.append("geaccordeerd")
        except ValidationError as fout:
            uitkomsten.append(" ".join(fout.messages))
        finally:
            connection.close()

    draden = [threading.Thread(target=accorderen, args=(a,)) for a in accordeurs]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=120)

    assert (
        sorted(uitkomsten)[0] == "Dit besluit wacht niet (meer) op accordering. Het is vastgesteld."
    )
    assert sorted(uitkomsten)[1] == "geaccordeerd"
    besluit.refresh_from_db()
    assert besluit.status == Besluit.Status.VASTGESTELD
    assert besluit.geaccordeerd_door in {a.user for a in accordeurs}
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.TOEGEKEND
    assert AanvraagStatus.objects.filter(aanvraag=aanvraag, naar="toegekend").count() == 1
    assert Document.objects.filter(bron_id=besluit.pk).count() == 1
