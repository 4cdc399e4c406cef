"""Proposals: the transition table (every allowed and every forbidden step), the reason for a
rejection, placing (creates the placement, fills the vacancy), append-only history and audit."""

import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError

from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import (
    MaatschappelijkeBaanFactory,
    VacatureFactory,
    VoorstelFactory,
)
from meedoen.werk.koppelen import services
from meedoen.werk.models import Plaatsing, Vacature, Voorstel, VoorstelStatus

pytestmark = pytest.mark.django_db

S = Voorstel.Status
# The table, written out by hand from the workflow: voorgesteld -> gesprek -> geplaatst, and
# afgewezen from every open state. Nothing leaves geplaatst or afgewezen.
TOEGESTAAN = {
    (S.VOORGESTELD, S.GESPREK),
    (S.VOORGESTELD, S.AFGEWEZEN),
    (S.GESPREK, S.GEPLAATST),
    (S.GESPREK, S.AFGEWEZEN),
}
BEGIN = dt.date(2026, 2, 1)


@pytest.fixture
def km(tenant_a):
    return tenant_a.actor(Rol.KLANTMANAGER)


def voorstel_in(status, tenant, **kwargs) -> Voorstel:
    return VoorstelFactory(
        persoon=PersoonFactory(gemeente=tenant.gemeente), status=status, **kwargs
    )


def stap(actor, voorstel, naar):
    if naar == S.GEPLAATST:
        return services.voorstel_geplaatst(actor, voorstel, BEGIN)
    return services.voorstel_status_wijzigen(
        actor=actor, voorstel=voorstel, status=naar, afwijsreden="Werkgever koos een ander"
    )


@pytest.mark.parametrize(("van", "naar"), list(itertools.product(S.values, S.values)))
def test_every_transition_is_allowed_or_refused_as_in_the_table(tenant_a, km, van, naar):
    voorstel = voorstel_in(van, tenant_a)
    if (van, naar) in TOEGESTAAN:
        stap(km, voorstel, naar)
        voorstel.refresh_from_db()
        assert voorstel.status == naar
        assert list(voorstel.statussen.values_list("status", flat=True)) == [van, naar]
    else:
        with pytest.raises(ValidationError):
            stap(km, voorstel, naar)
        voorstel.refresh_from_db()
        assert voorstel.status == van
        assert voorstel.statussen.count() == 1


def test_rejection_needs_a_reason_and_keeps_it(tenant_a, km):
    voorstel = voorstel_in(S.GESPREK, tenant_a)
    with pytest.raises(ValidationError) as fout:
        services.voorstel_status_wijzigen(
            actor=km, voorstel=voorstel, status=S.AFGEWEZEN, afwijsreden="  "
        )
    assert "afwijsreden" in fout.value.message_dict
    services.voorstel_status_wijzigen(
        actor=km, voorstel=voorstel, status=S.AFGEWEZEN, afwijsreden="Geen rijbewijs"
    )
    laatste = voorstel.statussen.last()
    assert (laatste.status, laatste.afwijsreden) == (S.AFGEWEZEN, "Geen rijbewijs")


def test_placing_creates_the_placement_and_fills_the_vacancy_when_all_places_are_taken(
    tenant_a, km
):
    vacature = VacatureFactory(werkgever__gemeente=tenant_a.gemeente, plaatsen=2, uren_per_week=24)
    eerste = voorstel_in(S.GESPREK, tenant_a, vacature=vacature)
    tweede = voorstel_in(S.GESPREK, tenant_a, vacature=vacature)
    derde = voorstel_in(S.GESPREK, tenant_a, vacature=vacature)

    plaatsing = services.voorstel_geplaatst(km, eerste, BEGIN)
    assert (plaatsing.persoon, plaatsing.vacature, plaatsing.voorstel) == (
        eerste.persoon,
        vacature,
        eerste,
    )
    assert plaatsing.soort == Plaatsing.Soort.REGULIER
    assert plaatsing.uren_per_week == 24  # the vacancy's hours when none are given
    vacature.refresh_from_db()
    assert vacature.status == Vacature.Status.OPEN  # 1 of 2 places taken

    services.voorstel_geplaatst(km, tweede, BEGIN, uren_per_week=20)
    vacature.refresh_from_db()
    assert vacature.status == Vacature.Status.VERVULD  # 2 of 2
    assert AuditEvent.objects.filter(
        object_id=str(vacature.pk), actie=Actie.GEWIJZIGD, wijzigingen__status=["open", "vervuld"]
    ).exists()

    with pytest.raises(ValidationError):
        services.voorstel_geplaatst(km, derde, BEGIN)
    derde.refresh_from_db()
    assert derde.status == S.GESPREK  # nothing half-done: no status row, no placement
    assert derde.statussen.count() == 1
    assert not Plaatsing.objects.filter(voorstel=derde).exists()


def test_placing_on_a_maatschappelijke_baan(tenant_a, km):
    baan = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente, capaciteit=1)
    voorstel = voorstel_in(S.GESPREK, tenant_a, vacature=None, baan=baan)
    plaatsing = services.voorstel_geplaatst(km, voorstel, BEGIN)
    assert (plaatsing.soort, plaatsing.baan, plaatsing.uren_per_week) == (
        Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN,
        baan,
        baan.uren_per_week,
    )


def test_proposing_keeps_score_and_reasons_and_is_audited(tenant_a, km):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    vacature = VacatureFactory(werkgever__gemeente=tenant_a.gemeente)
    redenen = [{"code": "afstand_km", "parameters": {"km": 3, "punten": 9.0}, "tekst": "3 km"}]
    voorstel = services.voorstel_doen(
        actor=km, persoon=persoon, vacature=vacature, score=71.26, redenen=redenen
    )
    voorstel.refresh_from_db()
    assert str(voorstel.score) == "71.3"
    assert voorstel.redenen == redenen
    assert voorstel.voorgesteld_door == km.user
    assert list(voorstel.statussen.values_list("status", flat=True)) == [S.VOORGESTELD]
    event = AuditEvent.objects.get(object_id=str(voorstel.pk), actie=Actie.AANGEMAAKT)
    assert event.persoon_id == persoon.pk

    # one open proposal per resident and place; after a rejection a new one may follow
    with pytest.raises(ValidationError):
        services.voorstel_doen(actor=km, persoon=persoon, vacature=vacature, score=1, redenen=[])
    services.voorstel_status_wijzigen(
        actor=km, voorstel=voorstel, status=S.AFGEWEZEN, afwijsreden="Te ver"
    )
    services.voorstel_doen(actor=km, persoon=persoon, vacature=vacature, score=1, redenen=[])
    assert Voorstel.objects.filter(persoon=persoon).count() == 2


def test_no_proposal_for_a_closed_vacancy(tenant_a, km):
    vacature = VacatureFactory(werkgever__gemeente=tenant_a.gemeente, status="gesloten")
    with pytest.raises(ValidationError):
        services.voorstel_doen(
            actor=km,
            persoon=PersoonFactory(gemeente=tenant_a.gemeente),
            vacature=vacature,
            score=50,
            redenen=[],
        )


def test_history_is_append_only(tenant_a, km):
    voorstel = voorstel_in(S.VOORGESTELD, tenant_a)
    services.voorstel_status_wijzigen(actor=km, voorstel=voorstel, status=S.GESPREK)
    services.voorstel_geplaatst(km, voorstel, BEGIN)
    rijen = list(VoorstelStatus.objects.filter(voorstel=voorstel).order_by("aangemaakt_op"))
    assert [r.status for r in rijen] == [S.VOORGESTELD, S.GESPREK, S.GEPLAATST]


def test_roles_and_gemeenten(tenant_a, tenant_b):
    voorstel_b = voorstel_in(S.VOORGESTELD, tenant_b)
    with pytest.raises(Geweigerd):
        services.voorstel_status_wijzigen(
            actor=tenant_a.actor(Rol.KLANTMANAGER), voorstel=voorstel_b, status=S.GESPREK
        )
    eigen = voorstel_in(S.VOORGESTELD, tenant_a)
    for rol in (Rol.INKOMENSCONSULENT, Rol.BELEIDSADVISEUR, Rol.FUNCTIONEEL_BEHEERDER):
        with pytest.raises(Geweigerd):
            services.voorstel_status_wijzigen(
                actor=tenant_a.actor(rol), voorstel=eigen, status=S.GESPREK
            )
    with pytest.raises(Geweigerd):
        services.voorstel_doen(
            actor=tenant_a.actor(Rol.KLANTMANAGER),
            persoon=voorstel_b.persoon,
            vacature=voorstel_b.vacature,
            score=1,
            redenen=[],
        )
