"""Long task lists are paged, never cut off."""

import pytest
from django.urls import reverse

from meedoen.core.roles import Rol
from meedoen.signalen.views import PER_PAGINA
from meedoen.testing.begeleiding_factories import TaakFactory

pytestmark = pytest.mark.django_db


def test_all_open_tasks_are_reachable_across_pages(tenant_a, ingelogd):
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER)
    for _ in range(PER_PAGINA + 2):
        TaakFactory(persoon__gemeente=tenant_a.gemeente, toegewezen_aan=klantmanager)
    client = ingelogd(klantmanager)
    eerste = client.get(reverse("signalen:taken"))
    tweede = client.get(reverse("signalen:taken"), {"page": 2})
    assert len(eerste.context["taken"]) == PER_PAGINA
    assert len(tweede.context["taken"]) == 2
    assert eerste.context["page"].paginator.count == PER_PAGINA + 2
