"""Every herziening decision reaches the resident as a letter with bezwaar: not only recovery,
also afzien van terugvordering (the month's right is still changed) and nabetalen. A partial
waiver (recovering less than was paid too much) needs a reason, and the letter says so.

Amounts by hand (alleenstaande 21+, art. 21 a € 1.345,45 in 2025; art. 31 lid 2 n: 25% of
work income free): March paid € 1.345,45; a later report of € 400,00 work income counts
€ 300,00, so right is € 1.045,45 and € 300,00 was paid too much."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meedoen.core.roles import Rol
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.uitkering.herziening import beslissen, brief, services
from meedoen.uitkering.herziening.beslissen import Terugbetaalregeling
from meedoen.uitkering.models import Besluit, Document, Herziening, Terugvordering
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
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, MAART)
    betaald_voorstel(persoon, huishouden, APRIL)
    return services.inkomstenopgave_gewijzigd(
        actor=consulent, opgave=opgave(persoon, huishouden, MAART, loon_cent=40000)
    )


@pytest.fixture
def te_weinig(tenant_a, consulent):
    persoon, huishouden = huishouden_met_aanvrager(tenant_a.gemeente)
    betaald_voorstel(persoon, huishouden, MAART, werk="400.00")
    return services.inkomstenopgave_gewijzigd(
        actor=consulent, opgave=opgave(persoon, huishouden, MAART, loon_cent=0)
    )


def _regeling(bedrag_cent: int) -> Terugbetaalregeling:
    return Terugbetaalregeling(bedrag_cent, 125000, 5000, dt.date(2025, 5, 1))


def _brieftekst(herziening) -> str:
    document = Document.objects.get(bron_id=herziening.pk)
    return pdf_woorden(bytes(document.inhoud))


def test_afzien_sends_a_letter_with_the_reason_and_bezwaar(consulent, te_veel):
    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=te_veel,
        besluit="afzien",
        dringende_redenen=True,
        toelichting="Het schuldhulptraject loopt; terugbetalen maakt dat kapot.",
    )
    te_veel.refresh_from_db()
    tekst = _brieftekst(te_veel)
    for verwacht in (
        "€ 300,00 te veel",
        "€ 400,00",  # why: the work income now known
        "U hoeft dit niet terug te betalen",
        "Het schuldhulptraject loopt",
        "artikel 54 lid 3",
        "binnen 6 weken",
    ):
        assert verwacht in tekst, verwacht
    assert "in op uw uitkering" not in tekst  # no repayment arrangement
    # Regenerating from the stored decision gives the same bytes.
    document = Document.objects.get(bron_id=te_veel.pk)
    assert brief.herzieningsbrief_pdf(herziening=te_veel) == bytes(document.inhoud)


def test_nabetalen_sends_a_letter_with_the_amount_and_bezwaar(consulent, te_weinig):
    assert te_weinig.verschil_cent == -30000
    beslissen.herziening_beslissen(actor=consulent, herziening=te_weinig, besluit="nabetalen")
    tekst = _brieftekst(te_weinig)
    for verwacht in ("€ 300,00 te weinig", "U krijgt € 300,00 bij", "binnen 6 weken"):
        assert verwacht in tekst, verwacht


def test_a_partial_waiver_needs_a_reason_and_the_letter_names_the_waived_part(consulent, te_veel):
    with pytest.raises(ValidationError) as fout:
        beslissen.herziening_beslissen(
            actor=consulent,
            herziening=te_veel,
            besluit="terugvorderen",
            evenredigheid="Te dragen.",
            regeling=_regeling(20000),
        )
    assert "toelichting" in fout.value.message_dict
    assert not Terugvordering.objects.exists()
    te_veel.refresh_from_db()
    assert te_veel.status == Herziening.Status.VOORGESTELD

    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=te_veel,
        besluit="terugvorderen",
        evenredigheid="Te dragen.",
        toelichting="De gemeente verwerkte de loonstrook twee maanden te laat.",
        gemeente_te_laat=True,
        regeling=_regeling(20000),
    )
    te_veel.refresh_from_db()
    tekst = _brieftekst(te_veel)
    # 300,00 too much, 200,00 recovered: 100,00 waived.
    for verwacht in (
        "U hoeft daarvan € 200,00 terug te betalen",
        "Voor € 100,00 zien we af van terugvordering",
        "twee maanden te laat",
    ):
        assert verwacht in tekst, verwacht


def test_the_page_offers_the_letter_of_an_afzien_decision(tenant_a, ingelogd, te_veel):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    url = reverse("uitkering:herziening_detail", args=[te_veel.pk])
    client.post(url, {"besluit": "afzien", "toelichting": "Dringende redenen."})
    pagina = client.get(url).content.decode()
    assert reverse("uitkering:herziening_brief", args=[te_veel.pk]) in pagina
    pdf = client.get(reverse("uitkering:herziening_brief", args=[te_veel.pk]))
    assert pdf.content.startswith(b"%PDF")
    assert "besluit-herziening-2025-03.pdf" in pdf["Content-Disposition"]


def test_an_open_nabetaling_says_how_it_will_be_paid(tenant_a, ingelogd, te_weinig):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    url = reverse("uitkering:herziening_detail", args=[te_weinig.pk])
    client.post(url, {"besluit": "nabetalen"})
    pagina = client.get(url).content.decode()
    assert "Wacht op de volgende betaling." in pagina
    assert "wordt dit bedrag los betaald" not in pagina
    # March was the last month paid; the benefit ended on 31 March 2025: there is no April
    # payment to carry the nabetaling, so the next run pays it on its own line.
    Besluit.objects.filter(huishouden=te_weinig.huishouden).update(einddatum=dt.date(2025, 3, 31))
    pagina = client.get(url).content.decode()
    assert "Wacht op de volgende betaalrun: daarin wordt dit bedrag los betaald" in pagina
