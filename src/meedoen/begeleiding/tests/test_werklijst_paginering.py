"""The worklist pages through long lists with the shared pagination component."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from meedoen.accounts.selectors import actor_voor
from meedoen.begeleiding.services import traject
from meedoen.begeleiding.views_werklijst import PER_PAGINA
from meedoen.core.roles import Rol
from meedoen.testing.begeleiding_factories import RouteFactory
from meedoen.testing.factories import PersoonFactory

pytestmark = pytest.mark.django_db


def test_the_second_page_shows_the_residents_after_the_first_fifty(tenant_a, ingelogd):
    route = RouteFactory(gemeente=tenant_a.gemeente, contact_interval_dagen=28)
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER)
    actor = actor_voor(klantmanager)
    lang_geleden = timezone.localdate() - dt.timedelta(days=400)
    for _ in range(PER_PAGINA + 3):
        traject.route_kiezen(
            actor=actor,
            persoon=PersoonFactory(gemeente=tenant_a.gemeente),
            route=route,
            ingangsdatum=lang_geleden,
        )
    client = ingelogd(klantmanager)
    eerste = client.get(reverse("begeleiding:werklijst"))
    tweede = client.get(reverse("begeleiding:werklijst"), {"page": 2})
    assert len(eerste.context["page"].object_list) == PER_PAGINA
    assert tweede.context["page"].number == 2
    assert len(tweede.context["page"].object_list) == 3
    op_pagina_1 = {s.persoon_id for s in eerste.context["page"].object_list}
    assert not op_pagina_1 & {s.persoon_id for s in tweede.context["page"].object_list}
