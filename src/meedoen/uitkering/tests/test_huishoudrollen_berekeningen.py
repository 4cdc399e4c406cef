"""The household as the engine sees it, made by the one rule of `clients.huishoudrollen`, in
the calculations of uitkering: a resident who holds the role partner while the other adult of
the couple holds the role aanvrager is calculated as a couple everywhere.

Amounts (shared/reference/participatiewet-amounts.md, rules/parameters/normen/art21.yaml):
- 2025-01-01: alleenstaande 21 to AOW age (art. 21 a) € 1.345,45; gehuwden (art. 21 b)
  € 1.922,07;
- 2026-01-01: gehuwden (art. 21 b) € 2.002,13 (Stcrt. 2025, 43553);
- vrijlating art. 31 lid 2 n: 25% of work income, at most € 273,00 a month in 2025."""

import datetime as dt

import pytest

from meedoen.clients import selectors as clients_selectors
from meedoen.clients.models import HuishoudRol
from meedoen.core.roles import Rol
from meedoen.testing.factories import LidmaatschapFactory
from meedoen.uitkering.aanvraag import gegevens
from meedoen.uitkering.bijzondere.norm import norm_voor, situatie_voor_norm
from meedoen.uitkering.herziening import services
from meedoen.uitkering.herziening.herberekening import herberekenen
from meedoen.uitkering.models import Herziening
from meedoen.uitkering.tests.herziening_hulp import (
    betaald_voorstel,
    huishouden_met_aanvrager,
    lid_erbij,
    opgave,
)

pytestmark = pytest.mark.django_db

MAART = dt.date(2025, 3, 1)


@pytest.fixture
def consulent(tenant_a):
    return tenant_a.actor(Rol.INKOMENSCONSULENT)


def _stel_met_bewoner_als_partner(gemeente):
    """A couple in which the resident holds the role partner and the other adult (45, so a
    kostendeler if they were taken as a housemate) the role aanvrager."""
    ander, huishouden = huishouden_met_aanvrager(gemeente, geboren=dt.date(1980, 1, 1))
    bewoner = lid_erbij(
        huishouden,
        rol=HuishoudRol.PARTNER,
        geboren=dt.date(1982, 2, 2),
        van=dt.date(2020, 1, 1),
        naam="Bo",
    ).persoon
    return bewoner, ander, huishouden


def _partner(persoon) -> dict:
    return {
        "birth_date": persoon.geboortedatum.isoformat(),
        "income": {"work": "0.00", "other": "0.00"},
        "work_disregard_months_used": 0,
        "single_parent_disregard_months_used": 0,
    }


# Bijzondere bijstand: the norm for the draagkracht.


def test_bijzondere_bijstand_takes_the_aanvrager_as_partner_of_a_resident_in_the_role_partner(
    tenant_a, consulent
):
    bewoner, ander, _ = _stel_met_bewoner_als_partner(tenant_a.gemeente)

    situatie = situatie_voor_norm(persoon=bewoner, datum=dt.date(2026, 1, 15))
    assert situatie["partner"] == {"birth_date": ander.geboortedatum.isoformat()}
    assert situatie["housemates"] == []

    # A couple, both 21 to AOW age: the gehuwdennorm (art. 21 b), € 2.002,13 in January 2026,
    # not half of it as for a single person with one kostendeler.
    norm_cent, antwoord = norm_voor(actor=consulent, persoon=bewoner, datum=dt.date(2026, 1, 15))
    assert norm_cent == 200213
    assert antwoord["household_type"] == "gehuwden"
    assert antwoord["kostendelersnorm_applied"] is False


# Herziening: the paid month recalculated from the memberships.


def test_herberekening_keeps_the_aanvrager_as_partner_of_a_resident_in_the_role_partner(
    tenant_a,
):
    bewoner, ander, huishouden = _stel_met_bewoner_als_partner(tenant_a.gemeente)
    voorstel = betaald_voorstel(bewoner, huishouden, MAART, partner=_partner(ander))

    uitkomst = herberekenen(
        situatie=voorstel.situatie,
        maand=MAART,
        aanvrager=bewoner,
        opgave=None,
        leden=clients_selectors.samenstelling_op(huishouden=huishouden, datum=MAART),
        geschiedenis=clients_selectors.geschiedenis(huishouden=huishouden),
    )

    assert uitkomst.situatie["partner"]["birth_date"] == ander.geboortedatum.isoformat()
    assert uitkomst.situatie["housemates"] == []
    assert not uitkomst.huishouden_gewijzigd
    assert uitkomst.uitleg == []


def test_the_income_of_the_partner_in_the_role_aanvrager_leads_to_a_proposal(tenant_a, consulent):
    bewoner, ander, huishouden = _stel_met_bewoner_als_partner(tenant_a.gemeente)
    # March was paid as a couple without income: the gehuwdennorm € 1.922,07.
    voorstel = betaald_voorstel(bewoner, huishouden, MAART, partner=_partner(ander))
    assert voorstel.uitkering_cent == 192207

    # Later, a payslip shows the partner earned € 400,00 in March. Their vrijlating 25% =
    # € 100,00, so € 300,00 counts: right amount 1.922,07 - 300,00 = € 1.622,07.
    herziening = services.inkomstenopgave_gewijzigd(
        actor=consulent, opgave=opgave(bewoner, huishouden, MAART, loon_cent=40000, wie=ander)
    )

    assert herziening is not None
    assert (herziening.juist_cent, herziening.verschil_cent) == (162207, 30000)
    assert herziening.aanleiding == Herziening.Aanleiding.INKOMSTENOPGAVE
    uitleg = " ".join(herziening.uitleg)
    assert f"van {ander.volledige_naam} (partner)" in uitleg
    assert "hoort sinds" not in uitleg  # the household did not change


def test_a_partner_in_the_role_aanvrager_who_came_back_is_named_as_partner(tenant_a, consulent):
    bewoner, ander, huishouden = _stel_met_bewoner_als_partner(tenant_a.gemeente)
    eerste = ander.lidmaatschappen.get()
    eerste.tot = dt.date(2025, 1, 1)
    eerste.save()
    # March was paid to the resident alone: € 1.345,45.
    voorstel = betaald_voorstel(bewoner, huishouden, MAART)
    assert voorstel.uitkering_cent == 134545

    # Registered only now: the other adult came back on 1 March, in the role aanvrager. March
    # is a couple's month: € 1.922,07, so € 576,62 too little was paid.
    LidmaatschapFactory(huishouden=huishouden, persoon=ander, rol=HuishoudRol.AANVRAGER, van=MAART)
    resultaat = services.huishouden_gewijzigd(actor=consulent, huishouden=huishouden, per=MAART)

    [herziening] = resultaat.nieuw
    assert (herziening.juist_cent, herziening.verschil_cent) == (192207, -57662)
    situatie = herziening.berekening["situatie"]
    assert situatie["partner"]["birth_date"] == ander.geboortedatum.isoformat()
    assert herziening.berekening["nieuw"]["household_type"] == "gehuwden"
    [regel] = [r for r in herziening.uitleg if "hoort sinds" in r]
    assert regel.startswith(f"{ander.volledige_naam} hoort sinds 01-03-2025")
    assert "als partner" in regel
    assert bewoner.volledige_naam not in regel


# Aanvraag: the household recorded on the receipt date, the engine's situation per month.


def test_the_application_records_the_aanvrager_as_partner_and_children_by_month(tenant_a):
    bewoner, ander, huishouden = _stel_met_bewoner_als_partner(tenant_a.gemeente)
    kind = lid_erbij(
        huishouden, rol=HuishoudRol.KIND, geboren=dt.date(2008, 1, 2), van=dt.date(2020, 1, 1)
    ).persoon
    leden = clients_selectors.huishouden_van(persoon=bewoner, datum=dt.date(2025, 12, 10)).leden

    indeling = gegevens.huishouden_indelen(persoon=bewoner, leden=leden)
    assert indeling["aanvrager"]["persoon_id"] == str(bewoner.pk)
    assert indeling["partner"]["persoon_id"] == str(ander.pk)
    assert [k["persoon_id"] for k in indeling["kinderen"]] == [str(kind.pk)]
    assert indeling["medebewoners"] == []

    # The child turns 18 on 2 January 2026: still a child in January (the engine counts ages on
    # the first day of the month), a housemate from February.
    januari = gegevens.situatie(gegevens=indeling, periode="2026-01", gemeente_code="GM0150")
    februari = gegevens.situatie(gegevens=indeling, periode="2026-02", gemeente_code="GM0150")
    assert januari["children"] == [{"birth_date": "2008-01-02"}]
    assert januari["housemates"] == []
    assert februari["children"] == []
    assert [h["birth_date"] for h in februari["housemates"]] == ["2008-01-02"]
