"""Bijzondere bijstand from request to decision: the norm from the rules engine, the
gemeente's draagkracht policy, evidence checks, a person's decision with grounds, the letter,
and the state the payment run picks up. Plus the catalogue and policy pages of the beheerder."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.testing.uitkering_factories import KostenCategorieFactory
from meedoen.uitkering.bijzondere import brief, services
from meedoen.uitkering.models import BijzondereBijstand, Document, Inkomensbeleid, KostenCategorie
from meedoen.uitkering.tests.herziening_hulp import huishouden_met_aanvrager

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%test\n"


@pytest.fixture
def consulent(tenant_a):
    return tenant_a.actor(Rol.INKOMENSCONSULENT)


@pytest.fixture
def koelkast(tenant_a):
    return KostenCategorieFactory(gemeente=tenant_a.gemeente, naam="Witgoed", maximum_cent=40000)


def registreer(consulent, persoon, categorie, **kwargs):
    waarden = {
        "omschrijving": "Koelkast kapot",
        "bedrag_cent": 45000,
        "inkomen_cent": 150000,
        "ingediend_op": dt.date(2025, 3, 10),
        "iban": "NL91ABNA0417164300",
        "tenaamstelling": "O. van Ochten",
    } | kwargs
    return services.aanvraag_registreren(
        actor=consulent, persoon=persoon, categorie=categorie, **waarden
    )


def test_request_uses_the_engines_norm_and_the_gemeentes_policy(tenant_a, consulent, koelkast):
    Inkomensbeleid.objects.create(gemeente=tenant_a.gemeente, draagkrachtvrije_voet_percentage=110)
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    aanvraag = registreer(
        consulent,
        persoon,
        koelkast,
        bewijs=SimpleUploadedFile("offerte 123456782.pdf", PDF, "application/pdf"),
    )
    # Alleenstaande 21+ in March 2025: norm € 1.345,45; voet 110% = € 1.480,00; income
    # € 1.500,00 -> € 20,00 above; 50% = € 10,00 a month, x 12 = € 120,00; costs € 450,00
    # capped at € 400,00 -> € 280,00 (the hand-computed example of test_bijzondere_draagkracht).
    assert aanvraag.status == BijzondereBijstand.Status.INGEDIEND
    assert aanvraag.draagkracht["norm_cent"] == 134545
    assert aanvraag.draagkracht["toekenning_cent"] == 28000
    assert (
        aanvraag.draagkracht["norm_uitleg"][0]["article"] == "Participatiewet art. 21 onderdeel a"
    )
    # The evidence is stored under a random name: nothing the resident typed is in the path.
    assert "123456782" not in aanvraag.bewijs.name
    assert aanvraag.bewijs.name.endswith(".pdf")
    assert AuditEvent.objects.filter(object_id=str(aanvraag.pk), actie="aangemaakt").exists()


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("virus.exe", b"MZ...", "Kies een PDF, JPG of PNG"),
        ("nep.pdf", b"GIF89a", "geen echte PDF"),
        ("groot.png", b"\x89PNG\r\n\x1a\n" + b"0" * (10 * 1024 * 1024), "te groot"),
    ],
)
def test_evidence_must_be_a_real_pdf_jpg_or_png_of_at_most_10_mb(
    tenant_a, consulent, koelkast, naam, inhoud, melding
):
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    with pytest.raises(ValidationError) as fout:
        registreer(consulent, persoon, koelkast, bewijs=SimpleUploadedFile(naam, inhoud))
    assert melding in fout.value.message_dict["bewijs"][0]
    assert not BijzondereBijstand.objects.exists()


def test_toekenning_by_a_person_with_grounds_makes_the_letter_and_waits_for_the_run(
    tenant_a, consulent, koelkast
):
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    # Standard policy (voet 100%, 50%, 12 months) and income € 1.345,45 = the voet: no
    # draagkracht; costs € 450,00 capped at € 400,00 -> € 400,00.
    aanvraag = registreer(consulent, persoon, koelkast, inkomen_cent=134545)
    assert aanvraag.draagkracht["toekenning_cent"] == 40000
    with pytest.raises(ValidationError) as fout:
        services.beslissen(actor=consulent, aanvraag=aanvraag, besluit="toegekend", gronden=" ")
    assert "gronden" in fout.value.message_dict

    services.beslissen(
        actor=consulent,
        aanvraag=aanvraag,
        besluit="toegekend",
        gronden="Een koelkast is noodzakelijk; de oude is niet te repareren.",
    )
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.toegekend_cent) == ("toegekend", 40000)
    assert aanvraag.beslist_door == consulent.user
    # What the payment run composer selects: toegekend and not yet paid.
    te_betalen = BijzondereBijstand.objects.filter(
        status=BijzondereBijstand.Status.TOEGEKEND, betaling__isnull=True
    )
    assert list(te_betalen) == [aanvraag]

    document = Document.objects.get(bron_id=aanvraag.pk)
    assert document.soort == Document.Soort.BIJZONDERE_BIJSTAND
    assert brief.bijzondere_brief_pdf(aanvraag=aanvraag) == bytes(document.inhoud)
    tekst = pdf_woorden(bytes(document.inhoud))
    for verwacht in (
        "U krijgt € 400,00 bijzondere bijstand",
        "rekening die eindigt op 4300",
        "De draagkrachtvrije voet is 100% van de norm: € 1.345,45",
        "binnen 6 weken",
        "artikel 35 lid 1",
    ):
        assert verwacht in tekst, verwacht
    assert "NL91ABNA0417164300" not in tekst

    with pytest.raises(ValidationError, match="al beslist"):
        services.beslissen(actor=consulent, aanvraag=aanvraag, besluit="afgewezen", gronden="x")


def test_nothing_to_grant_means_only_afwijzen(tenant_a, consulent, koelkast):
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    # Example 1 of test_bijzondere_draagkracht: draagkracht € 927,36 > € 400,00.
    aanvraag = registreer(consulent, persoon, koelkast, inkomen_cent=150000)
    assert aanvraag.draagkracht["toekenning_cent"] == 0
    with pytest.raises(ValidationError) as fout:
        services.beslissen(actor=consulent, aanvraag=aanvraag, besluit="toegekend", gronden="x")
    assert "Wijs de aanvraag af" in fout.value.message_dict["besluit"][0]
    services.beslissen(
        actor=consulent, aanvraag=aanvraag, besluit="afgewezen", gronden="Voldoende draagkracht."
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == "afgewezen" and aanvraag.toegekend_cent is None
    tekst = pdf_woorden(bytes(Document.objects.get(bron_id=aanvraag.pk).inhoud))
    assert "U krijgt geen bijzondere bijstand" in tekst


def test_only_categories_of_the_residents_gemeente_and_only_behandelaars(
    tenant_a, tenant_b, consulent
):
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    andere = KostenCategorieFactory(gemeente=tenant_b.gemeente)
    with pytest.raises(ValidationError):
        registreer(consulent, persoon, andere)
    with pytest.raises(Geweigerd):
        registreer(
            tenant_a.actor(Rol.KLANTMANAGER),
            persoon,
            KostenCategorieFactory(gemeente=tenant_a.gemeente),
        )


def test_request_page_with_upload_then_decision_page(tenant_a, ingelogd, koelkast):
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    url = reverse("uitkering:bijzondere_nieuw", args=[persoon.pk])
    assert client.get(url).status_code == 200
    velden = {
        "categorie": str(koelkast.pk),
        "omschrijving": "Koelkast kapot",
        "bedrag": "450.00",
        "inkomen": "1345.45",
        "ingediend_op": "10-03-2025",
        "iban": "NL91 ABNA 0417 1643 00",
        "tenaamstelling": "O. van Ochten",
    }
    # A wrong IBAN and a wrong file: both reported, what was typed is kept.
    fout = client.post(
        url, velden | {"iban": "NL00 FOUT", "bewijs": SimpleUploadedFile("x.exe", b"MZ")}
    )
    html = fout.content.decode()
    assert "Dit is geen geldig IBAN" in html
    assert "Koelkast kapot" in html
    assert not BijzondereBijstand.objects.exists()

    antwoord = client.post(url, velden | {"bewijs": SimpleUploadedFile("o.pdf", PDF)})
    aanvraag = BijzondereBijstand.objects.get()
    assert antwoord.url == reverse("uitkering:bijzondere_detail", args=[aanvraag.pk])
    detail = client.get(antwoord.url).content.decode()
    assert "Bijzondere bijstand: € 400,00 kosten min € 0,00 draagkracht = € 400,00." in detail
    bewijs = client.get(reverse("uitkering:bijzondere_bewijs", args=[aanvraag.pk]))
    assert b"".join(bewijs.streaming_content) == PDF
    assert "bewijs-bijzondere-bijstand.pdf" in bewijs["Content-Disposition"]

    client.post(antwoord.url, {"besluit": "toegekend", "gronden": "Noodzakelijk."})
    aanvraag.refresh_from_db()
    assert aanvraag.status == "toegekend"
    pdf = client.get(reverse("uitkering:bijzondere_brief", args=[aanvraag.pk]))
    assert pdf.content.startswith(b"%PDF")
    dossier = client.get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
    assert "Terugvordering en bijzondere bijstand" in dossier
    assert "€ 400,00 toegekend" in dossier


def test_pages_are_scoped_and_need_the_capability(tenant_a, tenant_b, ingelogd):
    persoon_b, _ = huishouden_met_aanvrager(tenant_b.gemeente)
    from meedoen.testing.uitkering_factories import BijzondereBijstandFactory

    aanvraag_b = BijzondereBijstandFactory(gemeente=tenant_b.gemeente, persoon=persoon_b)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    for naam in ("bijzondere_detail", "bijzondere_bewijs", "bijzondere_brief"):
        assert client.get(reverse(f"uitkering:{naam}", args=[aanvraag_b.pk])).status_code == 404
    assert client.get(reverse("uitkering:bijzondere_nieuw", args=[persoon_b.pk])).status_code == 404
    klantmanager = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert klantmanager.get(reverse("uitkering:bijzondere_lijst")).status_code == 403


def test_beheerder_keeps_the_catalogue_and_the_draagkracht_policy(tenant_a, tenant_b, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    url = reverse("uitkering:bijzondere_categorieen")
    client.post(url, {"naam": "Witgoed", "maximum": "400.00", "actief": "on"})
    categorie = KostenCategorie.objects.get(gemeente=tenant_a.gemeente)
    assert (categorie.naam, categorie.maximum_cent, categorie.actief) == ("Witgoed", 40000, True)
    dubbel = client.post(url, {"naam": "witgoed", "actief": "on"})
    assert "al een categorie met deze naam" in dubbel.content.decode()
    client.post(
        reverse("uitkering:bijzondere_categorie", args=[categorie.pk]),
        {"naam": "Witgoed", "maximum": "", "toelichting": "Koelkast, wasmachine"},
    )
    categorie.refresh_from_db()
    assert (categorie.maximum_cent, categorie.actief) == (None, False)
    anders = KostenCategorieFactory(gemeente=tenant_b.gemeente)
    assert (
        client.get(reverse("uitkering:bijzondere_categorie", args=[anders.pk])).status_code == 404
    )

    pagina = client.get(reverse("uitkering:inkomensbeleid")).content.decode()
    assert "Bijzondere bijstand: draagkracht" in pagina
    draagkracht = reverse("uitkering:bijzondere_draagkracht") + f"?gemeente={tenant_a.gemeente.pk}"
    prefix = f"dk{tenant_a.gemeente.pk}-"
    fout = client.post(
        draagkracht,
        {
            prefix + "draagkrachtvrije_voet_percentage": "90",
            prefix + "draagkracht_percentage": "50",
            prefix + "draagkracht_periode_maanden": "12",
            prefix + "bijzondere_vier_ogen_grens": "1000.00",
        },
    )
    assert fout.status_code == 200
    assert not Inkomensbeleid.objects.filter(gemeente=tenant_a.gemeente).exists()
    client.post(
        draagkracht,
        {
            prefix + "draagkrachtvrije_voet_percentage": "120",
            prefix + "draagkracht_percentage": "35",
            prefix + "draagkracht_periode_maanden": "6",
            prefix + "bijzondere_vier_ogen_grens": "1000.00",
        },
    )
    beleid = Inkomensbeleid.objects.get(gemeente=tenant_a.gemeente)
    assert (
        beleid.draagkrachtvrije_voet_percentage,
        beleid.draagkracht_percentage,
        beleid.draagkracht_periode_maanden,
    ) == (120, 35, 6)
    consulent = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert consulent.get(url).status_code == 403


def test_a_month_before_the_first_rules_gets_a_clear_message_and_keeps_the_input(
    tenant_a, ingelogd, consulent, koelkast
):
    """A month before the engine's first parameters can never be calculated: the consulent
    gets the reason next to the date, the page keeps what was typed, and nothing is stored.
    (A month whose norms are not published yet is registered: test_bijzondere_later_berekenen.)"""
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    with pytest.raises(ValidationError) as fout:
        registreer(consulent, persoon, koelkast, ingediend_op=dt.date(2024, 12, 2))
    melding = fout.value.message_dict["ingediend_op"][0]
    assert "Voor 2024-12 zijn er geen rekenregels" in melding

    velden = {
        "categorie": str(koelkast.pk),
        "omschrijving": "Wasmachine stuk",
        "bedrag": "450.00",
        "inkomen": "1345.45",
        "ingediend_op": "02-12-2024",
        "iban": "NL91 ABNA 0417 1643 00",
        "tenaamstelling": "O. van Ochten",
    }
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    url = reverse("uitkering:bijzondere_nieuw", args=[persoon.pk])
    pagina = client.post(url, velden)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "geen rekenregels" in html
    assert "Wasmachine stuk" in html
    assert not BijzondereBijstand.objects.exists()

    with translation.override("en"), pytest.raises(ValidationError) as fout:
        registreer(consulent, persoon, koelkast, ingediend_op=dt.date(2024, 12, 2))
    melding = fout.value.message_dict["ingediend_op"][0]
    assert "There are no rules for 2024-12" in melding
    assert "rekenregels" not in melding
