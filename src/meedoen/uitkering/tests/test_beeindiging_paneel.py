"""The dossier panel "Uitkering" after a beëindiging: the link to end the bijstand while it
runs, and "beëindigd per …" afterwards (uitkering/beeindiging/_panel.html)."""

import datetime as dt

import pytest
from django.urls import reverse

from meedoen.core.roles import Rol
from meedoen.uitkering.beeindiging import services
from meedoen.uitkering.tests import betalingen_hulp as h


@pytest.fixture
def toekenning(tenant_a):
    h.beleid(tenant_a)
    return h.huishouden_met_bijstand(tenant_a)


def _panel(client, persoon) -> str:
    html = client.get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
    return " ".join(html.split())


def test_the_dossier_offers_ending_the_bijstand(tenant_a, toekenning, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    url = reverse("uitkering:beeindiging_nieuw", args=[toekenning.persoon.pk])
    assert f'href="{url}"' in _panel(client, toekenning.persoon)


def test_the_dossier_says_ended_per_after_a_beeindiging(tenant_a, toekenning, ingelogd):
    user = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    from meedoen.accounts.selectors import actor_voor

    services.bijstand_beeindigen(
        actor=actor_voor(user),
        persoon=toekenning.persoon,
        einddatum=dt.date(2025, 3, 31),
        reden=services.Reden.WERK,
        gronden="Werk gevonden.",
    )
    html = _panel(ingelogd(user), toekenning.persoon)
    assert "Bijstand beëindigd per 1 april 2025" in html
    assert "per maand, sinds 1 januari 2025" not in html
