"""Contact policy: with a 4-week interval a resident contacted on day 0 is due on day 28 and
appears in the worklist from day 29, not on day 27. Coverage and caseloads follow from it."""

import datetime as dt

import pytest

from meedoen.begeleiding.models import Contactkanaal
from meedoen.begeleiding.selectors import werklijsten
from meedoen.begeleiding.services import beheer, traject
from meedoen.core.roles import Rol
from meedoen.testing.begeleiding_factories import RouteFactory
from meedoen.testing.factories import PersoonFactory, TeamFactory

pytestmark = pytest.mark.django_db
DAG_0 = dt.date(2026, 2, 2)


@pytest.fixture
def situatie(tenant_a):
    team = TeamFactory(organisatie=tenant_a.organisatie, naam="Werktalent")
    route = RouteFactory(
        gemeente=tenant_a.gemeente, naam="Groeien", contact_interval_dagen=28, team=team
    )
    km_user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    from meedoen.accounts.selectors import actor_voor

    km = actor_voor(km_user)
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    traject.route_kiezen(
        actor=km, persoon=persoon, route=route, ingangsdatum=DAG_0 - dt.timedelta(days=60)
    )
    traject.contactmoment_vastleggen(
        actor=km,
        persoon=persoon,
        vandaag=DAG_0,
        gegevens={"datum": DAG_0, "kanaal": Contactkanaal.TELEFOON, "samenvatting": "Gebeld"},
    )
    return {"km": km, "persoon": persoon, "route": route, "team": team}


def _op(situatie, dag: int, **kwargs):
    vandaag = DAG_0 + dt.timedelta(days=dag)
    return list(werklijsten.achterstallig_contact(actor=situatie["km"], vandaag=vandaag, **kwargs))


def test_overdue_on_day_29_not_on_day_27(situatie):
    km_user = situatie["km"].user
    assert situatie["persoon"] not in [s.persoon for s in _op(situatie, 27, klantmanager=km_user)]
    assert situatie["persoon"] not in [s.persoon for s in _op(situatie, 28, klantmanager=km_user)]
    assert situatie["persoon"] in [s.persoon for s in _op(situatie, 29, klantmanager=km_user)]


def test_team_worklist_shows_residents_of_the_teams_routes(situatie):
    assert [s.persoon for s in _op(situatie, 29, team=situatie["team"])] == [situatie["persoon"]]


def test_a_new_contact_takes_the_resident_off_the_list(situatie):
    traject.contactmoment_vastleggen(
        actor=situatie["km"],
        persoon=situatie["persoon"],
        vandaag=DAG_0 + dt.timedelta(days=30),
        gegevens={
            "datum": DAG_0 + dt.timedelta(days=30),
            "kanaal": Contactkanaal.HUISBEZOEK,
            "samenvatting": "Op bezoek",
        },
    )
    assert _op(situatie, 31, klantmanager=situatie["km"].user) == []


def test_changing_a_routes_interval_recomputes_due_dates(tenant_a, situatie):
    beheer.route_opslaan(
        actor=tenant_a.actor(Rol.FUNCTIONEEL_BEHEERDER),
        gemeente=tenant_a.gemeente,
        gegevens={"contact_interval_dagen": 14},
        route=situatie["route"],
    )
    assert situatie["persoon"] in [
        s.persoon for s in _op(situatie, 15, klantmanager=situatie["km"].user)
    ]


def test_coverage_and_caseloads(tenant_a, situatie):
    teamleider = tenant_a.actor(Rol.TEAMLEIDER)
    op_dag_27 = werklijsten.dekking(actor=teamleider, vandaag=DAG_0 + dt.timedelta(days=27))
    op_dag_29 = werklijsten.dekking(actor=teamleider, vandaag=DAG_0 + dt.timedelta(days=29))
    assert [(r.route, r.totaal, r.in_beeld, r.percentage) for r in op_dag_27] == [
        ("Groeien", 1, 1, 100.0)
    ]
    assert [(r.route, r.totaal, r.in_beeld, r.percentage) for r in op_dag_29] == [
        ("Groeien", 1, 0, 0.0)
    ]
    caseloads = werklijsten.caseloads(actor=teamleider, vandaag=DAG_0 + dt.timedelta(days=29))
    assert [(c.klantmanager_id, c.totaal, c.achterstallig) for c in caseloads] == [
        (situatie["km"].user.pk, 1, 1)
    ]


def test_teamleider_reassigns_a_resident(tenant_a, situatie, ingelogd):
    nieuwe = tenant_a.gebruiker(Rol.KLANTMANAGER, first_name="Noor")
    client = ingelogd(tenant_a.gebruiker(Rol.TEAMLEIDER))
    response = client.post(
        f"/begeleiding/inwoner/{situatie['persoon'].pk}/klantmanager/",
        {"klantmanager": nieuwe.pk, "per": "2026-03-01", "reden": "Verlof"},
    )
    assert response.status_code == 302
    from meedoen.begeleiding.models import Begeleidingsstand

    assert Begeleidingsstand.objects.get(persoon=situatie["persoon"]).klantmanager == nieuwe
    # a klantmanager may not reassign
    km_client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert (
        km_client.get(f"/begeleiding/inwoner/{situatie['persoon'].pk}/klantmanager/").status_code
        == 403
    )
