"""Every view of a dossier writes exactly one read event with who, what and why."""

from django.urls import reverse

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory


def test_a_dossier_view_writes_exactly_one_read_event(tenant_a, ingelogd):
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER)
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(klantmanager)
    voor = AuditEvent.objects.count()

    response = client.get(reverse("clients:dossier", args=[persoon.pk]))

    assert response.status_code == 200
    assert AuditEvent.objects.count() == voor + 1
    event = AuditEvent.objects.latest("id")
    assert event.actie == "gelezen"
    assert event.actor_id == klantmanager.pk
    assert event.persoon_id == persoon.pk
    assert event.gemeente_id == tenant_a.gemeente.pk
    assert event.organisatie_id == tenant_a.organisatie.pk
    assert event.doel == "dossierinzage"
    assert event.request_id == response["X-Request-ID"]


def test_a_refused_dossier_view_writes_no_read_event(tenant_a, tenant_b, ingelogd):
    persoon_b = PersoonFactory(gemeente=tenant_b.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    voor = AuditEvent.objects.count()
    assert client.get(reverse("clients:dossier", args=[persoon_b.pk])).status_code == 404
    assert AuditEvent.objects.count() == voor
