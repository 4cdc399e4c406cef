"""Worklists for werkgeversdienstverleners: vacancies without proposals (open, more than 14 days
old) and proposals without feedback (open, no status change for more than 14 days)."""

import datetime as dt

import pytest
from django.utils import timezone

from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import VacatureFactory, VoorstelFactory
from meedoen.werk.koppelen import werklijsten
from meedoen.werk.models import Vacature, Voorstel, VoorstelStatus

pytestmark = pytest.mark.django_db

VANDAAG = dt.date(2026, 3, 31)


def op(dag: dt.date, uur: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur)))


def vacature(tenant, dagen_geleden, uur=12, **kwargs):
    v = VacatureFactory(werkgever__gemeente=tenant.gemeente, **kwargs)
    Vacature.objects.filter(pk=v.pk).update(
        aangemaakt_op=op(VANDAAG - dt.timedelta(days=dagen_geleden), uur)
    )
    return v


def voorstel(tenant, *statussen_met_dagen, vacature=None):
    """statussen_met_dagen: (status, days ago) after the first 'voorgesteld' row."""
    extra = {"vacature": vacature} if vacature else {}
    v = VoorstelFactory(persoon=PersoonFactory(gemeente=tenant.gemeente), **extra)
    eerste_dagen = statussen_met_dagen[0][1]
    VoorstelStatus.objects.filter(voorstel=v).update(
        aangemaakt_op=op(VANDAAG - dt.timedelta(days=eerste_dagen))
    )
    for status, dagen in statussen_met_dagen[1:]:
        rij = VoorstelStatus.objects.create(voorstel=v, status=status, door=v.voorgesteld_door)
        VoorstelStatus.objects.filter(pk=rij.pk).update(
            aangemaakt_op=op(VANDAAG - dt.timedelta(days=dagen))
        )
    Voorstel.objects.filter(pk=v.pk).update(status=statussen_met_dagen[-1][0])
    return v


def test_vacancies_without_proposals(tenant_a, tenant_b):
    actor = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    oud = vacature(tenant_a, 20)
    # Entered on day 0 = 15 days ago (late in the day): older than 14 days -> on the list.
    grens_erop = vacature(tenant_a, 15, uur=23)
    # Entered 14 days ago (early in the day): not yet.
    vacature(tenant_a, 14, uur=0)
    met_voorstel = vacature(tenant_a, 20)
    voorstel(tenant_a, ("voorgesteld", 3), vacature=met_voorstel)
    vacature(tenant_a, 20, status="gesloten")
    vacature(tenant_b, 20)

    lijst = list(werklijsten.vacatures_zonder_voorstel(actor=actor, vandaag=VANDAAG))
    assert lijst == [oud, grens_erop]  # oldest first


def test_proposals_without_feedback(tenant_a, tenant_b):
    actor = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    stil = voorstel(tenant_a, ("voorgesteld", 20))
    gesprek_stil = voorstel(tenant_a, ("voorgesteld", 40), ("gesprek", 16))
    voorstel(tenant_a, ("voorgesteld", 40), ("gesprek", 5))  # recent news
    voorstel(tenant_a, ("voorgesteld", 40), ("afgewezen", 30))  # finished
    voorstel(tenant_a, ("voorgesteld", 14))  # 14 days: not more than 14
    voorstel(tenant_b, ("voorgesteld", 40))

    lijst = list(werklijsten.voorstellen_zonder_terugkoppeling(actor=actor, vandaag=VANDAAG))
    # the longest silent first: stil changed 20 days ago, gesprek_stil 16 days ago
    assert lijst == [stil, gesprek_stil]


def test_worklist_page_and_start_sections(tenant_a, ingelogd):
    oud = vacature(tenant_a, 30, titel="Stille vacature")
    wdv = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    html = wdv.get("/werk/koppelen/werklijst/").content.decode()
    assert "Stille vacature" in html
    start = wdv.get("/").content.decode()
    assert "Vacatures zonder voorstel" in start and "Voorstellen zonder terugkoppeling" in start
    assert f"/werk/koppelen/vacature/{oud.pk}/kandidaten/" in start

    km = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert km.get("/werk/koppelen/werklijst/").status_code == 403
    assert "Vacatures zonder voorstel" not in km.get("/").content.decode()
