"""One household, one application at a time: a second open application for the same household
is refused with a clear message (the form keeps what was typed), and a partner's dossier says
that the household gets or has applied for bijstand in the applicant's name instead of "Geen
bijstand toegekend.", without offering to register a second application."""

import datetime as dt
import re
from html import unescape

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import reverse

from meedoen.accounts.selectors import actor_voor
from meedoen.clients.models import HuishoudRol
from meedoen.core.roles import Rol
from meedoen.uitkering.aanvraag import besluiten
from meedoen.uitkering.models import Aanvraag, AanvraagStatus, Besluit
from meedoen.uitkering.tests.aanvraag_hulp import in_onderzoek, inwoner, registreer

pytestmark = pytest.mark.django_db


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _uitkering_panel(html: str) -> str:
    begin = html.index('id="panel-uitkering"')
    return _tekst(html[begin : html.index("</section>", begin)])


@pytest.fixture
def stel(tenant_a):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    aanvrager = inwoner(tenant_a, partner=dt.date(1991, 1, 1))
    partner = aanvrager.lidmaatschappen.get().huishouden.leden.get(rol=HuishoudRol.PARTNER).persoon
    return consulent, aanvrager, partner


def test_a_second_open_application_for_the_household_is_refused(tenant_a, stel):
    consulent, aanvrager, partner = stel
    actor = actor_voor(consulent)
    eerste = registreer(actor, aanvrager)

    for wie in (partner, aanvrager):
        with pytest.raises(ValidationError) as fout:
            registreer(actor, wie)
        assert fout.value.message_dict[NON_FIELD_ERRORS] == [
            f"Voor dit huishouden loopt al een aanvraag: die van {aanvrager.volledige_naam}, "
            "ontvangen op 5 januari 2026. Een huishouden kan maar één aanvraag tegelijk "
            "hebben. Behandel eerst die aanvraag, of leg nieuwe gegevens daarin vast."
        ]
    assert list(Aanvraag.objects.all()) == [eerste]
    assert AanvraagStatus.objects.count() == 1

    # Once it is decided, a new application can be made (for example after an afwijzing; the
    # status is written directly here, the decision itself is not what this test is about).
    eerste.status = Aanvraag.Status.AFGEWEZEN
    eerste.save(update_fields=["status"])
    assert registreer(actor, partner).huishouden == eerste.huishouden


def test_the_form_says_so_and_keeps_what_was_typed(tenant_a, ingelogd, stel):
    consulent, aanvrager, partner = stel
    registreer(actor_voor(consulent), aanvrager)
    client = ingelogd(consulent)

    antwoord = client.post(
        reverse("uitkering:aanvraag_registreren", args=[partner.pk]),
        {
            "ontvangen_op": "2026-01-05",
            "gewenste_ingangsdatum": "2026-01-05",
            "iban": "NL91 ABNA 0417 1643 00",
            "tenaamstelling": "P. de Partner",
            "vermogen": "1234.56",
            "eigen_woning": "0.00",
            "vrijlating_werk_maanden": "0",
            "vrijlating_alleenstaande_ouder_maanden": "0",
            "partner_vrijlating_werk_maanden": "0",
            "inkomen-TOTAL_FORMS": "0",
            "inkomen-INITIAL_FORMS": "0",
        },
    )

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Voor dit huishouden loopt al een aanvraag" in _tekst(html)
    assert 'value="P. de Partner"' in html
    assert 'value="1234.56"' in html
    assert Aanvraag.objects.count() == 1


def test_a_partners_uitkering_panel_names_the_households_application_and_benefit(
    tenant_a, ingelogd, stel
):
    consulent, aanvrager, partner = stel
    aanvraag = in_onderzoek(actor_voor(consulent), aanvrager)
    client = ingelogd(consulent)
    registreren = reverse("uitkering:aanvraag_registreren", args=[partner.pk])

    html = client.get(reverse("clients:dossier", args=[partner.pk])).content.decode()
    panel = _uitkering_panel(html)
    assert (
        "Geen aanvraag op eigen naam. Voor het huishouden loopt een aanvraag op naam van "
        f"{aanvrager.volledige_naam}, ontvangen op 5 januari 2026." in panel
    )
    assert reverse("uitkering:aanvraag_detail", args=[aanvraag.pk]) in html
    assert registreren not in html
    # Nor on the applicant's own dossier while the application is open.
    eigen = client.get(reverse("clients:dossier", args=[aanvrager.pk])).content.decode()
    assert reverse("uitkering:aanvraag_registreren", args=[aanvrager.pk]) not in eigen

    besluit = besluiten.besluit_nemen(
        actor=actor_voor(consulent),
        aanvraag=aanvraag,
        soort=Besluit.Soort.TOEKENNING,
        gronden="Geen inkomen.",
        ingangsdatum=dt.date(2026, 1, 5),
    )
    if besluit.status == Besluit.Status.WACHT_OP_ACCORDERING:
        besluiten.besluit_accorderen(actor=tenant_a.actor(Rol.TEAMLEIDER), besluit=besluit)

    panel = _uitkering_panel(
        client.get(reverse("clients:dossier", args=[partner.pk])).content.decode()
    )
    assert "Geen bijstand toegekend." not in panel
    assert (
        "Geen bijstand op eigen naam. Het huishouden krijgt bijstand op naam van "
        f"{aanvrager.volledige_naam}. Het bedrag staat bij Inkomen." in panel
    )


def test_a_single_residents_panel_still_offers_registration(tenant_a, ingelogd):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    persoon = inwoner(tenant_a)
    html = ingelogd(consulent).get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
    assert "Geen bijstand toegekend." in _uitkering_panel(html)
    assert reverse("uitkering:aanvraag_registreren", args=[persoon.pk]) in html
