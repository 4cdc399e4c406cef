"""The "Betalingen" panel on a partner's dossier: the household is paid in the applicant's
name, so the partner's panel says so and links to the applicant's dossier instead of saying
that there are no proposals or payments."""

import datetime as dt

import pytest
from django.urls import reverse

from meedoen.clients.models import HuishoudRol
from meedoen.core.roles import Rol
from meedoen.testing.factories import LidmaatschapFactory, PersoonFactory
from meedoen.uitkering.tests import betalingen_hulp as h

pytestmark = pytest.mark.django_db


def _betalingen_panel(html: str) -> str:
    begin = html.index('id="panel-betalingen"')
    return html[begin : html.index("</section>", begin)]


def test_a_partners_betalingen_panel_points_to_the_applicants_dossier(tenant_a, ingelogd):
    h.beleid(tenant_a)
    besluit = h.huishouden_met_bijstand(tenant_a)
    partner = PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(1991, 3, 1))
    LidmaatschapFactory(
        huishouden=besluit.huishouden,
        persoon=partner,
        rol=HuishoudRol.PARTNER,
        van=dt.date(2020, 1, 1),
    )
    h.opgave(h.consulent(tenant_a), besluit.persoon, dt.date(2025, 1, 1))
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))

    panel = _betalingen_panel(
        client.get(reverse("clients:dossier", args=[partner.pk])).content.decode()
    )
    naam = besluit.persoon.volledige_naam
    assert "Nog geen voorstellen of betalingen." not in panel
    assert f"Dit huishouden wordt betaald op naam van {naam}." in panel
    assert reverse("clients:dossier", args=[besluit.persoon.pk]) in panel

    # The applicant's own panel is unchanged: the proposal itself.
    eigen = _betalingen_panel(
        client.get(reverse("clients:dossier", args=[besluit.persoon.pk])).content.decode()
    )
    assert "Laatste voorstel: januari 2025" in eigen and "betaald op naam van" not in eigen


def test_someone_without_a_household_with_bijstand_still_has_no_payments(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    panel = _betalingen_panel(
        client.get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
    )
    assert "Nog geen voorstellen of betalingen." in panel
