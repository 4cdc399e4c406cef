"""Recht op werk: a contract of at least the minimum wage for the age, the household's income with
and without it (rules engine), refused where the gemeente does not offer it, and ended when the
resident takes an outside job. Amounts by hand from /work/shared/reference/participatiewet-
amounts.md (2026: alleenstaande 1,401.50; gehuwden 2,002.13; vrijlating n 25% max 285.00; WML
14.71 per hour, 20 years 80%)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from meedoen.clients.models import HuishoudRol
from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import LidmaatschapFactory
from meedoen.testing.werk_factories import PlaatsingFactory
from meedoen.werk.banen import loon
from meedoen.werk.banen.services import (
    contract_aanmaken,
    contract_beeindigen,
    contract_doorrekenen,
)
from meedoen.werk.models import Arbeidscontract, Plaatsing, Werkbeleid

pytestmark = pytest.mark.django_db

BEGIN = dt.date(2026, 3, 1)


@pytest.fixture
def wgd(tenant_a):
    Werkbeleid.objects.create(gemeente=tenant_a.gemeente, recht_op_werk=True)
    return tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)


def _alleenstaande(tenant, geboren=dt.date(1990, 5, 1)):
    return LidmaatschapFactory(
        huishouden__gemeente=tenant.gemeente, persoon__geboortedatum=geboren
    ).persoon


def _stel(tenant):
    lid = LidmaatschapFactory(
        huishouden__gemeente=tenant.gemeente, persoon__geboortedatum=dt.date(1990, 5, 1)
    )
    LidmaatschapFactory(
        huishouden=lid.huishouden,
        rol=HuishoudRol.PARTNER,
        persoon__geboortedatum=dt.date(1988, 2, 1),
    )
    return lid.persoon


def _gegevens(persoon, **anders):
    return {
        "plaatsing": PlaatsingFactory(persoon=persoon, begindatum=dt.date(2026, 2, 1)),
        "uren_per_week": 32,
        "bruto_uurloon_cent": 1471,
        "netto_maandloon_cent": 180000,
        "begindatum": BEGIN,
    } | anders


def test_minimum_wage_for_the_age_comes_from_the_parameters():
    # 2026: 14.71 an hour at 21+; youth percentages 20: 80%, 19: 60%, 18: 50% (Wml art. 9)
    def per_uur(geboren):
        return loon.minimumloon_per_uur(geboortedatum=geboren, periode="2026-03").uurloon_cent

    assert per_uur(dt.date(1990, 5, 1)) == 1471
    assert per_uur(dt.date(2005, 6, 1)) == 1177  # 20 on 1 March 2026: 14.71 x 0.8 = 11.768
    assert per_uur(dt.date(2006, 6, 1)) == 883  # 19: 14.71 x 0.6 = 8.826
    assert per_uur(dt.date(2007, 6, 1)) == 736  # 18: 14.71 x 0.5 = 7.355, half a cent up
    # 1 July 2025: 14.40
    assert (
        loon.minimumloon_per_uur(geboortedatum=dt.date(1990, 5, 1), periode="2025-09").uurloon_cent
        == 1440
    )


def test_gross_monthly_wage_is_hours_times_wage_times_52_over_12():
    # 32 x 14.71 x 52 / 12 = 2,039.7866... -> 2,039.79
    assert loon.bruto_maandloon_cent(uren_per_week=32, bruto_uurloon_cent=1471) == 203979
    # 20 x 15.00 x 52 / 12 = 1,300.00 exactly
    assert loon.bruto_maandloon_cent(uren_per_week=20, bruto_uurloon_cent=1500) == 130000


def test_single_person_comparison(wgd, tenant_a):
    persoon = _alleenstaande(tenant_a)
    contract = contract_aanmaken(actor=wgd, persoon=persoon, **_gegevens(persoon))
    v = contract.inkomensvergelijking
    assert contract.bruto_maandloon_cent == 203979
    assert v["periode"] == "2026-03"
    # Without the contract: the alleenstaandennorm, 1,401.50.
    assert v["zonder_contract"]["bijstand"] == "1401.50"
    assert v["zonder_contract"]["totaal"] == "1401.50"
    # With it: 1,800.00 net; counted 1,800.00 - min(25% = 450.00, 285.00) = 1,515.00, which is
    # above the norm, so no aanvullende bijstand. Total 1,800.00, 398.50 more.
    assert v["met_contract"]["aanvullende_bijstand"] == "0.00"
    assert v["met_contract"]["totaal"] == "1800.00"
    assert v["verschil"] == "398.50"
    assert any(stap["code"] == "VRIJLATING_N" for stap in v["met_contract"]["uitleg"])


def test_couple_comparison(wgd, tenant_a):
    persoon = _stel(tenant_a)
    contract = contract_aanmaken(actor=wgd, persoon=persoon, **_gegevens(persoon))
    v = contract.inkomensvergelijking
    assert v["huishouden"]["partner"] is True
    # Without: the gehuwdennorm 2,002.13.
    assert v["zonder_contract"]["totaal"] == "2002.13"
    # With: counted 1,800.00 - 285.00 = 1,515.00; aanvulling 2,002.13 - 1,515.00 = 487.13;
    # total 1,800.00 + 487.13 = 2,287.13; the difference is exactly the vrijlating, 285.00.
    assert v["met_contract"]["aanvullende_bijstand"] == "487.13"
    assert v["met_contract"]["totaal"] == "2287.13"
    assert v["verschil"] == "285.00"


def test_couple_with_a_working_partner(wgd, tenant_a):
    persoon = _stel(tenant_a)
    gegevens = _gegevens(
        persoon, partner_netto_inkomen_cent=50000, partner_maanden_vrijlating_gebruikt=6
    )
    v = contract_doorrekenen(actor=wgd, persoon=persoon, **gegevens)[1]
    # The partner's 500.00 counts in full (vrijlating used up after 6 months).
    # Without: 2,002.13 - 500.00 = 1,502.13 bijstand; total 1,502.13 + 500.00 = 2,002.13.
    assert v["zonder_contract"]["bijstand"] == "1502.13"
    assert v["zonder_contract"]["totaal"] == "2002.13"
    # With: counted 1,515.00 + 500.00 = 2,015.00 >= 2,002.13: no bijstand;
    # total 1,800.00 + 500.00 = 2,300.00; difference 2,300.00 - 2,002.13 = 297.87.
    assert v["met_contract"]["totaal"] == "2300.00"
    assert v["verschil"] == "297.87"
    assert not Arbeidscontract.objects.exists(), "a comparison alone writes nothing"


def test_wage_below_the_minimum_is_refused_naming_the_minimum(wgd, tenant_a):
    persoon = _alleenstaande(tenant_a)
    with pytest.raises(ValidationError) as fout:
        contract_aanmaken(actor=wgd, persoon=persoon, **_gegevens(persoon, bruto_uurloon_cent=1470))
    assert "€ 14,71" in str(fout.value.message_dict["bruto_uurloon"])
    # A 20-year-old's minimum is 80%: 11.77 is enough, 11.76 is not.
    jong = _alleenstaande(tenant_a, geboren=dt.date(2005, 6, 1))
    jong_gegevens = _gegevens(jong, netto_maandloon_cent=140000)
    with pytest.raises(ValidationError) as fout:
        contract_aanmaken(actor=wgd, persoon=jong, **jong_gegevens | {"bruto_uurloon_cent": 1176})
    assert "€ 11,77" in str(fout.value.message_dict["bruto_uurloon"])
    genoeg = jong_gegevens | {"bruto_uurloon_cent": 1177}
    assert contract_aanmaken(actor=wgd, persoon=jong, **genoeg)


def test_net_wage_above_gross_is_refused(wgd, tenant_a):
    persoon = _alleenstaande(tenant_a)
    with pytest.raises(ValidationError) as fout:
        contract_aanmaken(
            actor=wgd, persoon=persoon, **_gegevens(persoon, netto_maandloon_cent=203980)
        )
    assert "netto_maandloon" in fout.value.message_dict


def test_months_without_published_amounts_are_refused(wgd, tenant_a):
    persoon = _alleenstaande(tenant_a)
    with pytest.raises(ValidationError) as fout:
        contract_aanmaken(
            actor=wgd, persoon=persoon, **_gegevens(persoon, begindatum=dt.date(2026, 8, 1))
        )
    assert "2026-08" in str(fout.value)


def test_switched_off_gemeente_refuses(wgd, tenant_a, ingelogd):
    Werkbeleid.objects.filter(gemeente=tenant_a.gemeente).update(recht_op_werk=False)
    persoon = _alleenstaande(tenant_a)
    with pytest.raises(ValidationError, match="geen recht op werk"):
        contract_aanmaken(actor=wgd, persoon=persoon, **_gegevens(persoon))
    client = ingelogd(wgd.user)
    pagina = client.get(f"/werk/banen/inwoner/{persoon.pk}/contract/")
    assert "biedt geen recht op werk aan" in pagina.content.decode()
    assert "Contract vastleggen" not in pagina.content.decode()
    client.post(
        f"/werk/banen/inwoner/{persoon.pk}/contract/",
        {"actie": "vastleggen", "begindatum": "2026-03-01"},
    )
    assert not Arbeidscontract.objects.exists()


def test_one_running_contract_at_a_time(wgd, tenant_a):
    persoon = _alleenstaande(tenant_a)
    gegevens = _gegevens(persoon)
    contract_aanmaken(actor=wgd, persoon=persoon, **gegevens)
    with pytest.raises(ValidationError, match="al een lopend arbeidscontract"):
        contract_aanmaken(actor=wgd, persoon=persoon, **gegevens)


def test_ending_on_an_outside_job_ends_the_placement(wgd, tenant_a):
    persoon = _alleenstaande(tenant_a)
    contract = contract_aanmaken(actor=wgd, persoon=persoon, **_gegevens(persoon))
    contract_beeindigen(
        actor=wgd,
        contract=contract,
        datum=dt.date(2026, 5, 31),
        reden="extern werk",
        toelichting="Vast contract bij een bakkerij",
    )
    contract.refresh_from_db()
    plaatsing = Plaatsing.objects.get(pk=contract.plaatsing_id)
    assert contract.beeindigd_op == dt.date(2026, 5, 31)
    assert contract.beeindigingsreden.startswith("extern werk")
    assert plaatsing.einddatum == dt.date(2026, 5, 31)
    assert plaatsing.beeindigingsreden.startswith("extern werk")
    beeindigd = AuditEvent.objects.filter(actie=Actie.BEEINDIGD, persoon_id=persoon.pk)
    assert {e.object_type for e in beeindigd} == {"werk.Arbeidscontract", "werk.Plaatsing"}
    with pytest.raises(ValidationError, match="al beëindigd"):
        contract_beeindigen(
            actor=wgd, contract=contract, datum=dt.date(2026, 6, 30), reden="extern werk"
        )


def test_contract_needs_the_residents_own_running_placement(wgd, tenant_a):
    persoon = _alleenstaande(tenant_a)
    ander = _alleenstaande(tenant_a)
    gegevens = _gegevens(persoon, plaatsing=PlaatsingFactory(persoon=ander))
    with pytest.raises(ValidationError) as fout:
        contract_aanmaken(actor=wgd, persoon=persoon, **gegevens)
    assert "plaatsing" in fout.value.message_dict


def test_page_shows_the_comparison_then_records_the_contract(wgd, tenant_a, ingelogd):
    persoon = _alleenstaande(tenant_a)
    plaatsing = PlaatsingFactory(persoon=persoon, begindatum=dt.date(2026, 2, 1))
    client = ingelogd(wgd.user)
    invoer = {
        "plaatsing": plaatsing.pk,
        "begindatum": "2026-03-01",
        "uren_per_week": "32",
        "bruto_uurloon": "14.71",
        "netto_maandloon": "1800.00",
        "maanden_vrijlating_gebruikt": "0",
        "partner_netto_inkomen": "0",
        "partner_maanden_vrijlating_gebruikt": "0",
    }
    url = f"/werk/banen/inwoner/{persoon.pk}/contract/"
    html = client.post(url, invoer | {"actie": "vergelijken"}).content.decode()
    assert "€ 1.401,50" in html and "€ 1.800,00" in html and "€ 398,50" in html
    assert "geen tabellen voor de loonheffing" in html
    assert not Arbeidscontract.objects.exists()
    antwoord = client.post(url, invoer | {"actie": "vastleggen"})
    contract = Arbeidscontract.objects.get(persoon=persoon)
    assert antwoord.status_code == 302
    detail = client.get(antwoord["Location"]).content.decode()
    assert "€ 2.039,79" in detail and "€ 398,50" in detail
    assert contract.opgesteld_door == wgd.user
    dossier = client.get(f"/inwoners/{persoon.pk}/").content.decode()
    assert "Arbeidscontract (recht op werk)" in dossier


def test_page_keeps_input_and_names_the_minimum_wage(wgd, tenant_a, ingelogd):
    persoon = _alleenstaande(tenant_a)
    plaatsing = PlaatsingFactory(persoon=persoon, begindatum=dt.date(2026, 2, 1))
    client = ingelogd(wgd.user)
    html = client.post(
        f"/werk/banen/inwoner/{persoon.pk}/contract/",
        {
            "actie": "vastleggen",
            "plaatsing": plaatsing.pk,
            "begindatum": "2026-03-01",
            "uren_per_week": "32",
            "bruto_uurloon": "12.00",
            "netto_maandloon": "1500.00",
            "maanden_vrijlating_gebruikt": "0",
        },
    ).content.decode()
    assert "minstens € 14,71 bruto per uur" in html
    assert 'value="12.00"' in html
    assert not Arbeidscontract.objects.exists()
