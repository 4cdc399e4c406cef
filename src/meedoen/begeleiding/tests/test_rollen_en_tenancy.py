"""A klantmanager never sees another gemeente's intake or plan (404); a beleidsadviseur sees
aggregates only (403 on dossier pages; coverage without names)."""

import pytest

from meedoen.core.roles import Rol
from meedoen.testing.begeleiding_factories import AfspraakFactory, IntakeFactory, RouteFactory
from meedoen.testing.factories import PersoonFactory

pytestmark = pytest.mark.django_db


def test_klantmanager_cannot_read_another_gemeentes_intake(tenant_a, tenant_b, ingelogd):
    intake_b = IntakeFactory(zrm__persoon=PersoonFactory(gemeente=tenant_b.gemeente))
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert client.get(f"/intake/{intake_b.pk}/").status_code == 404
    assert client.get(f"/intake/inwoner/{intake_b.persoon.pk}/nieuw/").status_code == 404
    eigen = IntakeFactory(zrm__persoon=PersoonFactory(gemeente=tenant_a.gemeente))
    assert client.get(f"/intake/{eigen.pk}/").status_code == 200


def test_klantmanager_cannot_touch_another_gemeentes_afspraak(tenant_a, tenant_b, ingelogd):
    afspraak = AfspraakFactory(plan__persoon=PersoonFactory(gemeente=tenant_b.gemeente))
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert (
        client.post(
            f"/begeleiding/afspraken/{afspraak.pk}/", {"status": "nagekomen", "toelichting": "x"}
        ).status_code
        == 404
    )
    afspraak.refresh_from_db()
    assert afspraak.status == "open"


def test_beleidsadviseur_sees_aggregates_only(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente, achternaam="Zichtbaarmans")
    intake = IntakeFactory(zrm__persoon=persoon)
    RouteFactory(gemeente=tenant_a.gemeente, naam="Faciliteren")
    client = ingelogd(tenant_a.gebruiker(Rol.BELEIDSADVISEUR))
    for pad in (
        f"/inwoners/{persoon.pk}/",
        f"/intake/{intake.pk}/",
        f"/begeleiding/inwoner/{persoon.pk}/plan/",
        "/begeleiding/werklijst/",
        "/signalen/taken/",
    ):
        assert client.get(pad).status_code == 403, pad
    dekking = client.get("/begeleiding/dekking/")
    assert dekking.status_code == 200
    html = dekking.content.decode()
    assert "Dekking per route" in html
    assert "Zichtbaarmans" not in html
    assert "Caseload per klantmanager" not in html


def test_werkgeversdienstverlener_sees_route_but_not_intake(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    intake = IntakeFactory(zrm__persoon=persoon)
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    html = client.get(f"/inwoners/{persoon.pk}/").content.decode()
    assert "Route, ambities en participatieladder" in html
    assert "Brede intake en verwijzingen" not in html
    assert client.get(f"/intake/{intake.pk}/").status_code == 403
