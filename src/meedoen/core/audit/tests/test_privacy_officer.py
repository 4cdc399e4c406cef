import csv
import io

from django.urls import reverse

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory


def _inzien(client, persoon):
    assert client.get(reverse("clients:dossier", args=[persoon.pk])).status_code == 200


def test_privacy_officer_filters_by_resident_and_exports_csv(tenant_a, ingelogd, client):
    anna = PersoonFactory(gemeente=tenant_a.gemeente, voornamen="Anna", bsn="111222333")
    bram = PersoonFactory(gemeente=tenant_a.gemeente, voornamen="Bram")
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER)
    ingelogd(klantmanager)
    _inzien(client, anna)
    _inzien(client, bram)

    ingelogd(tenant_a.gebruiker(Rol.PRIVACY_OFFICER))
    # The BSN goes in a POST body and comes back as the resident's id in the filter URL.
    response = client.post(reverse("audit:inwoner_kiezen"), {"bsn": "111222333"})
    assert response.status_code == 302
    assert "111222333" not in response["Location"]
    assert str(anna.pk) in response["Location"]

    lijst = client.get(response["Location"])
    assert lijst.status_code == 200
    assert [e.persoon_id for e in lijst.context["pagina"]] == [anna.pk]

    export = client.get(reverse("audit:export"), {"persoon": anna.pk})
    assert export.status_code == 200
    rijen = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [r["inwoner"] for r in rijen] == [str(anna.pk)]
    assert rijen[0]["actie"] == "gelezen"
    assert AuditEvent.objects.latest("id").actie == "geexporteerd"


def test_privacy_officer_filters_by_user_and_period(tenant_a, ingelogd, client):
    anna = PersoonFactory(gemeente=tenant_a.gemeente)
    km1 = tenant_a.gebruiker(Rol.KLANTMANAGER)
    km2 = tenant_a.gebruiker(Rol.KLANTMANAGER)
    ingelogd(km1)
    _inzien(client, anna)
    ingelogd(km2)
    _inzien(client, anna)
    ingelogd(tenant_a.gebruiker(Rol.PRIVACY_OFFICER))

    lijst = client.get(reverse("audit:lijst"), {"gebruiker": km2.pk})
    assert {e.actor_id for e in lijst.context["pagina"]} == {km2.pk}
    leeg = client.get(reverse("audit:lijst"), {"van": "2001-01-01", "tot": "2001-12-31"})
    assert leeg.context["pagina"].paginator.count == 0


def test_other_roles_cannot_read_the_audit_trail(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER, Rol.FUNCTIONEEL_BEHEERDER))
    assert client.get(reverse("audit:lijst")).status_code == 403
    assert client.get(reverse("audit:export")).status_code == 403


def test_privacy_officer_does_not_see_another_organisations_events(
    tenant_a, tenant_b, ingelogd, client
):
    persoon_b = PersoonFactory(gemeente=tenant_b.gemeente)
    ingelogd(tenant_b.gebruiker(Rol.KLANTMANAGER))
    _inzien(client, persoon_b)
    ingelogd(tenant_a.gebruiker(Rol.PRIVACY_OFFICER))
    lijst = client.get(reverse("audit:lijst"))
    assert all(e.persoon_id != persoon_b.pk for e in lijst.context["pagina"])
    assert (
        client.get(reverse("audit:lijst"), {"persoon": persoon_b.pk})
        .context["pagina"]
        .paginator.count
        == 0
    )
