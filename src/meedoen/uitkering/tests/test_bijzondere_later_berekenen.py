"""Bijzondere bijstand dated in a month for which Meedoen has no legal amounts yet (the norms
from July 2026 are not in src/meedoen/rules/parameters): the request is still registered with
its receipt date, amount and evidence; the draagkracht is calculated later, from the request
page, once the amounts are there. Toekennen needs a calculation; afwijzen does not."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.testing.uitkering_factories import BijzondereBijstandFactory, KostenCategorieFactory
from meedoen.uitkering.bijzondere import selectors, services
from meedoen.uitkering.models import BijzondereBijstand, Document
from meedoen.uitkering.tests.herziening_hulp import huishouden_met_aanvrager

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%test\n"
JULI_2026 = dt.date(2026, 7, 1)


@pytest.fixture
def consulent(tenant_a):
    return tenant_a.actor(Rol.INKOMENSCONSULENT)


@pytest.fixture
def koelkast(tenant_a):
    return KostenCategorieFactory(gemeente=tenant_a.gemeente, naam="Witgoed", maximum_cent=40000)


def registreer(consulent, persoon, categorie, **kwargs):
    waarden = {
        "omschrijving": "Wasmachine stuk",
        "bedrag_cent": 45000,
        "inkomen_cent": 134545,
        "ingediend_op": JULI_2026,
        "iban": "NL91ABNA0417164300",
        "tenaamstelling": "O. van Ochten",
    } | kwargs
    return services.aanvraag_registreren(
        actor=consulent, persoon=persoon, categorie=categorie, **waarden
    )


def test_a_request_in_a_month_without_amounts_is_registered_and_waits_for_the_calculation(
    tenant_a, consulent, koelkast
):
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    aanvraag = registreer(
        consulent,
        persoon,
        koelkast,
        bewijs=SimpleUploadedFile("offerte.pdf", PDF, "application/pdf"),
    )
    aanvraag.refresh_from_db()
    # Everything the consulent typed is kept, with the receipt date that counts for the law.
    assert (
        aanvraag.status,
        aanvraag.categorie,
        aanvraag.bedrag_cent,
        aanvraag.inkomen_cent,
        aanvraag.ingediend_op,
    ) == ("ingediend", koelkast, 45000, 134545, JULI_2026)
    assert aanvraag.bewijs.read() == PDF
    # No amount is invented: there is no calculation, and the reason says which month is
    # missing and who adds the published norms where.
    assert aanvraag.draagkracht == {}
    reden = selectors.berekening_niet_mogelijk(aanvraag=aanvraag)
    for verwacht in ("juli 2026", "functioneel beheerder", "src/meedoen/rules/parameters"):
        assert verwacht in reden, verwacht
    assert list(selectors.te_beslissen(actor=consulent)) == [aanvraag]
    event = AuditEvent.objects.get(object_id=str(aanvraag.pk), actie="aangemaakt")
    assert event.wijzigingen["toekenning_volgens_berekening_cent"] == [None, None]

    # Toekennen needs a calculation, also with a chosen amount.
    with pytest.raises(ValidationError) as fout:
        services.beslissen(
            actor=consulent, aanvraag=aanvraag, besluit="toegekend", gronden="Nodig."
        )
    assert "Bereken eerst de draagkracht" in fout.value.message_dict["besluit"][0]

    # Calculating again while the amounts are still missing: the same clear reason, nothing
    # changes.
    with pytest.raises(ValidationError) as fout:
        services.draagkracht_berekenen(actor=consulent, aanvraag=aanvraag)
    assert "juli 2026" in fout.value.messages[0]
    aanvraag.refresh_from_db()
    assert aanvraag.draagkracht == {}

    # Afwijzen stays possible, with the grounds and a letter without a calculation.
    services.beslissen(
        actor=consulent,
        aanvraag=aanvraag,
        besluit="afgewezen",
        gronden="Een wasmachine wordt vergoed uit de algemene bijstand.",
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == "afgewezen"
    tekst = pdf_woorden(bytes(Document.objects.get(bron_id=aanvraag.pk).inhoud))
    assert "U krijgt geen bijzondere bijstand" in tekst
    assert "vergoed uit de algemene bijstand" in tekst
    assert "Hoe hebben we dit berekend" not in tekst


def test_the_calculation_is_made_later_for_a_month_with_amounts(tenant_a, consulent, koelkast):
    """A request stored without a calculation (like one from July 2026 before its norms were
    added) is calculated by the consulent with the engine's real norm for its month."""
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    aanvraag = BijzondereBijstandFactory(
        gemeente=tenant_a.gemeente,
        persoon=persoon,
        huishouden=huishouden,
        categorie=koelkast,
        bedrag_cent=45000,
        inkomen_cent=150000,
        ingediend_op=dt.date(2025, 3, 10),
        draagkracht={},
    )
    services.draagkracht_berekenen(actor=consulent, aanvraag=aanvraag)
    aanvraag.refresh_from_db()
    # Alleenstaande 21+ in March 2025: norm € 1.345,45 = the voet (100%); income € 1.500,00
    # -> € 154,55 above; 50% = € 77,28 a month (half a cent up), x 12 = € 927,36; costs capped
    # at € 400,00 -> nothing to grant (example 1 of test_bijzondere_draagkracht).
    assert aanvraag.draagkracht["norm_cent"] == 134545
    assert aanvraag.draagkracht["over_periode_cent"] == 92736
    assert aanvraag.draagkracht["toekenning_cent"] == 0
    assert AuditEvent.objects.filter(
        object_id=str(aanvraag.pk), doel="bijzondere bijstand", actie="gewijzigd"
    ).exists()


def test_request_page_registers_without_amounts_and_calculates_later(
    tenant_a, tenant_b, ingelogd, koelkast
):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    antwoord = client.post(
        reverse("uitkering:bijzondere_nieuw", args=[persoon.pk]),
        {
            "categorie": str(koelkast.pk),
            "omschrijving": "Wasmachine stuk",
            "bedrag": "450.00",
            "inkomen": "1345.45",
            "ingediend_op": "01-07-2026",
            "iban": "NL91 ABNA 0417 1643 00",
            "tenaamstelling": "O. van Ochten",
        },
    )
    aanvraag = BijzondereBijstand.objects.get()
    assert antwoord.url == reverse("uitkering:bijzondere_detail", args=[aanvraag.pk])
    detail = client.get(antwoord.url).content.decode()
    assert "De draagkracht kan nog niet worden berekend" in detail
    assert "juli 2026" in detail
    assert "Draagkracht berekenen" in detail
    lijst = client.get(reverse("uitkering:bijzondere_lijst")).content.decode()
    assert "Witgoed" in lijst
    assert "nog niet berekend" in lijst

    berekenen = reverse("uitkering:bijzondere_berekenen", args=[aanvraag.pk])
    assert client.get(berekenen).status_code == 405
    nog_niet = client.post(berekenen, follow=True).content.decode()
    assert "juli 2026" in nog_niet

    # A request whose month has amounts: calculated from the page.
    eerder = BijzondereBijstandFactory(
        gemeente=tenant_a.gemeente,
        persoon=persoon,
        huishouden=huishouden,
        categorie=koelkast,
        bedrag_cent=45000,
        inkomen_cent=134545,
        ingediend_op=dt.date(2025, 3, 10),
        draagkracht={},
    )
    pagina = client.post(
        reverse("uitkering:bijzondere_berekenen", args=[eerder.pk]), follow=True
    ).content.decode()
    assert "Bijzondere bijstand: € 400,00 kosten min € 0,00 draagkracht = € 400,00." in pagina

    anders = BijzondereBijstandFactory(gemeente=tenant_b.gemeente, draagkracht={})
    assert (
        client.post(reverse("uitkering:bijzondere_berekenen", args=[anders.pk])).status_code == 404
    )
    klantmanager = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert klantmanager.post(berekenen).status_code == 403
