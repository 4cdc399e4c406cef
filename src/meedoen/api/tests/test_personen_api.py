"""The residents API: token authentication, gemeente scope, validation, audit."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import LidmaatschapFactory, PersoonFactory


@pytest.fixture
def api(tenant_a):
    systeem = tenant_a.gebruiker(Rol.KLANTMANAGER, is_systeemclient=True)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=systeem).key}")
    client.user = systeem
    return client


def test_without_a_token_the_api_answers_401(db):
    assert APIClient().get(reverse("api:personen")).status_code == 401


def test_list_contains_only_the_callers_gemeenten(api, tenant_a, tenant_b):
    eigen = PersoonFactory(gemeente=tenant_a.gemeente)
    PersoonFactory(gemeente=tenant_b.gemeente)
    data = api.get(reverse("api:personen")).json()
    assert [p["id"] for p in data["results"]] == [str(eigen.pk)]
    assert "bsn" not in data["results"][0]


def test_detail_shows_household_and_writes_a_read_event(api, tenant_a):
    lid = LidmaatschapFactory(huishouden__gemeente=tenant_a.gemeente, van=dt.date(2020, 1, 1))
    response = api.get(reverse("api:persoon", args=[lid.persoon.pk]))
    assert response.status_code == 200
    assert response.json()["huishouden"][0]["rol"] == "aanvrager"
    event = AuditEvent.objects.latest("id")
    assert (event.actie, event.persoon_id, event.actor_id) == (
        "gelezen",
        lid.persoon.pk,
        api.user.pk,
    )


def test_detail_of_another_gemeentes_resident_is_404(api, tenant_b):
    anders = PersoonFactory(gemeente=tenant_b.gemeente)
    assert api.get(reverse("api:persoon", args=[anders.pk])).status_code == 404


def test_search_is_a_post_so_the_bsn_stays_out_of_urls(api, tenant_a):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente, bsn="111222333")
    response = api.post(reverse("api:personen_zoeken"), {"zoekterm": "111222333"}, format="json")
    assert [p["id"] for p in response.json()] == [str(persoon.pk)]
    assert api.get(reverse("api:personen_zoeken")).status_code == 405


def test_create_registers_a_resident_in_a_new_household(api, tenant_a):
    response = api.post(
        reverse("api:personen"),
        {
            "gemeente": "GM0150",
            "bsn": "123456782",
            "voornamen": "Noor",
            "achternaam": "Bos",
            "geboortedatum": "1999-09-09",
            "postcode": "7411ab",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["postcode"] == "7411 AB"
    assert body["huishouden"][0]["rol"] == "aanvrager"


def test_create_with_invalid_bsn_or_other_gemeente_gives_field_errors(api, tenant_b):
    response = api.post(
        reverse("api:personen"),
        {
            "gemeente": "GM0106",
            "bsn": "123456789",
            "voornamen": "Noor",
            "achternaam": "Bos",
            "geboortedatum": "1999-09-09",
        },
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"gemeente", "bsn"}


def test_duplicate_bsn_via_api_gives_a_field_error(api, tenant_a):
    PersoonFactory(gemeente=tenant_a.gemeente, bsn="123456782")
    response = api.post(
        reverse("api:personen"),
        {
            "gemeente": "GM0150",
            "bsn": "123456782",
            "voornamen": "Noor",
            "achternaam": "Bos",
            "geboortedatum": "1999-09-09",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "al een inwoner" in response.json()["bsn"][0]


def test_a_beleidsadviseur_token_cannot_read_residents(tenant_a):
    adviseur = tenant_a.gebruiker(Rol.BELEIDSADVISEUR, is_systeemclient=True)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=adviseur).key}")
    assert client.get(reverse("api:personen")).status_code == 403
