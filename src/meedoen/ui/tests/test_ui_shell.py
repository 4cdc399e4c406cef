"""Formatting filters and the role-based main navigation."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.utils import translation

from meedoen.core.roles import Rol
from meedoen.ui.context_processors import navigation
from meedoen.ui.templatetags.mdn import bsn_masked, datum, euro


@pytest.mark.parametrize(
    ("taal", "bedrag", "verwacht"),
    [
        ("nl", Decimal("1401.5"), "€ 1.401,50"),
        ("en", Decimal("1401.5"), "€1,401.50"),
        ("nl", Decimal("-12.345"), "€ -12,35"),
        ("nl", Decimal("1234567.00"), "€ 1.234.567,00"),
    ],
)
def test_euro_follows_the_language(taal, bedrag, verwacht):
    with translation.override(taal):
        assert euro(bedrag) == verwacht


def test_euro_refuses_float_and_leaves_none_empty():
    with pytest.raises(TypeError):
        euro(1401.5)
    assert euro(None) == ""


def test_datum_writes_the_month_in_the_language():
    with translation.override("nl"):
        assert datum(dt.date(2026, 1, 5)) == "5 januari 2026"
    with translation.override("en"):
        assert datum(dt.date(2026, 1, 5)) == "5 January 2026"
    assert datum(None) == ""


def test_bsn_masked_shows_only_the_last_four_digits():
    assert bsn_masked("111222333") == "*****2333"
    assert bsn_masked("") == ""


def _request(path, rollen, gemeenten=()):
    request = RequestFactory().get(path)
    request.actor = SimpleNamespace(
        rollen=frozenset(rollen),
        gemeenten=[SimpleNamespace(naam=n) for n in gemeenten],
        organisatie=SimpleNamespace(naam="Sociale dienst A"),
    )
    return request


def test_navigation_shows_only_what_the_role_may_use():
    context = navigation(_request("/", {Rol.BELEIDSADVISEUR}, ["Deventer"]))
    assert [str(i["label"]) for i in context["nav_items"]] == [
        "Start",
        "Contact met iedereen",
        "Arbeidsmarkt",  # demand per occupation: aggregates (werk/koppelen)
        "Cijfers",
    ]
    assert context["current_gemeenten"] == ["Deventer"]


def test_only_the_most_specific_item_is_active():
    context = navigation(_request("/inwoners/nieuw/", {Rol.KLANTMANAGER}))
    actief = [str(i["label"]) for i in context["nav_items"] if i["active"]]
    assert actief == ["Nieuwe inwoner"]


def test_anonymous_request_gets_no_navigation():
    request = RequestFactory().get("/")
    request.actor = SimpleNamespace(rollen=frozenset(), gemeenten=(), organisatie=None)
    assert navigation(request)["nav_items"] == []
    assert navigation(RequestFactory().get("/"))["nav_items"] == []
