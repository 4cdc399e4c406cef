"""Correcting an inkomstenopgave never deletes what was entered before: the replaced rows stay
(marked with when and by whom) with their payslips, downloadable through the audited view from
the opgave's history and shown on the proposal they were used for. Only the current rows count
in a calculation, in the single-household path and in the month's batch."""

import datetime as dt

import pytest

from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.uitkering.betalingen import betaalrun as diensten
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.betalingen import voorstellen
from meedoen.uitkering.models import Betaalvoorstel, Inkomstenregel
from meedoen.uitkering.tests import betalingen_hulp as h

pytestmark = pytest.mark.django_db

JAN, FEB = dt.date(2025, 1, 1), dt.date(2025, 2, 1)
OUD = h.PDF.replace(b"<<>>", b"<< /Oud true >>")
NIEUW = h.PDF.replace(b"<<>>", b"<< /Nieuw true >>")


def _url(persoon):
    return f"/uitkering/betalingen/inwoners/{persoon.pk}/inkomsten/"


def _post(persoon, *, bedrag, bestand, maand="2025-01"):
    return {
        "maand": maand,
        "toelichting": "",
        "regel-TOTAL_FORMS": "1",
        "regel-INITIAL_FORMS": "0",
        "regel-0-persoon": str(persoon.pk),
        "regel-0-bron": "loon",
        "regel-0-omschrijving": "Bakkerij",
        "regel-0-bedrag": bedrag,
        "regel-0-loonstrook": bestand,
    }


def test_a_correction_of_a_paid_month_keeps_the_old_rows_and_payslips(
    tenant_a, ingelogd, django_capture_on_commit_callbacks
):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a)
    persoon = besluit.persoon
    consulent, teamleider = h.consulent(tenant_a), h.teamleider(tenant_a)
    client = ingelogd(consulent.user)
    eerste = _post(persoon, bedrag="400,00", bestand=h.loonstrook("januari.pdf", OUD))
    assert client.post(_url(persoon), eerste).status_code == 302
    voorstel = Betaalvoorstel.objects.get(maand=JAN)
    voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=voorstel)
    run = diensten.betaalrun_samenstellen(actor=consulent, gemeente=tenant_a.gemeente, maand=JAN)
    diensten.betaalrun_accorderen(actor=teamleider, run=run.run)
    with django_capture_on_commit_callbacks(execute=True):
        diensten.betaalrun_starten(actor=teamleider, run=run.run, specificaties=False)
    oude_regel = Inkomstenregel.objects.get()

    # The correction, with a new payslip, after January was paid.
    with django_capture_on_commit_callbacks(execute=True):
        tweede = _post(persoon, bedrag="350,00", bestand=h.loonstrook("januari-2.pdf", NIEUW))
        assert client.post(_url(persoon), tweede).status_code == 302

    oude_regel = Inkomstenregel.alle.get(pk=oude_regel.pk)
    assert oude_regel.vervangen_op is not None
    assert oude_regel.vervangen_door == consulent.user
    assert oude_regel.loonstrook.storage.exists(oude_regel.loonstrook.name)
    [huidig] = Inkomstenregel.objects.all()
    assert huidig.netto_cent == 35000
    # The herziening compares with the current row only: € 350,00 → 262,50 counts, not 300,00
    # (and not both rows): paid 1.045,45, right 1.082,95, 37,50 too little.
    assert voorstel.herzieningen.get().verschil_cent == -3750

    # The old payslip stays downloadable, through the audited view.
    voor = AuditEvent.objects.filter(actie=Actie.GELEZEN, doel="loonstrook inzien").count()
    download = client.get(f"/uitkering/betalingen/loonstroken/{oude_regel.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == OUD
    assert AuditEvent.objects.filter(actie=Actie.GELEZEN, doel="loonstrook inzien").count() == (
        voor + 1
    )

    # The opgave's history shows the replaced row with when, by whom and its payslip.
    pagina = client.get(_url(persoon) + "?maand=2025-01").content.decode()
    assert "Eerdere versies van deze opgave" in pagina
    geschiedenis = pagina.split("Eerdere versies van deze opgave")[1]
    assert "€ 400,00" in geschiedenis and "€ 350,00" not in geschiedenis
    assert f"/uitkering/betalingen/loonstroken/{oude_regel.pk}/" in geschiedenis
    assert consulent.user.get_full_name() in geschiedenis

    # The paid proposal still shows the income it was paid on, marked as replaced later.
    detail = client.get(f"/uitkering/betalingen/voorstellen/{voorstel.pk}/").content.decode()
    assert "€ 400,00" in detail and "€ 350,00" not in detail
    assert "Later vervangen op" in detail

    # Another gemeente cannot reach the replaced payslip; a klantmanager may not.
    url = f"/uitkering/betalingen/loonstroken/{oude_regel.pk}/"
    assert ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER)).get(url).status_code == 403


def test_the_month_batch_counts_only_the_current_rows(tenant_a):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a)
    consulent = h.consulent(tenant_a)
    h.opgave(consulent, besluit.persoon, FEB, loon_cent=40000)
    h.opgave(consulent, besluit.persoon, FEB, loon_cent=20000)
    assert Inkomstenregel.alle.count() == 2
    # Let the batch make February's proposal itself.
    Betaalvoorstel.objects.filter(maand=FEB).update(status="vervallen")
    maand_.maand_berekenen(actor=consulent, gemeente=tenant_a.gemeente, maand=FEB)
    nieuw = Betaalvoorstel.objects.exclude(status="vervallen").get(maand=FEB)
    assert nieuw.situatie["applicant"]["income"]["work"] == "200.00"
