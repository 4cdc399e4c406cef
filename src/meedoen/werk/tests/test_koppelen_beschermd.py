"""Protected attributes are never an input of a match: changing them changes no score and no
ranking, both ways.

Of the protected attributes (nationality, ethnicity, religion, gender, age) a Persoon holds only
the birth date (age); names can stand in for gender and origin, so they are changed too. The
adapter's queries must not even read the birth date."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meedoen.clients.models import Persoon
from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory
from meedoen.testing.werk_factories import (
    VacatureFactory,
    WerkervaringFactory,
    WerkgeverFactory,
    WerkprofielFactory,
    zoekt_werk,
)
from meedoen.werk.koppelen import kandidaten as adapter
from meedoen.werk.koppelen import matchen
from meedoen.werk.matching import score_matrix
from meedoen.werk.models import Vacature, Werkprofiel

pytestmark = pytest.mark.django_db

MAGAZIJN = "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
ORDERPICKER = "cd94def5-3442-4c2e-ae3d-0761a3008bcb"
SCHOONMAKER = "303a1e34-cb16-4054-b323-81e5eec17397"
POSTCODES = ["7411 AB", "7431 AA", "7201 CD", "7437 XY", "8121 AA"]

# Each variant replaces every resident's protected attributes (and the names that may hint at
# them) with other values.
VARIANTEN = [
    {"geboortedatum": dt.date(1958, 3, 1), "voornamen": "Fatima", "achternaam": "El Amrani"},
    {"geboortedatum": dt.date(2006, 11, 30), "voornamen": "Jan", "achternaam": "de Vries"},
    {"geboortedatum": dt.date(1990, 1, 1), "voornamen": "Olga", "achternaam": "Kowalska"},
]


@pytest.fixture
def gegevens(tenant_a):
    werkgever = WerkgeverFactory(gemeente=tenant_a.gemeente)
    beroepen = [MAGAZIJN, ORDERPICKER, SCHOONMAKER]
    for i in range(9):
        VacatureFactory(
            werkgever=werkgever,
            beroep=beroepen[i % 3],
            postcode=POSTCODES[i % len(POSTCODES)],
            uren_per_week=16 + 4 * (i % 5),
            vaardigheden_vereist=["nl-orderpicken"] if i % 2 else ["nl-schoonmaken"],
            opleidingsniveau_min=i % 4,
            rijbewijs_nodig=i % 3 == 0,
        )
    for i in range(12):
        persoon = PersoonFactory(
            gemeente=tenant_a.gemeente,
            postcode=POSTCODES[(i * 2) % len(POSTCODES)],
            geboortedatum=dt.date(1970 + i, 1 + i % 12, 1),
        )
        profiel = WerkprofielFactory(
            persoon=persoon,
            uren_per_week=12 + 3 * i,
            reisafstand_km=10 + 2 * i,
            opleidingsniveau=i % 6,
            rijbewijs=i % 2 == 0,
            vaardigheden=["nl-orderpicken"] if i % 3 else ["nl-schoonmaken", "nl-vca-basis"],
            wens_beroepen=[beroepen[i % 3]] if i % 4 == 0 else [],
        )
        if i % 5:
            WerkervaringFactory(profiel=profiel, beroep=beroepen[(i + 1) % 3], jaren=i % 7)
        zoekt_werk(persoon)
    return tenant_a


def _alles(tenant):
    """Every pair's score, plus both rankings as the pages make them."""
    actor = tenant.actor(Rol.TEAMLEIDER)
    kandidaten = adapter.kandidaten_uit(Werkprofiel.objects.order_by("persoon__bsn"))
    plekken = adapter.vacatures_uit(Vacature.objects.order_by("titel"))
    inv = adapter.invoer(kandidaten=kandidaten, vacatures=plekken, gemeente_id=tenant.gemeente.pk)
    matrix = score_matrix(inv.kandidaten, inv.vacatures, inv.gewichten, inv.verwantschap)
    per_persoon = {
        p.pk: [(r.object.pk, r.match.score, tuple(r.redenen)) for r in regels]
        for p in Persoon.objects.all()
        if (regels := matchen.vacatures_voor_persoon(actor=actor, persoon=p)) is not None
    }
    per_vacature = {
        v.pk: [(r.object.pk, r.match.score, tuple(r.redenen)) for r in regels]
        for v in Vacature.objects.all()
        for regels in [matchen.kandidaten_voor_vacature(actor=actor, vacature=v)]
    }
    return matrix.tolist(), per_persoon, per_vacature


@pytest.mark.parametrize("variant", VARIANTEN)
def test_changing_protected_attributes_changes_no_score_or_ranking(gegevens, variant):
    voor = _alles(gegevens)
    assert any(voor[1].values()), "the set must produce matches, or the test proves nothing"

    Persoon.objects.update(**variant)
    na = _alles(gegevens)

    assert na == voor


def test_per_resident_changes_keep_every_score(gegevens):
    """Change one resident at a time, each to a different age, so no shared value hides a use."""
    voor = _alles(gegevens)
    for i, persoon in enumerate(Persoon.objects.order_by("pk")):
        persoon.geboortedatum = dt.date(2007 - 3 * i, 6, 15)
        persoon.voornamen = f"Naam{i}"
        persoon.save(update_fields=["geboortedatum", "voornamen"])
    assert _alles(gegevens) == voor


def test_the_adapter_does_not_read_birth_dates(gegevens):
    persoon = Persoon.objects.first()
    with CaptureQueriesContext(connection) as queries:
        kandidaten = adapter.kandidaten_uit(
            adapter.zoekende_profielen(gemeente_ids=[gegevens.gemeente.pk])
        )
        adapter.kandidaat_voor(persoon=persoon)
    assert kandidaten
    sql = " ".join(q["sql"] for q in queries.captured_queries).lower()
    assert "geboortedatum" not in sql
    assert "voornamen" not in sql
