"""A person decides on a herziening. Recovery needs the weighing recorded and an arrangement
that leaves the household at least the beslagvrije voet; afzien needs a reason; the letter
states the amount, why, the arrangement and how to object."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.uitkering.herziening import beslissen, services
from meedoen.uitkering.herziening.beslissen import Terugbetaalregeling
from meedoen.uitkering.herziening.brief import terugvorderingsbrief_pdf
from meedoen.uitkering.models import Document, Herziening, Terugvordering
from meedoen.uitkering.tests.herziening_hulp import (
    betaald_voorstel,
    huishouden_met_aanvrager,
    opgave,
)

pytestmark = pytest.mark.django_db

MAART = dt.date(2025, 3, 1)
APRIL = dt.date(2025, 4, 1)


@pytest.fixture
def consulent(tenant_a):
    return tenant_a.actor(Rol.INKOMENSCONSULENT)


@pytest.fixture
def te_veel(tenant_a, consulent):
    """March paid € 1.345,45; a later report of € 400,00 work income makes it € 1.045,45:
    € 300,00 too much. April (paid € 1.345,45) is the household's current monthly payment."""
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, MAART)
    betaald_voorstel(persoon, huishouden, APRIL)
    return services.inkomstenopgave_gewijzigd(
        actor=consulent, opgave=opgave(persoon, huishouden, MAART, loon_cent=40000)
    )


def regeling(**kwargs) -> Terugbetaalregeling:
    waarden = {
        "bedrag_cent": 30000,
        "beslagvrije_voet_cent": 125000,
        "aflossing_per_maand_cent": 5000,
        "eerste_maand": dt.date(2025, 5, 1),
    } | kwargs
    return Terugbetaalregeling(**waarden)


def test_recovery_needs_the_weighing_recorded(consulent, te_veel):
    with pytest.raises(ValidationError) as fout:
        beslissen.herziening_beslissen(
            actor=consulent, herziening=te_veel, besluit="terugvorderen", regeling=regeling()
        )
    assert "evenredigheid" in fout.value.message_dict
    assert not Terugvordering.objects.exists()

    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=te_veel,
        besluit="terugvorderen",
        evenredigheid="Geen schulden; € 50 per maand is te dragen.",
        waarschuwing_in_plaats_van_boete=True,
        regeling=regeling(),
    )
    te_veel.refresh_from_db()
    assert te_veel.status == Herziening.Status.TERUGVORDEREN
    assert te_veel.beslist_door == consulent.user
    assert te_veel.waarschuwing_in_plaats_van_boete
    terugvordering = te_veel.terugvordering
    assert (terugvordering.bedrag_cent, terugvordering.aflossing_per_maand_cent) == (30000, 5000)
    assert terugvordering.status == Terugvordering.Status.LOPEND
    event = AuditEvent.objects.filter(object_id=str(te_veel.pk), actie="gewijzigd").get()
    assert event.wijzigingen["status"] == ["voorgesteld", "terugvorderen"]
    assert event.wijzigingen["terugvordering"][1]["beslagvrije_voet_cent"] == 125000


def test_afzien_needs_a_reason(consulent, te_veel):
    with pytest.raises(ValidationError) as fout:
        beslissen.herziening_beslissen(actor=consulent, herziening=te_veel, besluit="afzien")
    assert "toelichting" in fout.value.message_dict
    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=te_veel,
        besluit="afzien",
        dringende_redenen=True,
        toelichting="Schuldhulptraject loopt; terugvorderen maakt dat kapot.",
    )
    te_veel.refresh_from_db()
    assert te_veel.status == Herziening.Status.AFGEZIEN
    assert te_veel.dringende_redenen
    assert not Terugvordering.objects.exists()


def test_an_arrangement_below_the_beslagvrije_voet_is_refused_with_the_maximum(consulent, te_veel):
    # Monthly payment € 1.345,45, voet € 1.250,00: at most 1.345,45 - 1.250,00 = € 95,45.
    with pytest.raises(ValidationError) as fout:
        beslissen.herziening_beslissen(
            actor=consulent,
            herziening=te_veel,
            besluit="terugvorderen",
            evenredigheid="Te dragen.",
            regeling=regeling(aflossing_per_maand_cent=9546),
        )
    melding = fout.value.message_dict["aflossing_per_maand"][0]
    assert "hoogstens € 95,45 per maand" in melding
    assert "beslagvrije voet van € 1.250,00" in melding
    assert not Terugvordering.objects.exists()
    # Exactly the maximum is allowed.
    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=te_veel,
        besluit="terugvorderen",
        evenredigheid="Te dragen.",
        regeling=regeling(aflossing_per_maand_cent=9545),
    )
    assert Terugvordering.objects.get().aflossing_per_maand_cent == 9545


def test_recovering_more_than_was_paid_too_much_is_refused(consulent, te_veel):
    with pytest.raises(ValidationError) as fout:
        beslissen.herziening_beslissen(
            actor=consulent,
            herziening=te_veel,
            besluit="terugvorderen",
            evenredigheid="Te dragen.",
            regeling=regeling(bedrag_cent=30001),
        )
    assert "€ 300,00" in fout.value.message_dict["bedrag"][0]


def test_an_underpayment_cannot_be_recovered_and_an_overpayment_not_paid_out(
    tenant_a, consulent, te_veel
):
    with pytest.raises(ValidationError):
        beslissen.herziening_beslissen(actor=consulent, herziening=te_veel, besluit="nabetalen")
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, MAART, werk="400.00")
    te_weinig = services.inkomstenopgave_gewijzigd(
        actor=consulent, opgave=opgave(persoon, huishouden, MAART, loon_cent=0)
    )
    assert te_weinig.verschil_cent < 0
    with pytest.raises(ValidationError):
        beslissen.herziening_beslissen(
            actor=consulent,
            herziening=te_weinig,
            besluit="terugvorderen",
            evenredigheid="x",
            regeling=regeling(),
        )


def test_a_decision_is_taken_once(consulent, te_veel):
    beslissen.herziening_beslissen(
        actor=consulent, herziening=te_veel, besluit="afzien", toelichting="Dringend."
    )
    with pytest.raises(ValidationError, match="al beslist"):
        beslissen.herziening_beslissen(
            actor=consulent, herziening=te_veel, besluit="afzien", toelichting="Nog eens."
        )


def test_only_uitkering_behandelen_decides(tenant_a, te_veel):
    with pytest.raises(Geweigerd):
        beslissen.herziening_beslissen(
            actor=tenant_a.actor(Rol.KLANTMANAGER),
            herziening=te_veel,
            besluit="afzien",
            toelichting="x",
        )


def test_the_letter_states_amount_reason_arrangement_and_objection(consulent, te_veel):
    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=te_veel,
        besluit="terugvorderen",
        evenredigheid="Het huishouden kan € 50 per maand missen.",
        regeling=regeling(),
    )
    document = Document.objects.get(bron_id=te_veel.pk)
    assert document.soort == Document.Soort.TERUGVORDERING
    te_veel.refresh_from_db()
    tekst = pdf_woorden(bytes(document.inhoud))
    # 300,00 at 50,00 a month: 6 months.
    for verwacht in (
        "€ 300,00 te veel",
        "€ 400,00",
        "€ 50,00 in op uw uitkering",
        "mei 2025",
        "6 maanden",
        "minstens € 1.250,00",
        "binnen 6 weken",
        "artikel 58",
    ):
        assert verwacht in tekst, verwacht
    # Regenerating from the stored decision gives the same bytes.
    assert terugvorderingsbrief_pdf(herziening=te_veel) == bytes(document.inhoud)


def test_decision_page_and_letter_download(tenant_a, ingelogd, te_veel):
    gebruiker = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    client = ingelogd(gebruiker)
    url = reverse("uitkering:herziening_detail", args=[te_veel.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert "€ 300,00 te veel betaald" in pagina.content.decode()
    # Afzien without a reason: the form comes back with the message, nothing decided.
    fout = client.post(url, {"besluit": "afzien"})
    assert fout.status_code == 200
    assert "Schrijf op waarom u afziet" in fout.content.decode()
    te_veel.refresh_from_db()
    assert te_veel.status == Herziening.Status.VOORGESTELD
    # Recovery with an arrangement in euros.
    antwoord = client.post(
        url,
        {
            "besluit": "terugvorderen",
            "evenredigheid": "Te dragen.",
            "bedrag": "300.00",
            "beslagvrije_voet": "1250.00",
            "aflossing_per_maand": "50.00",
            "eerste_maand": "2025-05",
        },
    )
    assert antwoord.status_code == 302
    te_veel.refresh_from_db()
    assert te_veel.status == Herziening.Status.TERUGVORDEREN
    assert te_veel.terugvordering.beslagvrije_voet_cent == 125000
    pdf = client.get(reverse("uitkering:herziening_brief", args=[te_veel.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "besluit-terugvordering-2025-03.pdf" in pdf["Content-Disposition"]


def test_pages_answer_404_for_another_gemeente_and_403_without_capability(
    tenant_a, tenant_b, ingelogd, te_veel
):
    client_b = ingelogd(tenant_b.gebruiker(Rol.INKOMENSCONSULENT))
    assert (
        client_b.get(reverse("uitkering:herziening_detail", args=[te_veel.pk])).status_code == 404
    )
    client_km = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert client_km.get(reverse("uitkering:herziening_lijst")).status_code == 403
    assert (
        client_km.get(reverse("uitkering:herziening_detail", args=[te_veel.pk])).status_code == 403
    )


def test_worklist_and_start_section_show_open_proposals(tenant_a, ingelogd, te_veel):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    lijst = client.get(reverse("uitkering:herziening_lijst")).content.decode()
    assert te_veel.persoon.volledige_naam in lijst
    assert "1 herziening wacht op een besluit" in lijst
    start = client.get(reverse("ui:start")).content.decode()
    assert "Herzieningen te beslissen" in start
    assert te_veel.persoon.volledige_naam in start


def test_an_underpayment_is_decided_on_its_page_and_shown_in_the_dossier(tenant_a, ingelogd):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, MAART, werk="400.00")
    # Paid € 1.045,45; with no income it is € 1.345,45: € 300,00 too little.
    te_weinig = services.inkomstenopgave_gewijzigd(
        actor=tenant_a.actor(Rol.INKOMENSCONSULENT),
        opgave=opgave(persoon, huishouden, MAART, loon_cent=0),
    )
    client = ingelogd(consulent)
    url = reverse("uitkering:herziening_detail", args=[te_weinig.pk])
    pagina = client.get(url).content.decode()
    assert "€ 300,00 te weinig betaald" in pagina
    assert "Beslagvrije voet" not in pagina  # no recovery fields for an underpayment
    assert client.post(url, {"besluit": "nabetalen"}).status_code == 302
    te_weinig.refresh_from_db()
    assert (te_weinig.status, te_weinig.beslist_door) == (Herziening.Status.NABETALEN, consulent)
    dossier = client.get(reverse("clients:dossier", args=[persoon.pk])).content.decode()
    assert "Terugvordering en bijzondere bijstand" in dossier
    assert "Besloten: nabetalen" in dossier
