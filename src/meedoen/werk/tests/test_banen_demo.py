"""The werk demo: 40 maatschappelijke banen with a confirmed verdringingstoets, recht op werk in
Deventer only, proposals in every status, placements and one contract; a second run adds
nothing."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from meedoen.werk.models import (
    Arbeidscontract,
    MaatschappelijkeBaan,
    Plaatsing,
    Voorstel,
    Werkbeleid,
    Werkervaring,
)

pytestmark = pytest.mark.django_db


def demo():
    uit = StringIO()
    call_command("demo", clients=200, seed=1, peildatum=dt.date(2026, 1, 1), stdout=uit)
    return uit.getvalue()


def test_werk_demo_is_complete_and_idempotent():
    demo()
    assert MaatschappelijkeBaan.objects.count() == 40
    assert not MaatschappelijkeBaan.objects.filter(verdringing_bevestigd_op__isnull=True).exists()
    assert set(
        Werkbeleid.objects.filter(recht_op_werk=True).values_list("gemeente__code", flat=True)
    ) == {"GM0150"}
    assert set(Voorstel.objects.values_list("status", flat=True)) == set(Voorstel.Status.values)
    assert Plaatsing.objects.filter(soort=Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN).exists()
    assert Plaatsing.objects.filter(loonkostensubsidie_cent__gt=0).exists()
    assert not Werkervaring.objects.filter(beroep="").exists(), "every title has an occupation"
    contract = Arbeidscontract.objects.get()
    assert contract.gemeente.code == "GM0150"
    assert contract.inkomensvergelijking["met_contract"]["totaal"]

    tellingen = (
        Voorstel.objects.count(),
        Plaatsing.objects.count(),
        MaatschappelijkeBaan.objects.count(),
    )
    uitvoer = demo()
    assert "Werk nieuw: 0 werkgevers, 0 banen, 0 werkprofielen, 0 voorstellen" in uitvoer
    assert tellingen == (
        Voorstel.objects.count(),
        Plaatsing.objects.count(),
        MaatschappelijkeBaan.objects.count(),
    )
