"""Every allowed and every forbidden status transition, for verwijzingen and afspraken.
"Niet nagekomen" makes a conversation task, never a maatregel."""

import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError

from meedoen.begeleiding.models import AFSPRAAK_OVERGANGEN, AfspraakStatus, Maatregel
from meedoen.begeleiding.services import plan as plan_services
from meedoen.core.roles import Rol
from meedoen.intake.models import VERWIJZING_OVERGANGEN, VerwijzingStatus
from meedoen.intake.services import verwijzing_status_wijzigen
from meedoen.signalen.models import Taak, TaakSoort
from meedoen.testing.begeleiding_factories import AfspraakFactory, VerwijzingFactory
from meedoen.testing.factories import PersoonFactory

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 3, 1)

VERWIJZING_TOEGESTAAN = {
    ("verstuurd", "in_behandeling"),
    ("verstuurd", "geweigerd"),
    ("in_behandeling", "afgerond"),
    ("in_behandeling", "geweigerd"),
}
AFSPRAAK_TOEGESTAAN = {
    ("open", "nagekomen"),
    ("open", "niet_nagekomen"),
    ("open", "aangepast"),
    ("niet_nagekomen", "nagekomen"),
    ("niet_nagekomen", "aangepast"),
    ("aangepast", "nagekomen"),
    ("aangepast", "niet_nagekomen"),
    ("aangepast", "aangepast"),
}


def test_tables_are_exactly_as_documented():
    assert {(v, n) for v, ns in VERWIJZING_OVERGANGEN.items() for n in ns} == VERWIJZING_TOEGESTAAN
    assert {(v, n) for v, ns in AFSPRAAK_OVERGANGEN.items() for n in ns} == AFSPRAAK_TOEGESTAAN


@pytest.mark.parametrize("van,naar", list(itertools.product(VerwijzingStatus.values, repeat=2)))
def test_verwijzing_transition(tenant_a, van, naar):
    verwijzing = VerwijzingFactory(
        persoon=PersoonFactory(gemeente=tenant_a.gemeente),
        status=van,
        status_sinds=dt.date(2026, 1, 1),
    )
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    if (van, naar) in VERWIJZING_TOEGESTAAN:
        verwijzing_status_wijzigen(
            actor=actor,
            verwijzing=verwijzing,
            status=naar,
            terugkoppeling="Intake gehad",
            op=VANDAAG,
        )
        verwijzing.refresh_from_db()
        assert verwijzing.status == naar
        assert verwijzing.statussen.last().terugkoppeling == "Intake gehad"
    else:
        with pytest.raises(ValidationError) as fout:
            verwijzing_status_wijzigen(
                actor=actor, verwijzing=verwijzing, status=naar, terugkoppeling="", op=VANDAAG
            )
        assert "kan niet naar" in str(fout.value)
        verwijzing.refresh_from_db()
        assert verwijzing.status == van
        assert verwijzing.statussen.count() == 0


@pytest.mark.parametrize("van,naar", list(itertools.product(AfspraakStatus.values, repeat=2)))
def test_afspraak_transition(tenant_a, van, naar):
    afspraak = AfspraakFactory(plan__persoon=PersoonFactory(gemeente=tenant_a.gemeente), status=van)
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    if (van, naar) in AFSPRAAK_TOEGESTAAN:
        plan_services.afspraak_status_wijzigen(
            actor=actor, afspraak=afspraak, status=naar, toelichting="besproken", vandaag=VANDAAG
        )
        afspraak.refresh_from_db()
        assert afspraak.status == naar
        assert afspraak.statussen.last().status == naar
    else:
        with pytest.raises(ValidationError):
            plan_services.afspraak_status_wijzigen(
                actor=actor, afspraak=afspraak, status=naar, toelichting="x", vandaag=VANDAAG
            )
        afspraak.refresh_from_db()
        assert afspraak.status == van


def test_niet_nagekomen_makes_a_conversation_task_not_a_sanction(tenant_a):
    afspraak = AfspraakFactory(plan__persoon=PersoonFactory(gemeente=tenant_a.gemeente))
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    plan_services.afspraak_status_wijzigen(
        actor=actor,
        afspraak=afspraak,
        status="niet_nagekomen",
        toelichting="Niet naar de workshop gegaan",
        vandaag=VANDAAG,
    )
    taak = Taak.objects.get(persoon=afspraak.plan.persoon)
    assert taak.soort == TaakSoort.GESPREK_AFSPRAAK
    assert taak.vervaldatum == VANDAAG + dt.timedelta(days=7)
    assert taak.toegewezen_aan == actor.user
    assert "Ga eerst in gesprek" in taak.omschrijving
    assert Maatregel.objects.count() == 0


def test_maatregel_is_a_separate_decision_by_a_person_with_grounds(tenant_a):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    gegevens = {
        "besluitdatum": VANDAAG,
        "grondslag": "art. 5 Verordening",
        "gronden": "",
        "omschrijving": "Verlaging 5% een maand",
        "gesprek_gevoerd": True,
    }
    with pytest.raises(ValidationError):
        plan_services.maatregel_vastleggen(
            actor=actor, persoon=persoon, gegevens=gegevens, vandaag=VANDAAG
        )
    with pytest.raises(ValidationError) as fout:
        plan_services.maatregel_vastleggen(
            actor=actor,
            persoon=persoon,
            gegevens=gegevens | {"gronden": "x", "gesprek_gevoerd": False},
            vandaag=VANDAAG,
        )
    assert "pas na een gesprek" in str(fout.value)
    maatregel = plan_services.maatregel_vastleggen(
        actor=actor,
        persoon=persoon,
        gegevens=gegevens | {"gronden": "Drie keer niet verschenen"},
        vandaag=VANDAAG,
    )
    assert maatregel.besloten_door == actor.user
