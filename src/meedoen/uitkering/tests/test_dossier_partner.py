"""The income side of the dossier for every member of a household: a partner's dossier says
that the household receives bijstand (or has applied for it) in the other partner's name, with
the amount explained step by step and a link to that dossier; only people who handle or approve
benefits see the amount, and nothing is written to the audit trail beyond the dossier read."""

import datetime as dt
import re
from html import unescape

import pytest
from django.urls import reverse

from meedoen.accounts.selectors import actor_voor
from meedoen.clients.models import HuishoudRol
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.uitkering.aanvraag import besluiten
from meedoen.uitkering.models import Besluit
from meedoen.uitkering.tests.aanvraag_hulp import in_onderzoek, inwoner

pytestmark = pytest.mark.django_db


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _inkomen_panel(html: str) -> str:
    begin = html.index('id="panel-inkomen"')
    return html[begin : html.index("</section>", begin)]


@pytest.fixture
def gezin(tenant_a):
    """A couple (applicant born 1990, partner 1991) with the applicant's application in
    investigation."""
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    aanvrager = inwoner(tenant_a, partner=dt.date(1991, 1, 1))
    huishouden = aanvrager.lidmaatschappen.get().huishouden
    partner = huishouden.leden.get(rol=HuishoudRol.PARTNER).persoon
    aanvraag = in_onderzoek(actor_voor(consulent), aanvrager)
    return consulent, aanvrager, partner, aanvraag


def test_a_partners_dossier_shows_the_households_benefit_explained(tenant_a, ingelogd, gezin):
    consulent, aanvrager, partner, aanvraag = gezin
    besluit = besluiten.besluit_nemen(
        actor=actor_voor(consulent),
        aanvraag=aanvraag,
        soort=Besluit.Soort.TOEKENNING,
        gronden="Geen inkomen.",
        ingangsdatum=dt.date(2026, 1, 5),
    )
    # Above the four-eyes limit: final once a teamleider approves.
    besluiten.besluit_accorderen(
        actor=tenant_a.actor(Rol.TEAMLEIDER), besluit=Besluit.objects.get(pk=besluit.pk)
    )
    client = ingelogd(consulent)
    events = AuditEvent.objects.count()

    html = client.get(reverse("clients:dossier", args=[partner.pk])).content.decode()

    panel = _inkomen_panel(html)
    tekst = _tekst(panel)
    # Couple, both 21+, January 2026: art. 21 b, € 2.002,13 a month (the engine's norm).
    assert (
        f"Dit huishouden krijgt bijstand op naam van {aanvrager.volledige_naam}: "
        "€ 2.002,13 per maand, sinds 5 januari 2026." in tekst
    )
    assert "Participatiewet art. 21 onderdeel b" in tekst  # the explanation with its articles
    assert reverse("clients:dossier", args=[aanvrager.pk]) in panel
    # Only the dossier read itself was recorded.
    assert AuditEvent.objects.count() == events + 1

    # The applicant's own dossier keeps it in the "Uitkering" panel, not twice.
    html = client.get(reverse("clients:dossier", args=[aanvrager.pk])).content.decode()
    assert "Dit huishouden krijgt bijstand op naam van" not in html


def test_a_partners_dossier_shows_the_open_application_of_the_household(ingelogd, gezin):
    consulent, aanvrager, partner, aanvraag = gezin

    html = ingelogd(consulent).get(reverse("clients:dossier", args=[partner.pk])).content.decode()

    panel = _inkomen_panel(html)
    assert (
        f"Er loopt een aanvraag bijstand voor dit huishouden, op naam van "
        f"{aanvrager.volledige_naam} (ontvangen op 5 januari 2026)." in _tekst(panel)
    )
    assert reverse("uitkering:aanvraag_detail", args=[aanvraag.pk]) in panel


def test_someone_without_a_household_benefit_sees_only_the_calculation(tenant_a, ingelogd):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    alleen = inwoner(tenant_a)
    html = ingelogd(consulent).get(reverse("clients:dossier", args=[alleen.pk])).content.decode()
    panel = _tekst(_inkomen_panel(html))
    assert "Bijstand berekenen voor dit huishouden" in panel
    assert "op naam van" not in panel


def test_a_klantmanager_does_not_see_the_households_amount(tenant_a, ingelogd, gezin):
    _, _, partner, _ = gezin
    klantmanager = tenant_a.gebruiker(Rol.KLANTMANAGER)
    html = ingelogd(klantmanager).get(reverse("clients:dossier", args=[partner.pk]))
    panel = _tekst(_inkomen_panel(html.content.decode()))
    assert "Bijstand berekenen voor dit huishouden" in panel
    assert "aanvraag bijstand" not in panel and "op naam van" not in panel


def test_a_beeindiging_counts_for_the_partner_from_the_day_the_bijstand_stops(tenant_a, gezin):
    from meedoen.testing import uitkering_factories as uf
    from meedoen.uitkering.selectors import bijstand_van_huishouden

    consulent, aanvrager, partner, aanvraag = gezin
    huishouden = aanvraag.huishouden
    uf.ToekenningFactory(
        gemeente=tenant_a.gemeente,
        persoon=aanvrager,
        huishouden=huishouden,
        ingangsdatum=dt.date(2026, 1, 1),
        lidmaatschap=False,
    )
    # Ended with 31 March 2026 as the last day with bijstand.
    uf.ToekenningFactory(
        gemeente=tenant_a.gemeente,
        persoon=aanvrager,
        huishouden=huishouden,
        soort=Besluit.Soort.BEEINDIGING,
        ingangsdatum=dt.date(2026, 4, 1),
        lidmaatschap=False,
    )
    in_maart = bijstand_van_huishouden(persoon=partner, datum=dt.date(2026, 3, 15))
    assert in_maart.toekenning is not None
    assert in_maart.toekenning.soort == Besluit.Soort.TOEKENNING
    in_april = bijstand_van_huishouden(persoon=partner, datum=dt.date(2026, 4, 1))
    assert in_april is None or in_april.toekenning is None
