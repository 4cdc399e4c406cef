"""Making a month's proposals for a whole gemeente is background work: the page only queues it,
the worker calculates batch by batch, and the page shows the progress and then the outcome,
naming every household that got no proposal and why. A calculation that stops keeps the batches
already saved; a new start makes only the rest."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from meedoen.conf import base
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.betalingen import maandberekening, rekenen
from meedoen.uitkering.models import Betaalvoorstel, Maandberekening
from meedoen.uitkering.tests import betalingen_hulp as h

JAN = dt.date(2025, 1, 1)
S = Maandberekening.Status
OVERZICHT = "/uitkering/betalingen/"
STARTEN = "/uitkering/betalingen/berekenen/"


def _keuze(tenant, maand="2025-01"):
    return {"gemeente": tenant.gemeente.pk, "maand": maand}


# The worker closes and reopens database connections, so this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_the_page_queues_the_month_and_the_worker_makes_the_proposals(tenant_a, ingelogd, settings):
    settings.TASKS = base.TASKS  # as deployed: the database queue
    h.beleid(tenant_a)
    for _ in range(3):
        h.huishouden_met_bijstand(tenant_a)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))

    client.post(STARTEN, _keuze(tenant_a))
    berekening = Maandberekening.objects.get()
    assert berekening.status == S.WACHTRIJ
    assert not Betaalvoorstel.objects.exists()
    pagina = client.get(OVERZICHT, _keuze(tenant_a)).content.decode()
    assert "in de wachtrij" in pagina
    voortgang = f"/uitkering/betalingen/berekeningen/{berekening.pk}/voortgang/"
    assert f'hx-get="{voortgang}?getoond=wachtrij"' in pagina
    # No second button while it waits, and a second start (another tab) is refused.
    assert f'action="{STARTEN}"' not in pagina
    pagina = client.post(STARTEN, _keuze(tenant_a), follow=True).content.decode()
    assert "De voorstellen over januari 2025 worden al gemaakt" in pagina
    assert Maandberekening.objects.count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    berekening.refresh_from_db()
    assert (berekening.status, berekening.gedaan, berekening.huishoudens) == (S.KLAAR, 3, 3)
    assert Betaalvoorstel.objects.filter(maand=JAN, status="concept").count() == 3
    # The page that still shows "in de wachtrij" reloads, so its figures follow.
    antwoord = client.get(voortgang, {"getoond": "wachtrij"})
    assert antwoord["HX-Refresh"] == "true"
    pagina = client.get(OVERZICHT, _keuze(tenant_a)).content.decode()
    assert "3 voorstellen gemaakt" in pagina
    assert "hx-trigger" not in pagina
    assert AuditEvent.objects.filter(doel="voorstellen maken", object_id=str(berekening.pk))


def test_a_stopped_calculation_keeps_its_saved_batches_and_a_new_start_makes_the_rest(
    tenant_a, ingelogd, monkeypatch, django_capture_on_commit_callbacks
):
    h.beleid(tenant_a)
    for _ in range(3):
        h.huishouden_met_bijstand(tenant_a)
    monkeypatch.setattr(maand_, "PER_BATCH", 1)
    echt = rekenen.veel_huishoudens
    aanroepen = []

    def tweede_batch_faalt(**kwargs):
        aanroepen.append(1)
        if len(aanroepen) == 2:
            raise RuntimeError("database weg")
        return echt(**kwargs)

    monkeypatch.setattr(rekenen, "veel_huishoudens", tweede_batch_faalt)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(STARTEN, _keuze(tenant_a))

    eerste = Maandberekening.objects.get()
    assert (eerste.status, eerste.aangemaakt, eerste.gedaan) == (S.MISLUKT, 1, 1)
    assert Betaalvoorstel.objects.count() == 1
    pagina = client.get(OVERZICHT, _keuze(tenant_a)).content.decode()
    assert "Het maken van de voorstellen is gestopt." in pagina
    assert "Er is 1 voorstel gemaakt voordat het stopte" in pagina
    assert f'action="{STARTEN}"' in pagina  # it can be started again

    monkeypatch.setattr(rekenen, "veel_huishoudens", echt)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(STARTEN, _keuze(tenant_a))
    tweede = Maandberekening.objects.exclude(pk=eerste.pk).get()
    assert (tweede.status, tweede.aangemaakt, tweede.al_aanwezig) == (S.KLAAR, 2, 1)
    assert Betaalvoorstel.objects.filter(maand=JAN).count() == 3
    pagina = client.get(OVERZICHT, _keuze(tenant_a)).content.decode()
    assert "2 voorstellen gemaakt. 1 huishouden had al een voorstel." in pagina


def test_households_without_a_proposal_are_named_with_the_reason(
    tenant_a, ingelogd, django_capture_on_commit_callbacks
):
    """A household the engine cannot calculate is listed with the reason; the others get their
    proposal. (A month without published legal amounts, such as July 2026, is refused before
    anything starts: test_betalingen_maand.)"""
    h.beleid(tenant_a)
    h.huishouden_met_bijstand(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a)
    besluit.situatie["assets"] = "veel"  # stored data the engine does not accept
    besluit.save(update_fields=["situatie"])
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(STARTEN, _keuze(tenant_a))

    assert Betaalvoorstel.objects.get().huishouden_id != besluit.huishouden_id
    pagina = client.get(OVERZICHT, _keuze(tenant_a)).content.decode()
    assert "Klaar op" in pagina and "1 voorstel gemaakt" in pagina
    assert "Voor 1 huishouden kon geen voorstel worden gemaakt:" in pagina
    regel = pagina.split(besluit.persoon.volledige_naam + ":", 1)[1].split("</li>", 1)[0]
    assert "Geen geldig bedrag" in regel


def test_a_calculation_that_stopped_showing_progress_no_longer_blocks_a_new_start(tenant_a):
    h.beleid(tenant_a)
    actor = h.consulent(tenant_a)
    vast = Maandberekening.objects.create(
        gemeente=tenant_a.gemeente, maand=JAN, gestart_door=actor.user, status=S.BEZIG
    )
    with pytest.raises(Exception, match="worden al gemaakt"):
        maandberekening.maandberekening_starten(actor=actor, gemeente=tenant_a.gemeente, maand=JAN)

    Maandberekening.objects.filter(pk=vast.pk).update(
        gewijzigd_op=timezone.now() - dt.timedelta(minutes=16)
    )
    nieuw = maandberekening.maandberekening_starten(
        actor=actor, gemeente=tenant_a.gemeente, maand=JAN
    )
    vast.refresh_from_db()
    assert vast.status == S.MISLUKT and "Onderbroken" in vast.foutmelding
    assert nieuw.status == S.WACHTRIJ


def test_starting_needs_the_capability_and_the_gemeente(tenant_a, tenant_b, ingelogd):
    h.beleid(tenant_a)
    teamleider = ingelogd(tenant_a.gebruiker(Rol.TEAMLEIDER))
    assert teamleider.post(STARTEN, _keuze(tenant_a)).status_code == 403
    consulent = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    consulent.post(STARTEN, _keuze(tenant_b))
    assert not Maandberekening.objects.exists()
