"""A running recovery can be adjusted (the letter promises: "call us and we look at the
arrangement again"): a new monthly amount or voet, checked against the beslagvrije voet like a
new arrangement, or waiving what is left. And an arrangement that deducts from a benefit is
refused when the household gets no benefit in its first month.

Amounts by hand (alleenstaande 21+, art. 21 a € 1.345,45 in 2025): March and April paid
€ 1.345,45; a later report of € 400,00 work income in March makes March € 1.045,45, so
€ 300,00 too much. The monthly payment is € 1.345,45."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.uitkering.herziening import beslissen, regeling, services, verrekening
from meedoen.uitkering.herziening.beslissen import Terugbetaalregeling
from meedoen.uitkering.models import Besluit, Herziening, Terugvordering
from meedoen.uitkering.tests.herziening_hulp import (
    betaald_voorstel,
    huishouden_met_aanvrager,
    opgave,
)

pytestmark = pytest.mark.django_db

MAART = dt.date(2025, 3, 1)
APRIL = dt.date(2025, 4, 1)
MEI = dt.date(2025, 5, 1)


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
def terugvordering(consulent, te_veel) -> Terugvordering:
    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=te_veel,
        besluit="terugvorderen",
        evenredigheid="Te dragen.",
        regeling=Terugbetaalregeling(30000, 125000, 5000, MEI),
    )
    return Terugvordering.objects.get(herziening=te_veel)


def test_the_monthly_amount_can_be_lowered_and_is_checked_against_the_voet(
    consulent, terugvordering
):
    # A higher voet of € 1.300,00 leaves room for at most 1.345,45 - 1.300,00 = € 45,45.
    with pytest.raises(ValidationError) as fout:
        regeling.regeling_wijzigen(
            actor=consulent,
            terugvordering=terugvordering,
            aflossing_per_maand_cent=5000,
            beslagvrije_voet_cent=130000,
            toelichting="Huur is gestegen.",
        )
    assert "hoogstens € 45,45 per maand" in fout.value.message_dict["aflossing_per_maand"][0]
    with pytest.raises(ValidationError) as fout:
        regeling.regeling_wijzigen(
            actor=consulent,
            terugvordering=terugvordering,
            aflossing_per_maand_cent=2500,
            beslagvrije_voet_cent=130000,
            toelichting=" ",
        )
    assert "toelichting" in fout.value.message_dict
    terugvordering.refresh_from_db()
    assert terugvordering.aflossing_per_maand_cent == 5000

    regeling.regeling_wijzigen(
        actor=consulent,
        terugvordering=terugvordering,
        aflossing_per_maand_cent=2500,
        beslagvrije_voet_cent=130000,
        toelichting="Huur is gestegen.",
    )
    terugvordering.refresh_from_db()
    assert (terugvordering.aflossing_per_maand_cent, terugvordering.beslagvrije_voet_cent) == (
        2500,
        130000,
    )
    event = AuditEvent.objects.filter(object_id=str(terugvordering.pk)).get()
    assert event.wijzigingen["aflossing_per_maand_cent"] == [5000, 2500]
    assert event.wijzigingen["toelichting"] == [None, "Huur is gestegen."]
    # The next month's split uses the new amount: € 25,00 (the voet leaves € 45,45 room).
    [inhouding] = verrekening.aflossing_voor_maand(
        huishouden=terugvordering.huishouden, maand=MEI, te_betalen_cent=134545
    )
    assert inhouding.bedrag_cent == 2500


def test_waiving_the_rest_stops_the_deductions(consulent, terugvordering):
    with pytest.raises(ValidationError) as fout:
        regeling.rest_kwijtschelden(actor=consulent, terugvordering=terugvordering, toelichting="")
    assert "toelichting" in fout.value.message_dict

    regeling.rest_kwijtschelden(
        actor=consulent,
        terugvordering=terugvordering,
        toelichting="Ernstig ziek; terugbetalen is niet redelijk.",
    )
    terugvordering.refresh_from_db()
    assert terugvordering.status == Terugvordering.Status.KWIJTGESCHOLDEN
    assert (
        verrekening.aflossing_voor_maand(
            huishouden=terugvordering.huishouden, maand=MEI, te_betalen_cent=134545
        )
        == []
    )
    event = AuditEvent.objects.filter(object_id=str(terugvordering.pk)).get()
    assert event.wijzigingen["kwijtgescholden_cent"] == [None, 30000]
    # Done once: a waived recovery cannot be changed again.
    with pytest.raises(ValidationError, match="loopt niet meer"):
        regeling.regeling_wijzigen(
            actor=consulent,
            terugvordering=terugvordering,
            aflossing_per_maand_cent=1000,
            beslagvrije_voet_cent=125000,
            toelichting="x",
        )


def test_only_behandelaars_of_the_gemeente_change_an_arrangement(
    tenant_a, tenant_b, terugvordering
):
    with pytest.raises(Geweigerd):
        regeling.rest_kwijtschelden(
            actor=tenant_a.actor(Rol.KLANTMANAGER), terugvordering=terugvordering, toelichting="x"
        )
    with pytest.raises(Geweigerd):
        regeling.rest_kwijtschelden(
            actor=tenant_b.actor(Rol.INKOMENSCONSULENT),
            terugvordering=terugvordering,
            toelichting="x",
        )


def test_no_deduction_arrangement_when_the_benefit_has_ended(consulent, te_veel):
    # The benefit ended on 30 April: May has no payment to deduct from, whatever the
    # latest proposal (April) said.
    Besluit.objects.filter(huishouden=te_veel.huishouden).update(einddatum=dt.date(2025, 4, 30))
    with pytest.raises(ValidationError) as fout:
        beslissen.herziening_beslissen(
            actor=consulent,
            herziening=te_veel,
            besluit="terugvorderen",
            evenredigheid="Te dragen.",
            regeling=Terugbetaalregeling(30000, 125000, 5000, MEI),
        )
    # The message sits next to the choice of how to repay, and names the way out.
    melding = fout.value.message_dict["wijze"][0]
    assert "in mei 2025 geen uitkering" in melding
    assert "Zelf betalen aan de gemeente" in melding
    assert not Terugvordering.objects.exists()
    te_veel.refresh_from_db()
    assert te_veel.status == Herziening.Status.VOORGESTELD


def test_the_page_shows_the_deductions_and_changes_the_arrangement(
    tenant_a, tenant_b, ingelogd, terugvordering
):
    herziening = terugvordering.herziening
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    client = ingelogd(consulent)
    url = reverse("uitkering:herziening_detail", args=[herziening.pk])
    pagina = client.get(url).content.decode()
    assert "Regeling wijzigen" in pagina and "Rest kwijtschelden" in pagina
    assert "Er is nog niets ingehouden." in pagina

    wijzigen = reverse("uitkering:herziening_regeling", args=[herziening.pk])
    # Too much: the page comes back with the maximum and keeps what was typed.
    fout = client.post(
        wijzigen,
        {
            "regeling-aflossing_per_maand": "60.00",
            "regeling-beslagvrije_voet": "1300.00",
            "regeling-toelichting": "Huur gestegen",
        },
    )
    assert fout.status_code == 200
    html = fout.content.decode()
    assert "hoogstens € 45,45 per maand" in html
    assert "Huur gestegen" in html and 'value="60.00"' in html
    assert (
        client.post(
            wijzigen,
            {
                "regeling-aflossing_per_maand": "25.00",
                "regeling-beslagvrije_voet": "1300.00",
                "regeling-toelichting": "Huur gestegen",
            },
        ).status_code
        == 302
    )
    terugvordering.refresh_from_db()
    assert terugvordering.aflossing_per_maand_cent == 2500

    kwijt = reverse("uitkering:herziening_kwijtschelden", args=[herziening.pk])
    client_b = ingelogd(tenant_b.gebruiker(Rol.INKOMENSCONSULENT))
    assert client_b.post(kwijt, {"kwijtschelden-toelichting": "x"}).status_code == 404
    klantmanager = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert klantmanager.post(kwijt, {"kwijtschelden-toelichting": "x"}).status_code == 403
    client = ingelogd(consulent)  # one test client: log the consulent in again
    assert client.get(kwijt).status_code == 405

    assert client.post(kwijt, {"kwijtschelden-toelichting": "Ziek."}).status_code == 302
    terugvordering.refresh_from_db()
    assert terugvordering.status == Terugvordering.Status.KWIJTGESCHOLDEN
    pagina = client.get(url).content.decode()
    assert "Kwijtgescholden" in pagina
    assert "Rest kwijtschelden" not in pagina
