import datetime as dt

import pytest

from meedoen.clients import selectors
from meedoen.core.roles import Rol
from meedoen.testing.factories import PersoonFactory


@pytest.fixture
def inwoners(tenant_a, tenant_b):
    g = tenant_a.gemeente
    return {
        "ozturk": PersoonFactory(
            gemeente=g,
            voornamen="Ayşe",
            achternaam="Öztürk",
            geboortedatum=dt.date(1988, 4, 12),
            bsn="111222333",
        ),
        "devries": PersoonFactory(
            gemeente=g,
            voornamen="Jan",
            tussenvoegsel="de",
            achternaam="Vries",
            geboortedatum=dt.date(1975, 1, 2),
        ),
        "vandenberg": PersoonFactory(
            gemeente=g,
            voornamen="Zoë",
            tussenvoegsel="van den",
            achternaam="Berg",
            geboortedatum=dt.date(2001, 7, 30),
        ),
        "elders": PersoonFactory(
            gemeente=tenant_b.gemeente, voornamen="Ayşe", achternaam="Öztürk", bsn="123456782"
        ),
    }


def zoek(tenant, term):
    return {
        p.pk for p in selectors.personen_zoeken(actor=tenant.actor(Rol.KLANTMANAGER), zoekterm=term)
    }


@pytest.mark.parametrize("term", ["Öztürk", "ozturk", "OZTURK", "ayse ozturk", "Ayşe"])
def test_name_search_ignores_diacritics_and_case(tenant_a, inwoners, term):
    assert zoek(tenant_a, term) == {inwoners["ozturk"].pk}


@pytest.mark.parametrize(
    ("naam", "term"), [("Yılmaz", "yilmaz"), ("Søren", "soren"), ("Łukasz", "lukasz")]
)
def test_letters_without_decomposition_are_found_plainly(tenant_a, naam, term):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente, achternaam=naam)
    assert zoek(tenant_a, term) == {persoon.pk}


@pytest.mark.parametrize("term", ["de vries", "vries", "Jan Vries", "Vries, de"])
def test_name_search_works_with_and_without_tussenvoegsel(tenant_a, inwoners, term):
    assert zoek(tenant_a, term) == {inwoners["devries"].pk}


def test_search_by_bsn_with_or_without_dots(tenant_a, inwoners):
    assert zoek(tenant_a, "111222333") == {inwoners["ozturk"].pk}
    assert zoek(tenant_a, "1112.22.333") == {inwoners["ozturk"].pk}


@pytest.mark.parametrize("term", ["30-07-2001", "2001-07-30", "30/07/2001"])
def test_search_by_birth_date(tenant_a, inwoners, term):
    assert zoek(tenant_a, term) == {inwoners["vandenberg"].pk}


def test_search_combines_name_and_birth_date(tenant_a, inwoners):
    assert zoek(tenant_a, "berg 30-07-2001") == {inwoners["vandenberg"].pk}
    assert zoek(tenant_a, "berg 01-01-2001") == set()


def test_search_never_returns_another_gemeentes_residents(tenant_a, tenant_b, inwoners):
    assert inwoners["elders"].pk not in zoek(tenant_a, "ozturk")
    assert zoek(tenant_a, "123456782") == set()
    assert zoek(tenant_b, "ozturk") == {inwoners["elders"].pk}


def test_a_beleidsadviseur_cannot_search_residents(tenant_a, inwoners):
    with pytest.raises(Exception) as excinfo:
        selectors.personen_zoeken(actor=tenant_a.actor(Rol.BELEIDSADVISEUR), zoekterm="ozturk")
    assert excinfo.type.__name__ == "Geweigerd"
