"""The report: proposals in a period, share that led to an interview and share placed, by score
band and by factor, with small cells suppressed. Counts made by hand from the set below."""

import datetime as dt

import pytest
from django.utils import timezone

from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import VoorstelFactory
from meedoen.werk.koppelen import rapport
from meedoen.werk.models import Voorstel, VoorstelStatus

pytestmark = pytest.mark.django_db

ERVARING = [{"code": "ervaring", "parameters": {"beroep": "x", "jaren": 3, "punten": 30}}]
MIST = [
    {"code": "geen_ervaring", "parameters": {"beroep": "x", "punten": 0}},
    {"code": "mist_vaardigheid", "parameters": {"vaardigheid": "nl-vca-basis"}},
]


def maak(tenant, score, redenen, *pad, dagen_geleden=3):
    """A proposal that went through the statuses in `pad` (after voorgesteld)."""
    voorstel = VoorstelFactory(
        persoon=PersoonFactory(gemeente=tenant.gemeente), score=score, redenen=redenen
    )
    for status in pad:
        VoorstelStatus.objects.create(
            voorstel=voorstel, status=status, door=voorstel.voorgesteld_door
        )
    Voorstel.objects.filter(pk=voorstel.pk).update(
        status=pad[-1] if pad else "voorgesteld",
        aangemaakt_op=timezone.now() - dt.timedelta(days=dagen_geleden),
    )
    return voorstel


@pytest.fixture
def set_a(tenant_a, tenant_b):
    # Band 80–100, experience: 6 proposals; 2 placed and 3 rejected after an interview
    # (5 interviews), 1 still open.
    for _ in range(2):
        maak(tenant_a, 85, ERVARING, "gesprek", "geplaatst")
    for _ in range(3):
        maak(tenant_a, 85, ERVARING, "gesprek", "afgewezen")
    maak(tenant_a, 85, ERVARING)
    # Band 40–60, missing a skill: 7 proposals; 1 interview then rejected, 6 rejected at once.
    maak(tenant_a, 45, MIST, "gesprek", "afgewezen")
    for _ in range(6):
        maak(tenant_a, 45, MIST, "afgewezen")
    # One without a score (e.g. proposed before scores were kept).
    maak(tenant_a, None, [], "gesprek")
    # Not counted: before the period, and another gemeente.
    maak(tenant_a, 85, ERVARING, "gesprek", "geplaatst", dagen_geleden=60)
    for _ in range(5):
        maak(tenant_b, 85, ERVARING, "gesprek", "geplaatst")
    return tenant_a


def test_counts_shares_and_suppression(set_a):
    vandaag = timezone.localdate()
    uit = rapport.uitkomsten(
        actor=set_a.actor(Rol.BELEIDSADVISEUR), van=vandaag - dt.timedelta(days=30), tot=vandaag
    )
    # Total: 6 + 7 + 1 = 14 proposals; interviews 5 + 1 + 1 = 7; placed 2 (< 5: suppressed).
    t = uit.totaal
    assert (t.voorstellen_getoond, t.gesprek_getoond, t.geplaatst_getoond) == (14, 7, None)
    assert t.aandeel_gesprek == 50.0  # 7 / 14
    assert t.aandeel_geplaatst is None

    banden = {r.label: r for r in uit.per_scoreband}
    hoog, midden = banden["80–100"], banden["40–60"]
    assert (hoog.voorstellen, hoog.gesprek, hoog.geplaatst) == (6, 5, 2)
    assert hoog.aandeel_gesprek == 83.3  # 5 / 6
    assert hoog.geplaatst_getoond is None and hoog.aandeel_geplaatst is None
    assert (midden.voorstellen_getoond, midden.gesprek_getoond) == (7, None)  # 1 interview
    assert (midden.geplaatst_getoond, midden.aandeel_geplaatst) == (0, 0.0)  # 0 is shown
    assert banden["0–20"].voorstellen == 0
    assert uit.zonder_score.voorstellen == 1

    factoren = {r.label: r for r in uit.per_factor}
    assert set(factoren) == {
        "Ervaring in het beroep",
        "Geen ervaring in (verwant) beroep",
        "Mist een vereiste vaardigheid",
    }
    ervaring = factoren["Ervaring in het beroep"]
    assert (ervaring.voorstellen, ervaring.gesprek, ervaring.geplaatst) == (6, 5, 2)
    mist = factoren["Mist een vereiste vaardigheid"]
    assert (mist.voorstellen, mist.gesprek, mist.geplaatst) == (7, 1, 0)


def test_period_and_gemeente_choice(set_a, tenant_b):
    vandaag = timezone.localdate()
    actor = set_a.actor(Rol.BELEIDSADVISEUR)
    # 60 days back includes the old proposal: 15.
    ruim = rapport.uitkomsten(actor=actor, van=vandaag - dt.timedelta(days=90), tot=vandaag)
    assert ruim.totaal.voorstellen == 15
    # Asking for gemeente B's figures gives nothing: it is not the actor's.
    ander = rapport.uitkomsten(
        actor=actor,
        van=vandaag - dt.timedelta(days=90),
        tot=vandaag,
        gemeente_ids=[tenant_b.gemeente.pk],
    )
    assert ander.totaal.voorstellen == 0


def test_report_page_for_a_beleidsadviseur_without_names(set_a, ingelogd):
    client = ingelogd(set_a.gebruiker(Rol.BELEIDSADVISEUR))
    vandaag = timezone.localdate()
    html = client.get(
        "/werk/koppelen/uitkomsten/",
        {"van": (vandaag - dt.timedelta(days=30)).isoformat(), "tot": vandaag.isoformat()},
    ).content.decode()
    assert "Naar score van de match" in html
    assert "83,3%" in html or "83.3%" in html
    assert "minder dan 5" in html
    for persoon in Voorstel.objects.select_related("persoon")[:3]:
        assert persoon.persoon.achternaam not in html
    client = ingelogd(set_a.gebruiker(Rol.KLANTMANAGER))
    assert client.get("/werk/koppelen/uitkomsten/").status_code == 403
