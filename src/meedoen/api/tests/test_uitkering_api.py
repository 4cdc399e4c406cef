"""The uitkering API: applications, decisions and payments, read only. Scoped to the caller's
gemeenten (404 otherwise), only for callers who handle or approve benefits (403 otherwise), and
every read of a resident's data is in the audit trail."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.rules.calculate import calculate
from meedoen.testing.uitkering_factories import AanvraagFactory, BesluitFactory
from meedoen.uitkering.models import AanvraagStatus, Betaalrun, Betaalvoorstel, Betaling
from meedoen.uitkering.tests.herziening_hulp import (
    betaald_voorstel,
    huishouden_met_aanvrager,
    situatie,
)

pytestmark = pytest.mark.django_db


def _client(tenant, *rollen):
    systeem = tenant.gebruiker(*rollen, is_systeemclient=True)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=systeem).key}")
    client.user = systeem
    return client


@pytest.fixture
def api(tenant_a):
    return _client(tenant_a, Rol.INKOMENSCONSULENT)


def _aanvraag(gemeente):
    persoon, huishouden = huishouden_met_aanvrager(gemeente)
    return AanvraagFactory(gemeente=gemeente, persoon=persoon, huishouden=huishouden)


def _besluit(aanvraag):
    s = situatie(aanvraag.persoon, dt.date(2025, 3, 1))
    return BesluitFactory(
        gemeente=aanvraag.gemeente,
        persoon=aanvraag.persoon,
        huishouden=aanvraag.huishouden,
        aanvraag=aanvraag,
        situatie=s,
        berekening=calculate(s),
        bedrag_per_maand_cent=134545,
    )


def _gelezen(persoon_id):
    return AuditEvent.objects.filter(actie="gelezen", persoon_id=persoon_id)


def test_applications_list_only_the_callers_gemeenten_and_each_read_is_audited(
    api, tenant_a, tenant_b
):
    eigen = _aanvraag(tenant_a.gemeente)
    _aanvraag(tenant_b.gemeente)
    antwoord = api.get(reverse("api:aanvragen"))
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert data["count"] == 1
    [rij] = data["results"]
    assert (rij["id"], rij["persoon"], rij["gemeente"]) == (
        str(eigen.pk),
        str(eigen.persoon_id),
        "GM0150",
    )
    assert "bsn" not in rij and "iban" not in rij
    event = _gelezen(eigen.persoon_id).get()
    assert (event.object_id, event.actor_id, event.doel) == (
        str(eigen.pk),
        api.user.pk,
        "koppeling via API",
    )


def test_application_detail_with_history_and_decisions(api, tenant_a, tenant_b):
    aanvraag = _aanvraag(tenant_a.gemeente)
    AanvraagStatus.objects.create(
        aanvraag=aanvraag, van="ingediend", naar="in_onderzoek", door=api.user
    )
    besluit = _besluit(aanvraag)
    data = api.get(reverse("api:aanvraag", args=[aanvraag.pk])).json()
    assert [s["naar"] for s in data["statussen"]] == ["in_onderzoek"]
    assert [b["id"] for b in data["besluiten"]] == [str(besluit.pk)]
    assert _gelezen(aanvraag.persoon_id).filter(object_id=str(aanvraag.pk)).exists()

    ander = _aanvraag(tenant_b.gemeente)
    assert api.get(reverse("api:aanvraag", args=[ander.pk])).status_code == 404
    assert not _gelezen(ander.persoon_id).exists()


def test_decision_with_its_calculation_and_explanation(api, tenant_a, tenant_b):
    besluit = _besluit(_aanvraag(tenant_a.gemeente))
    data = api.get(reverse("api:besluit", args=[besluit.pk])).json()
    # Alleenstaande 21+ in March 2025: art. 21 a, € 1.345,45 (reference, 2025-01-01).
    assert data["bedrag_per_maand"] == "1345.45"
    assert data["berekening"]["benefit"] == "1345.45"
    assert data["situatie"]["period"] == "2025-03"
    norm = next(s for s in data["uitleg"] if s["code"] == "NORM")
    assert norm["article"] == "Participatiewet art. 21 onderdeel a"
    assert "€ 1.345,45" in norm["text"]
    assert _gelezen(besluit.persoon_id).filter(object_id=str(besluit.pk)).exists()

    ander = _besluit(_aanvraag(tenant_b.gemeente))
    assert api.get(reverse("api:besluit", args=[ander.pk])).status_code == 404


def test_payments_of_a_resident(api, tenant_a, tenant_b):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    voorstel = betaald_voorstel(persoon, huishouden, dt.date(2025, 3, 1))
    run = Betaalrun.objects.create(
        gemeente=tenant_a.gemeente,
        maand=dt.date(2025, 3, 1),
        status=Betaalrun.Status.UITGEVOERD,
        samengesteld_door=api.user,
    )
    Betaling.objects.create(
        gemeente=tenant_a.gemeente,
        betaalrun=run,
        huishouden=huishouden,
        persoon=persoon,
        maand=voorstel.maand,
        soort=Betaling.Soort.PERIODIEK,
        betaalvoorstel=voorstel,
        bedrag_cent=134545,
        iban="NL91ABNA0417164300",
        naam="O. van Ochten",
        omschrijving="Uitkering maart 2025",
        end_to_end_id="MDN-TEST-1",
    )
    data = api.get(reverse("api:persoon_betalingen", args=[persoon.pk])).json()
    assert data["count"] == 1
    [betaling] = data["results"]
    assert (betaling["maand"], betaling["bedrag"], betaling["soort"]) == (
        "2025-03-01",
        "1345.45",
        "periodiek",
    )
    assert "iban" not in betaling
    assert _gelezen(persoon.pk).filter(object_id=str(persoon.pk)).count() == 1

    persoon_b, _ = huishouden_met_aanvrager(tenant_b.gemeente)
    assert api.get(reverse("api:persoon_betalingen", args=[persoon_b.pk])).status_code == 404
    assert Betaalvoorstel.objects.count() == 1


@pytest.mark.parametrize("rol", [Rol.KLANTMANAGER, Rol.BELEIDSADVISEUR])
def test_without_the_uitkering_capability_the_api_answers_403(tenant_a, rol):
    client = _client(tenant_a, rol)
    aanvraag = _aanvraag(tenant_a.gemeente)
    besluit = _besluit(aanvraag)
    for url in (
        reverse("api:aanvragen"),
        reverse("api:aanvraag", args=[aanvraag.pk]),
        reverse("api:besluit", args=[besluit.pk]),
        reverse("api:persoon_betalingen", args=[aanvraag.persoon_id]),
    ):
        assert client.get(url).status_code == 403, url
    assert not AuditEvent.objects.filter(actie="gelezen").exists()


def test_a_teamleider_who_approves_may_read(tenant_a):
    client = _client(tenant_a, Rol.TEAMLEIDER)
    assert client.get(reverse("api:aanvragen")).status_code == 200
