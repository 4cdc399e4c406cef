"""Maatwerk (art. 35 asks for individualisation): the consulent may grant a different amount
than the calculation, higher or lower, never below € 0 and above the asked costs only when
confirmed. A reason is required; it is audited and printed in the letter. A maatwerk amount
always needs a colleague's approval before it is final and paid."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.testing.uitkering_factories import KostenCategorieFactory
from meedoen.uitkering.bijzondere import accorderen, services
from meedoen.uitkering.models import BijzondereBijstand, Document
from meedoen.uitkering.tests.herziening_hulp import huishouden_met_aanvrager

pytestmark = pytest.mark.django_db

REDEN = "Het gezin heeft drie jonge kinderen; een grotere koelkast is nodig."


@pytest.fixture
def consulent(tenant_a):
    return tenant_a.actor(Rol.INKOMENSCONSULENT)


@pytest.fixture
def collega(tenant_a):
    return tenant_a.actor(Rol.TEAMLEIDER)


@pytest.fixture
def aanvraag(tenant_a, consulent):
    """Income at the voet (the norm € 1.345,45): no draagkracht; € 450,00 asked, capped at the
    category maximum of € 400,00 -> € 400,00 by the calculation."""
    persoon, _ = huishouden_met_aanvrager(tenant_a.gemeente)
    categorie = KostenCategorieFactory(
        gemeente=tenant_a.gemeente, naam="Witgoed", maximum_cent=40000
    )
    return services.aanvraag_registreren(
        actor=consulent,
        persoon=persoon,
        categorie=categorie,
        omschrijving="Koelkast kapot",
        bedrag_cent=45000,
        inkomen_cent=134545,
        ingediend_op=dt.date(2025, 3, 10),
        iban="NL91ABNA0417164300",
        tenaamstelling="O. van Ochten",
    )


def toekennen(actor, aanvraag, **kwargs):
    return services.beslissen(
        actor=actor, aanvraag=aanvraag, besluit="toegekend", gronden="Noodzakelijk.", **kwargs
    )


def test_a_higher_amount_up_to_the_asked_costs_with_a_reason_in_the_letter(
    aanvraag, consulent, collega
):
    assert aanvraag.draagkracht["toekenning_cent"] == 40000
    toekennen(consulent, aanvraag, bedrag_cent=45000, maatwerk_reden=REDEN)
    aanvraag.refresh_from_db()
    # Maatwerk always waits for a colleague: not granted, not paid, no letter yet.
    assert aanvraag.status == BijzondereBijstand.Status.WACHT_OP_ACCORDERING
    assert (aanvraag.voorgesteld_cent, aanvraag.toegekend_cent) == (45000, None)
    assert aanvraag.maatwerk_reden == REDEN
    assert not Document.objects.filter(bron_id=aanvraag.pk).exists()
    event = (
        AuditEvent.objects.filter(object_id=str(aanvraag.pk), actie="gewijzigd")
        .order_by("-id")
        .first()
    )
    assert event.wijzigingen["maatwerk_reden"] == [None, REDEN]
    assert event.wijzigingen["volgens_berekening_cent"] == [None, 40000]

    accorderen.accorderen(actor=collega, aanvraag=aanvraag)
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.toegekend_cent) == ("toegekend", 45000)
    tekst = pdf_woorden(bytes(Document.objects.get(bron_id=aanvraag.pk).inhoud))
    for verwacht in (
        "U krijgt € 450,00 bijzondere bijstand",
        "Volgens de berekening hieronder zou u € 400,00 krijgen",
        "drie jonge kinderen",
    ):
        assert verwacht in tekst, verwacht


def test_a_lower_amount_and_an_amount_when_the_calculation_gives_nothing(
    aanvraag, consulent, collega
):
    toekennen(consulent, aanvraag, bedrag_cent=25000, maatwerk_reden="Een tweedehands koelkast.")
    accorderen.accorderen(actor=collega, aanvraag=aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.toegekend_cent == 25000
    tekst = pdf_woorden(bytes(Document.objects.get(bron_id=aanvraag.pk).inhoud))
    assert "U krijgt € 250,00 bijzondere bijstand" in tekst
    assert "Een tweedehands koelkast" in tekst


def test_the_computed_amount_is_not_maatwerk(aanvraag, consulent):
    toekennen(consulent, aanvraag, bedrag_cent=40000)
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.toegekend_cent, aanvraag.maatwerk_reden) == (
        "toegekend",
        40000,
        "",
    )


@pytest.mark.parametrize(
    ("kwargs", "veld", "melding"),
    [
        ({"bedrag_cent": 30000}, "maatwerk_reden", "Schrijf op waarom u een ander bedrag"),
        ({"bedrag_cent": 30000, "maatwerk_reden": "  "}, "maatwerk_reden", "Schrijf op waarom"),
        ({"bedrag_cent": -100, "maatwerk_reden": REDEN}, "bedrag", "niet negatief"),
        ({"bedrag_cent": 0, "maatwerk_reden": REDEN}, "bedrag", "Wijs de aanvraag af"),
        (
            {"bedrag_cent": 50000, "maatwerk_reden": REDEN},
            "boven_kosten",
            "U kent meer toe dan de gevraagde € 450,00",
        ),
    ],
)
def test_a_different_amount_needs_a_reason_and_stays_within_limits(
    aanvraag, consulent, kwargs, veld, melding
):
    with pytest.raises(ValidationError) as fout:
        toekennen(consulent, aanvraag, **kwargs)
    assert melding in " ".join(fout.value.message_dict[veld])
    aanvraag.refresh_from_db()
    assert aanvraag.status == "ingediend" and aanvraag.toegekend_cent is None


def test_above_the_asked_costs_only_when_confirmed(aanvraag, consulent, collega):
    toekennen(consulent, aanvraag, bedrag_cent=50000, maatwerk_reden=REDEN, boven_kosten=True)
    accorderen.accorderen(actor=collega, aanvraag=aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.toegekend_cent == 50000


def test_maatwerk_on_the_page_keeps_the_input_on_an_error(tenant_a, aanvraag, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    url = reverse("uitkering:bijzondere_detail", args=[aanvraag.pk])
    pagina = client.get(url).content.decode()
    assert 'name="bedrag"' in pagina and 'name="maatwerk_reden"' in pagina
    fout = client.post(
        url,
        {"onderdeel": "besluit", "besluit": "toegekend", "gronden": "Nodig.", "bedrag": "300.00"},
    )
    html = fout.content.decode()
    assert fout.status_code == 200
    assert "Schrijf op waarom u een ander bedrag" in html
    assert 'value="300.00"' in html
    aanvraag.refresh_from_db()
    assert aanvraag.status == "ingediend"
    client.post(
        url,
        {
            "onderdeel": "besluit",
            "besluit": "toegekend",
            "gronden": "Nodig.",
            "bedrag": "300.00",
            "maatwerk_reden": "Tweedehands is genoeg.",
        },
    )
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.voorgesteld_cent) == ("wacht", 30000)
    assert "Wacht op accordering" in client.get(url).content.decode()
