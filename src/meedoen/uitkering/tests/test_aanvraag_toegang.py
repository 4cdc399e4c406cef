"""Who sees and does what: another gemeente's application, decision or letter answers 404;
a missing capability answers 403; the dossier panel shows the entitlement, applications,
decisions and letters to those who handle benefits."""

import datetime as dt

import pytest
from django.urls import reverse

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.uitkering_factories import (
    AanvraagFactory,
    BeschikkingDocumentFactory,
    BesluitFactory,
)
from meedoen.uitkering.aanvraag import besluiten
from meedoen.uitkering.models import Aanvraag, Besluit
from meedoen.uitkering.tests.aanvraag_hulp import in_onderzoek, inwoner, werk

pytestmark = pytest.mark.django_db


def _objecten(tenant):
    aanvraag = AanvraagFactory(gemeente=tenant.gemeente, status=Aanvraag.Status.IN_ONDERZOEK)
    besluit = BesluitFactory(
        gemeente=tenant.gemeente,
        persoon=aanvraag.persoon,
        huishouden=aanvraag.huishouden,
        aanvraag=aanvraag,
        status=Besluit.Status.WACHT_OP_ACCORDERING,
    )
    document = BeschikkingDocumentFactory(
        gemeente=tenant.gemeente, persoon=aanvraag.persoon, bron_id=besluit.pk
    )
    return aanvraag, besluit, document


def _paginas(aanvraag, besluit, document):
    return [
        reverse("uitkering:aanvraag_registreren", args=[aanvraag.persoon.pk]),
        reverse("uitkering:aanvraag_detail", args=[aanvraag.pk]),
        reverse("uitkering:aanvraag_besluit", args=[aanvraag.pk]),
        reverse("uitkering:besluit_detail", args=[besluit.pk]),
        reverse("uitkering:aanvraag_document", args=[document.pk]),
    ]


def test_another_gemeentes_objects_answer_404_and_nothing_changes(tenant_a, tenant_b, ingelogd):
    aanvraag, besluit, document = _objecten(tenant_b)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT, Rol.TEAMLEIDER))
    events = AuditEvent.objects.count()
    for pad in _paginas(aanvraag, besluit, document):
        assert client.get(pad).status_code == 404, pad
    posts = {
        reverse("uitkering:aanvraag_detail", args=[aanvraag.pk]): {
            "onderdeel": "status",
            "status-naar": "in_onderzoek",
        },
        reverse("uitkering:besluit_detail", args=[besluit.pk]): {"onderdeel": "accorderen"},
        reverse("uitkering:aanvraag_besluit", args=[aanvraag.pk]): {
            "soort": "afwijzing",
            "gronden": "x",
        },
    }
    for pad, data in posts.items():
        assert client.post(pad, data).status_code == 404, pad
    besluit.refresh_from_db()
    assert besluit.status == Besluit.Status.WACHT_OP_ACCORDERING
    assert AuditEvent.objects.count() == events
    lijst = client.get(reverse("uitkering:aanvraag_lijst")).content.decode()
    assert aanvraag.persoon.volledige_naam not in lijst


@pytest.mark.parametrize(
    "rol", [Rol.KLANTMANAGER, Rol.BELEIDSADVISEUR, Rol.WERKGEVERSDIENSTVERLENER]
)
def test_without_the_capability_every_page_answers_403(tenant_a, ingelogd, rol):
    aanvraag, besluit, document = _objecten(tenant_a)
    client = ingelogd(tenant_a.gebruiker(rol))
    for pad in [reverse("uitkering:aanvraag_lijst"), *_paginas(aanvraag, besluit, document)]:
        assert client.get(pad).status_code == 403, pad


def test_a_teamleider_reads_and_approves_but_does_not_handle(tenant_a, ingelogd):
    aanvraag, besluit, document = _objecten(tenant_a)
    client = ingelogd(tenant_a.gebruiker(Rol.TEAMLEIDER))
    assert client.get(reverse("uitkering:aanvraag_detail", args=[aanvraag.pk])).status_code == 200
    assert client.get(reverse("uitkering:besluit_detail", args=[besluit.pk])).status_code == 200
    assert (
        client.post(
            reverse("uitkering:aanvraag_detail", args=[aanvraag.pk]),
            {"onderdeel": "status", "status-naar": "toegekend"},
        ).status_code
        == 403
    )
    assert client.get(reverse("uitkering:aanvraag_besluit", args=[aanvraag.pk])).status_code == 403
    assert (
        client.get(
            reverse("uitkering:aanvraag_registreren", args=[aanvraag.persoon.pk])
        ).status_code
        == 403
    )


def test_a_klantmanager_cannot_approve_through_the_page(tenant_a, ingelogd):
    """A klantmanager posting an approval gets 403; the decision keeps waiting."""
    _aanvraag, besluit, _document = _objecten(tenant_a)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    antwoord = client.post(
        reverse("uitkering:besluit_detail", args=[besluit.pk]), {"onderdeel": "accorderen"}
    )
    assert antwoord.status_code == 403
    besluit.refresh_from_db()
    assert besluit.status == Besluit.Status.WACHT_OP_ACCORDERING


def test_the_dossier_panel_shows_entitlement_applications_decisions_and_letters(tenant_a, ingelogd):
    user = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    from meedoen.accounts.selectors import actor_voor

    actor = actor_voor(user)
    persoon = inwoner(tenant_a, kinderen=[dt.date(2019, 3, 1)])
    aanvraag = in_onderzoek(actor, persoon, inkomsten=[werk(persoon, 40000)])
    besluiten.besluit_nemen(
        actor=actor,
        aanvraag=aanvraag,
        soort=Besluit.Soort.TOEKENNING,
        gronden="Inkomen onder de norm.",
        ingangsdatum=dt.date(2026, 1, 5),
    )
    AanvraagFactory(gemeente=tenant_a.gemeente, persoon=persoon, huishouden=aanvraag.huishouden)

    html = ingelogd(user).get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
    # Right after "Inkomen".
    assert html.index('id="panel-inkomen"') < html.index('id="panel-uitkering"')
    panel = html[html.index('id="panel-uitkering"') :]
    # 1,401.50 - (400 - 25%) = 1,101.50 a month since 5 January 2026.
    assert "€ 1.101,50 per maand, sinds 5 januari 2026." in panel
    assert "<details" in panel and "Participatiewet art. 21 onderdeel a" in panel
    assert "Aanvraag van 5 januari 2026" in panel  # the new one, still open
    assert "Toekenning: € 1.101,50 per maand" in panel
    assert "Beschikking bijstand: toekenning" in panel

    klantmanager = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    html = klantmanager.get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
    assert 'id="panel-uitkering"' not in html
