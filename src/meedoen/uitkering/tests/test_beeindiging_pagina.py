"""The page "Bijstand beëindigen": who may open it, another gemeente's resident (404), CSRF,
the audit of the read, messages that keep what was typed, and the warning before ending over a
month that was already paid."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing import uitkering_factories as uf
from meedoen.testing.factories import PersoonFactory, login_met_tweede_factor
from meedoen.uitkering.herziening import services as herziening_services
from meedoen.uitkering.models import Besluit, Betaalvoorstel, Document, Herziening, Terugvordering
from meedoen.uitkering.tests import betalingen_hulp as h

GRONDEN = "Arbeidsovereenkomst bij Bakkerij De Korf vanaf 1 april 2025."


@pytest.fixture
def toekenning(tenant_a):
    h.beleid(tenant_a)
    return h.huishouden_met_bijstand(tenant_a)


def _url(persoon):
    return reverse("uitkering:beeindiging_nieuw", args=[persoon.pk])


def _data(**anders):
    return {"einddatum": "2025-03-31", "reden": "werk", "gronden": GRONDEN} | anders


def _beeindigingen():
    return Besluit.objects.filter(soort=Besluit.Soort.BEEINDIGING)


def test_the_page_shows_the_current_right_and_records_the_read(tenant_a, toekenning, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    antwoord = client.get(_url(toekenning.persoon))
    assert antwoord.status_code == 200
    html = " ".join(antwoord.content.decode().split())
    assert "Bijstand beëindigen" in html
    assert "sinds 1 januari 2025" in html
    assert "Er is nog geen maand betaald." in html
    event = AuditEvent.objects.latest("id")
    assert (event.actie, event.persoon_id, event.doel) == (
        "gelezen",
        toekenning.persoon_id,
        "beëindiging bijstand",
    )


def test_ending_through_the_page_makes_the_decision_and_the_letter(tenant_a, toekenning, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    antwoord = client.post(_url(toekenning.persoon), _data())
    besluit = _beeindigingen().get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("uitkering:besluit_detail", args=[besluit.pk])
    assert besluit.einddatum == dt.date(2025, 3, 31)
    assert Document.objects.filter(bron_id=besluit.pk, soort=Document.Soort.BESCHIKKING).exists()
    detail = client.get(antwoord["Location"])
    assert "De bijstand is beëindigd." in detail.content.decode()


def test_an_einddatum_before_the_start_shows_the_message_and_keeps_what_was_typed(
    tenant_a, toekenning, ingelogd
):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    antwoord = client.post(_url(toekenning.persoon), _data(einddatum="2024-12-31"))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "De einddatum ligt vóór de ingangsdatum van de bijstand (1 januari 2025)." in html
    assert GRONDEN in html
    assert 'value="2024-12-31"' in html
    assert not _beeindigingen().exists()


def test_another_reason_without_text_is_asked_for(tenant_a, toekenning, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    antwoord = client.post(_url(toekenning.persoon), _data(reden="anders"))
    assert "Schrijf op wat de andere reden is." in antwoord.content.decode()
    assert not _beeindigingen().exists()


def test_a_paid_month_after_the_einddatum_is_warned_about_before_anything_is_written(
    tenant_a, toekenning, ingelogd
):
    uf.BetaalvoorstelFactory(
        gemeente=tenant_a.gemeente, besluit=toekenning, maand=dt.date(2025, 3, 1)
    )
    uf.BetaalvoorstelFactory(
        gemeente=tenant_a.gemeente, besluit=toekenning, maand=dt.date(2025, 4, 1)
    )
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))

    eerst = client.post(_url(toekenning.persoon), _data(einddatum="2025-02-28"))
    html = " ".join(eerst.content.decode().split())
    assert eerst.status_code == 200
    assert "Over maart 2025, april 2025 is al bijstand betaald." in html
    assert reverse("uitkering:herziening_lijst") in html
    assert GRONDEN in html
    assert not _beeindigingen().exists()

    daarna = client.post(
        _url(toekenning.persoon), _data(einddatum="2025-02-28", doorgaan="on"), follow=True
    )
    assert _beeindigingen().get().einddatum == dt.date(2025, 2, 28)
    tekst = " ".join(daarna.content.decode().split())
    assert "Over maart 2025, april 2025 is al bijstand betaald." in tekst
    # Paid months stay as they were: a difference is a herziening, never a silent change.
    assert set(
        Betaalvoorstel.objects.filter(huishouden=toekenning.huishouden).values_list(
            "status", flat=True
        )
    ) == {Betaalvoorstel.Status.BETAALD}
    # Each paid month after the einddatum is proposed as a herziening of all that was paid,
    # for a person to decide on; nothing is recovered by itself.
    herzieningen = Herziening.objects.filter(huishouden=toekenning.huishouden).order_by("maand")
    assert [(h.maand, h.aanleiding, h.status) for h in herzieningen] == [
        (dt.date(2025, 3, 1), "beeindiging", "voorgesteld"),
        (dt.date(2025, 4, 1), "beeindiging", "voorgesteld"),
    ]
    betaald = Betaalvoorstel.objects.get(
        huishouden=toekenning.huishouden, maand=dt.date(2025, 3, 1)
    )
    assert herzieningen[0].verschil_cent == betaald.uitkering_cent > 0
    assert herzieningen[0].juist_cent == 0
    assert not Terugvordering.objects.exists()
    # Checking the paid months again finds the same, not a second proposal.
    resultaat = herziening_services.herzieningen_zoeken(actor=tenant_a.actor(Rol.INKOMENSCONSULENT))
    assert len(resultaat.ongewijzigd) == 2 and not resultaat.nieuw
    assert Herziening.objects.filter(huishouden=toekenning.huishouden).count() == 2


def test_an_einddatum_in_the_last_paid_month_needs_no_warning(tenant_a, toekenning, ingelogd):
    uf.BetaalvoorstelFactory(
        gemeente=tenant_a.gemeente, besluit=toekenning, maand=dt.date(2025, 3, 1)
    )
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert "Betaald tot en met maart 2025." in client.get(_url(toekenning.persoon)).content.decode()
    antwoord = client.post(_url(toekenning.persoon), _data(einddatum="2025-03-31"))
    assert antwoord.status_code == 302
    assert _beeindigingen().exists()


def test_without_bijstand_the_page_says_so_and_ending_is_refused(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert "Deze inwoner heeft geen lopende bijstand." in client.get(_url(persoon)).content.decode()
    antwoord = client.post(_url(persoon), _data())
    assert antwoord.status_code == 200
    assert not _beeindigingen().exists()


def test_another_gemeentes_resident_is_not_found_and_nothing_is_written(
    tenant_a, tenant_b, toekenning, ingelogd
):
    client = ingelogd(tenant_b.gebruiker(Rol.INKOMENSCONSULENT))
    events = AuditEvent.objects.count()
    assert client.get(_url(toekenning.persoon)).status_code == 404
    assert client.post(_url(toekenning.persoon), _data()).status_code == 404
    assert AuditEvent.objects.count() == events
    assert not _beeindigingen().exists()


@pytest.mark.parametrize("rol", [Rol.KLANTMANAGER, Rol.TEAMLEIDER, Rol.FUNCTIONEEL_BEHEERDER])
def test_without_the_capability_the_page_is_forbidden(tenant_a, toekenning, ingelogd, rol):
    client = ingelogd(tenant_a.gebruiker(rol))
    assert client.get(_url(toekenning.persoon)).status_code == 403
    assert client.post(_url(toekenning.persoon), _data()).status_code == 403
    assert not _beeindigingen().exists()


def test_a_post_without_csrf_token_is_refused(tenant_a, toekenning):
    client = Client(enforce_csrf_checks=True)
    login_met_tweede_factor(client, tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert client.post(_url(toekenning.persoon), _data()).status_code == 403
    assert not _beeindigingen().exists()
