"""The applicant is told when the decision is postponed (Awb art. 4:14): a letter in plain Dutch
with the new date, the reason and a named contact is made with the postponement, stored as the
PDF that was sent, listed on the application page and in the dossier, and downloaded audited
within the gemeente."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meedoen.accounts.selectors import actor_voor
from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.uitkering.aanvraag import services
from meedoen.uitkering.models import Document
from meedoen.uitkering.tests.aanvraag_hulp import beleid, inwoner, registreer

pytestmark = pytest.mark.django_db

# Received 5 January 2026: beslistermijn 2 March 2026.
BINNEN_TERMIJN = dt.date(2026, 2, 20)


def test_postponing_makes_a_letter_with_the_new_date_the_reason_and_a_contact(tenant_a):
    beleid(tenant_a, telefoonnummer="0570 69 39 39", postadres="Postbus 5000, 7400 GC Deventer")
    consulent = actor_voor(
        tenant_a.gebruiker(Rol.INKOMENSCONSULENT, first_name="Ilse", last_name="Bos")
    )
    persoon = inwoner(tenant_a)
    aanvraag = registreer(consulent, persoon)

    services.verdagen(
        actor=consulent,
        aanvraag=aanvraag,
        verdaagd_tot=dt.date(2026, 4, 27),
        reden="We wachten nog op uw bankafschriften van de laatste 3 maanden.",
        vandaag=BINNEN_TERMIJN,
    )

    brief = Document.objects.get(soort=Document.Soort.VERDAGING)
    assert (brief.persoon, brief.gemeente, brief.bron_id) == (
        persoon,
        tenant_a.gemeente,
        aanvraag.pk,
    )
    assert brief.get_soort_display() == "Verdaging beslistermijn"
    tekst = pdf_woorden(bytes(brief.inhoud))
    for zin in (
        persoon.volledige_naam,
        "Datum: 20 februari 2026",
        "Wij hebben meer tijd nodig voor uw aanvraag",
        "Op 5 januari 2026 kregen wij uw aanvraag voor bijstand.",
        "Wij zouden uiterlijk op 2 maart 2026 beslissen. Dat lukt niet.",
        "U krijgt ons besluit uiterlijk op 27 april 2026.",
        "artikel 4:14 van de Algemene wet bestuursrecht",
        "We wachten nog op uw bankafschriften van de laatste 3 maanden.",
        "Bel Ilse Bos op telefoonnummer 0570 69 39 39.",
        "ingebrekestelling",
        "Postbus 5000, 7400 GC Deventer",
        "Tegen deze brief kunt u geen bezwaar maken.",
    ):
        assert zin in tekst, zin
    gemaakt = AuditEvent.objects.get(object_id=str(brief.pk), actie=Actie.AANGEMAAKT)
    assert gemaakt.persoon_id == persoon.pk
    assert gemaakt.wijzigingen["sha256"][1] == brief.sha256


def test_a_refused_postponement_makes_no_letter(tenant_a):
    consulent = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = registreer(consulent, inwoner(tenant_a))
    with pytest.raises(ValidationError):
        services.verdagen(
            actor=consulent,
            aanvraag=aanvraag,
            verdaagd_tot=dt.date(2026, 4, 28),  # more than 8 weeks
            reden="Wachten op bankafschriften",
            vandaag=BINNEN_TERMIJN,
        )
    assert not Document.objects.exists()


def test_the_letter_is_on_the_application_page_and_downloaded_audited_in_scope(
    tenant_a, tenant_b, ingelogd, client
):
    gebruiker = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    vandaag = timezone.localdate()
    persoon = inwoner(tenant_a)
    aanvraag = registreer(
        tenant_a.actor(Rol.INKOMENSCONSULENT),
        persoon,
        ontvangen_op=vandaag - dt.timedelta(weeks=1),
        gewenste_ingangsdatum=vandaag - dt.timedelta(weeks=1),
        vandaag=vandaag,
    )
    pagina = reverse("uitkering:aanvraag_detail", args=[aanvraag.pk])
    ingelogd(gebruiker)
    antwoord = client.post(
        pagina,
        {
            "onderdeel": "verdaging",
            "verdaging-verdaagd_tot": (aanvraag.beslistermijn + dt.timedelta(weeks=4)).isoformat(),
            "verdaging-verdagingsreden": "Wachten op gegevens van het UWV",
        },
    )
    assert antwoord.status_code == 302
    brief = Document.objects.get(soort=Document.Soort.VERDAGING)
    download = reverse("uitkering:aanvraag_document", args=[brief.pk])

    html = client.get(pagina).content.decode()
    assert download in html
    assert "Brief aan de inwoner van" in html
    dossier = client.get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
    assert download in dossier  # in the "Brieven" list of the Uitkering panel

    antwoord = client.get(download)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert bytes(antwoord.content) == bytes(brief.inhoud)
    assert persoon.bsn not in antwoord["Content-Disposition"]
    assert AuditEvent.objects.filter(object_id=str(brief.pk), actie=Actie.GELEZEN).count() == 1

    ingelogd(tenant_b.gebruiker(Rol.INKOMENSCONSULENT))
    assert client.get(download).status_code == 404
