"""Tasks derived from the dossier by an idempotent daily run: 18/21/27th birthdays, household
changes, an ontheffing ending, a referral without feedback for 4 weeks."""

import datetime as dt

import pytest
from django.core.management import call_command

from meedoen.begeleiding.services import traject
from meedoen.clients.models import HuishoudRol
from meedoen.clients.services import lid_toevoegen
from meedoen.core.roles import Rol
from meedoen.signalen.models import Taak, TaakSoort
from meedoen.signalen.services import signalen_bijwerken
from meedoen.testing.begeleiding_factories import VerwijzingFactory
from meedoen.testing.factories import LidmaatschapFactory, PersoonFactory

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 3, 1)


def test_birthdays_that_change_the_norm_make_one_task_each(tenant_a):
    wordt_18 = PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(2008, 3, 20))
    wordt_21 = PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(2005, 4, 1))
    wordt_27 = PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(1999, 3, 1))
    PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(2000, 3, 20))  # turns 26
    PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(2008, 9, 1))  # too far ahead

    signalen_bijwerken(vandaag=VANDAAG)
    signalen_bijwerken(vandaag=VANDAAG)  # idempotent

    taken = Taak.objects.filter(soort=TaakSoort.VERJAARDAG)
    assert {(t.persoon, t.vervaldatum) for t in taken} == {
        (wordt_18, dt.date(2026, 3, 20)),
        (wordt_21, dt.date(2026, 4, 1)),
        (wordt_27, dt.date(2026, 3, 1)),
    }
    assert "Wordt 18 op 20-03-2026" in taken.get(persoon=wordt_18).omschrijving


def test_household_change_ontheffing_and_silent_referral(tenant_a):
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    lid = LidmaatschapFactory(huishouden__gemeente=tenant_a.gemeente, van=dt.date(2020, 1, 1))
    partner = PersoonFactory(gemeente=tenant_a.gemeente)
    lid_toevoegen(
        actor=actor,
        huishouden=lid.huishouden,
        persoon=partner,
        rol=HuishoudRol.PARTNER,
        per=dt.date(2026, 2, 20),
        reden="Samenwonen",
    )
    ontheffing = traject.ontheffing_vastleggen(
        actor=actor,
        persoon=lid.persoon,
        vandaag=dt.date(2026, 1, 1),
        gegevens={
            "soort": "tijdelijk",
            "plichten": "beide",
            "reden": "Mantelzorg",
            "begin": dt.date(2026, 1, 1),
            "einde": dt.date(2026, 3, 20),
        },
    )
    stil = VerwijzingFactory(persoon=lid.persoon, status_sinds=VANDAAG - dt.timedelta(weeks=4))
    VerwijzingFactory(persoon=lid.persoon, status_sinds=VANDAAG - dt.timedelta(days=27))

    aantallen = signalen_bijwerken(vandaag=VANDAAG)

    assert aantallen["huishoudwijzigingen"] == 1
    assert aantallen["ontheffingen"] == 0  # already made when the ontheffing was recorded
    assert aantallen["verwijzingen_zonder_terugkoppeling"] == 1
    huishouden_taak = Taak.objects.get(soort=TaakSoort.HUISHOUDEN_GEWIJZIGD)
    assert huishouden_taak.persoon == lid.persoon
    ontheffing_taak = Taak.objects.get(soort=TaakSoort.ONTHEFFING_HERBEOORDELEN)
    assert ontheffing_taak.vervaldatum == dt.date(2026, 2, 20)
    assert ontheffing_taak.bron_sleutel == f"ontheffing:{ontheffing.pk}:herbeoordelen"
    assert Taak.objects.get(
        soort=TaakSoort.VERWIJZING_ZONDER_TERUGKOPPELING
    ).bron_sleutel.startswith(f"verwijzing:{stil.pk}")


def test_management_command_runs_daily_without_duplicates(tenant_a, capsys):
    PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(2008, 3, 20))
    call_command("signalen-bijwerken", "--datum", "2026-03-01")
    call_command("signalen-bijwerken", "--datum", "2026-03-01")
    assert Taak.objects.filter(soort=TaakSoort.VERJAARDAG).count() == 1
    assert "verjaardagen: 0 nieuwe taken" in capsys.readouterr().out


def test_start_page_shows_todays_tasks(tenant_a, ingelogd):
    km = tenant_a.gebruiker(Rol.KLANTMANAGER)
    persoon = PersoonFactory(gemeente=tenant_a.gemeente, achternaam="Takenmans")
    Taak.objects.create(
        gemeente=tenant_a.gemeente,
        persoon=persoon,
        soort=TaakSoort.OVERIG,
        omschrijving="Bel over de afspraak",
        vervaldatum=dt.date(2020, 1, 1),
        toegewezen_aan=km,
        bron="medewerker",
    )
    html = ingelogd(km).get("/").content.decode()
    assert "Taken voor vandaag" in html
    assert "Bel over de afspraak" in html and "te laat" in html
