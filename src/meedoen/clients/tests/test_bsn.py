import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from meedoen.clients import services
from meedoen.clients.validators import normaliseer_bsn, valideer_bsn
from meedoen.core.roles import Rol


def gegevens(bsn: str, **extra) -> dict:
    return {
        "bsn": bsn,
        "voornamen": "Anna",
        "achternaam": "Jansen",
        "geboortedatum": dt.date(1990, 1, 1),
        **extra,
    }


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "12345672"])
def test_bsn_that_passes_the_elfproef_is_accepted(bsn):
    # 111222333: 9+8+7+12+10+8+9+6 − 3 = 66 = 6×11
    # 123456782: 9+16+21+24+25+24+21+16 − 2 = 154 = 14×11
    # 12345672 is read as 012345672: 0+8+14+18+20+20+18+14 − 2 = 110 = 10×11
    valideer_bsn(normaliseer_bsn(bsn))


@pytest.mark.parametrize("bsn", ["123456789", "111222334", "12345", "abcdefghi", ""])
def test_bsn_that_fails_the_elfproef_is_refused_with_a_dutch_message(bsn):
    with pytest.raises(ValidationError) as excinfo:
        valideer_bsn(normaliseer_bsn(bsn))
    assert "elfproef" in str(excinfo.value)


def test_eight_digit_bsn_is_stored_with_leading_zero(tenant_a):
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    persoon = services.persoon_registreren(
        actor=actor, gemeente=tenant_a.gemeente, gegevens=gegevens("12345672")
    )
    assert persoon.bsn == "012345672"


def test_duplicate_bsn_within_a_gemeente_is_refused_clearly(tenant_a):
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    services.persoon_registreren(
        actor=actor, gemeente=tenant_a.gemeente, gegevens=gegevens("111222333")
    )
    with pytest.raises(ValidationError) as excinfo:
        services.persoon_registreren(
            actor=actor, gemeente=tenant_a.gemeente, gegevens=gegevens("111222333", voornamen="Bo")
        )
    bericht = excinfo.value.message_dict["bsn"][0]
    assert "al een inwoner met dit BSN" in bericht and "Deventer" in bericht


def test_same_bsn_is_allowed_in_two_gemeenten(tenant_a, tenant_b):
    a = services.persoon_registreren(
        actor=tenant_a.actor(Rol.KLANTMANAGER),
        gemeente=tenant_a.gemeente,
        gegevens=gegevens("111222333"),
    )
    b = services.persoon_registreren(
        actor=tenant_b.actor(Rol.KLANTMANAGER),
        gemeente=tenant_b.gemeente,
        gegevens=gegevens("111222333"),
    )
    assert a.pk != b.pk and a.bsn == b.bsn


def test_registering_in_another_gemeente_is_refused(tenant_a, tenant_b):
    with pytest.raises(Exception) as excinfo:
        services.persoon_registreren(
            actor=tenant_a.actor(Rol.KLANTMANAGER),
            gemeente=tenant_b.gemeente,
            gegevens=gegevens("111222333"),
        )
    assert excinfo.type.__name__ == "Geweigerd"
