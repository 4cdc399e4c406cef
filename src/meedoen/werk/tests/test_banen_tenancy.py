"""Another gemeente's banen, placements and contracts answer 404; a missing capability 403."""

import datetime as dt

import pytest

from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.werk_factories import (
    ArbeidscontractFactory,
    MaatschappelijkeBaanFactory,
    PlaatsingFactory,
)
from meedoen.werk.models import Arbeidscontract

pytestmark = pytest.mark.django_db


@pytest.fixture
def contract_b(tenant_b):
    return ArbeidscontractFactory(plaatsing__persoon__gemeente=tenant_b.gemeente)


def test_another_gemeentes_objects_answer_404(tenant_a, contract_b, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER))
    plaatsing = contract_b.plaatsing
    for pad in (
        f"/werk/banen/{plaatsing.baan_id}/",
        f"/werk/banen/{plaatsing.baan_id}/wijzigen/",
        f"/werk/banen/{plaatsing.baan_id}/verdringingstoets/",
        f"/werk/banen/plaatsingen/{plaatsing.pk}/",
        f"/werk/banen/plaatsingen/{plaatsing.pk}/loonwaarde/",
        f"/werk/banen/inwoner/{plaatsing.persoon_id}/plaatsen/",
        f"/werk/banen/inwoner/{plaatsing.persoon_id}/contract/",
        f"/werk/banen/contracten/{contract_b.pk}/",
    ):
        assert client.get(pad).status_code == 404, pad
    antwoord = client.post(
        f"/werk/banen/contracten/{contract_b.pk}/beeindigen/",
        {"datum": "2026-03-01", "reden": "extern werk"},
    )
    assert antwoord.status_code == 404
    assert Arbeidscontract.objects.get(pk=contract_b.pk).beeindigd_op is None


def test_lists_show_only_own_gemeente(tenant_a, contract_b, ingelogd):
    eigen = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente, titel="Eigen baan")
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    html = client.get("/werk/banen/").content.decode()
    assert eigen.titel in html
    assert contract_b.plaatsing.baan.titel not in html
    html = client.get("/werk/banen/plaatsingen/").content.decode()
    assert contract_b.persoon.achternaam not in html


def test_capabilities(tenant_a, ingelogd):
    baan = MaatschappelijkeBaanFactory(gemeente=tenant_a.gemeente)
    klantmanager = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert klantmanager.get("/werk/banen/").status_code == 200
    assert klantmanager.get(f"/werk/banen/{baan.pk}/").status_code == 200
    for pad in (
        "/werk/banen/nieuw/",
        f"/werk/banen/{baan.pk}/wijzigen/",
        f"/werk/banen/{baan.pk}/verdringingstoets/",
        "/werk/banen/plaatsingen/",
    ):
        assert klantmanager.get(pad).status_code == 403, pad


def test_beleidsadviseur_sees_no_banen(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.BELEIDSADVISEUR))
    assert client.get("/werk/banen/").status_code == 403


def test_reading_a_placement_is_recorded(tenant_a, ingelogd):
    plaatsing = PlaatsingFactory(
        persoon__gemeente=tenant_a.gemeente, begindatum=dt.date(2026, 1, 1)
    )
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert client.get(f"/werk/banen/plaatsingen/{plaatsing.pk}/").status_code == 200
    assert AuditEvent.objects.filter(actie=Actie.GELEZEN, persoon_id=plaatsing.persoon_id).exists()
