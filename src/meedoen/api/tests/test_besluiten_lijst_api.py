"""Decisions as a list: a koppeling finds every decision of its gemeenten (newest first, in
pages) without walking every application; another gemeente's decisions are not in it, a caller
without the uitkering capability gets 403, and each decision shown is a read in the audit trail."""

import pytest
from django.urls import reverse

from meedoen.api.tests.test_uitkering_api import _aanvraag, _besluit, _client
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol

pytestmark = pytest.mark.django_db


def test_decisions_list_only_the_callers_gemeenten_each_read_audited(tenant_a, tenant_b):
    api = _client(tenant_a, Rol.INKOMENSCONSULENT)
    eerste = _besluit(_aanvraag(tenant_a.gemeente))
    tweede = _besluit(_aanvraag(tenant_a.gemeente))
    ander = _besluit(_aanvraag(tenant_b.gemeente))

    antwoord = api.get(reverse("api:besluiten"))

    assert antwoord.status_code == 200
    data = antwoord.json()
    assert data["count"] == 2
    assert [r["id"] for r in data["results"]] == [str(tweede.pk), str(eerste.pk)]
    rij = data["results"][0]
    assert (rij["bedrag_per_maand"], rij["aanvraag"], rij["persoon"]) == (
        "1345.45",
        str(tweede.aanvraag_id),
        str(tweede.persoon_id),
    )
    assert "berekening" not in rij and "situatie" not in rij and "iban" not in rij
    gelezen = AuditEvent.objects.filter(actie="gelezen", doel="koppeling via API")
    assert sorted((e.object_id, e.persoon_id) for e in gelezen) == sorted(
        [(str(eerste.pk), eerste.persoon_id), (str(tweede.pk), tweede.persoon_id)]
    )
    assert not AuditEvent.objects.filter(persoon_id=ander.persoon_id).exists()


def test_decisions_list_needs_the_uitkering_capability(tenant_a):
    _besluit(_aanvraag(tenant_a.gemeente))
    assert _client(tenant_a, Rol.KLANTMANAGER).get(reverse("api:besluiten")).status_code == 403
    assert not AuditEvent.objects.filter(actie="gelezen").exists()
