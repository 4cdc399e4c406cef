import datetime as dt

from django.urls import reverse

from meedoen.clients.models import HuishoudRol
from meedoen.core.roles import Rol
from meedoen.rapportage import selectors
from meedoen.testing.factories import HuishoudenFactory, LidmaatschapFactory, PersoonFactory

OP = dt.date(2026, 1, 1)


def _huishouden(gemeente, *rollen):
    huishouden = HuishoudenFactory(gemeente=gemeente)
    for rol in (HuishoudRol.AANVRAGER, *rollen):
        LidmaatschapFactory(huishouden=huishouden, rol=rol, van=dt.date(2020, 1, 1))
    return huishouden


def test_household_types_are_counted_and_small_cells_suppressed(tenant_a):
    for _ in range(6):
        _huishouden(tenant_a.gemeente)
    for _ in range(5):
        _huishouden(tenant_a.gemeente, HuishoudRol.KIND, HuishoudRol.KIND)
    _huishouden(tenant_a.gemeente, HuishoudRol.PARTNER)
    cellen = {
        c.label: c.aantal
        for c in selectors.huishoudtypen(actor=tenant_a.actor(Rol.BELEIDSADVISEUR), op=OP)
    }
    assert cellen["Alleenstaand"] == 6
    assert cellen["Alleenstaande ouder"] == 5
    assert cellen["Paar zonder kinderen"] is None  # one household: suppressed
    assert cellen["Paar met kinderen"] == 0


def test_ages_are_grouped_on_the_reference_date(tenant_a):
    for _ in range(5):
        PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(2005, 1, 1))  # 21 on OP
    for _ in range(5):
        PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(2005, 1, 2))  # 20
    cellen = {
        c.label: c.aantal
        for c in selectors.leeftijdsgroepen(actor=tenant_a.actor(Rol.BELEIDSADVISEUR), op=OP)
    }
    assert cellen["18 tot 21 jaar"] == 5
    assert cellen["21 tot 27 jaar"] == 5


def test_beleidsadviseur_sees_aggregates_but_no_dossier(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.BELEIDSADVISEUR))
    assert client.get(reverse("rapportage:overzicht")).status_code == 200
    assert client.get(reverse("clients:dossier", args=[persoon.pk])).status_code == 403
    assert client.get(reverse("clients:zoeken")).status_code == 403


def test_counts_only_cover_the_users_gemeenten(tenant_a, tenant_b):
    for _ in range(7):
        PersoonFactory(gemeente=tenant_b.gemeente)
    cellen = selectors.inwoners_per_gemeente(actor=tenant_a.actor(Rol.BELEIDSADVISEUR))
    assert cellen == []
