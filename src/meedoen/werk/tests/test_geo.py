"""Distances between postcodes: straight line between the PC4 areas' points, whole km."""

import math

import pytest

from meedoen.werk.geo import afstand_km, coordinaten, haversine_km, pc4


def test_deventer_to_assen_is_about_86_km_in_a_straight_line():
    # Deventer 52.2553 N 6.1633 E, Assen 52.9928 N 6.5642 E (data/pc4.csv).
    # dlat = 0.7375 deg * 111.195 km/deg = 82.01 km; mean latitude 52.624 deg, cos = 0.6074;
    # dlon = 0.4009 deg * 111.195 * 0.6074 = 27.08 km; sqrt(82.01^2 + 27.08^2) = 86.4 km
    assert afstand_km("7411 AB", "9401 AA") == 86
    assert afstand_km("9401AA", "7411ab") == 86  # symmetric, format-tolerant


def test_same_town_is_zero_and_neighbouring_villages_are_close():
    assert afstand_km("7411 AB", "7425 ZZ") == 0  # both Deventer
    # Zuidlaren 53.0944 N 6.6817 E to Assen: dlat 0.1016 deg = 11.30 km;
    # dlon 0.1175 deg * 111.195 * cos(53.04) (0.6012) = 7.85 km; sqrt = 13.8 km
    assert afstand_km("9471 AA", "9401 AA") == 14


def test_unknown_or_invalid_postcodes_give_none():
    assert afstand_km("1012 AB", "7411 AB") is None  # Amsterdam is not in the demo table
    assert afstand_km("12AB", "7411 AB") is None
    assert afstand_km("", "7411 AB") is None
    assert afstand_km(None, None) is None
    assert coordinaten("0123 AB") is None


@pytest.mark.parametrize(
    ("postcode", "verwacht"),
    [("7411 AB", "7411"), ("7411ab", "7411"), ("7411", "7411"), (" 9401 AA ", "9401")],
)
def test_pc4_takes_the_four_digits(postcode, verwacht):
    assert pc4(postcode) == verwacht


def test_haversine_of_one_degree_of_latitude_is_111_km():
    # 2 * pi * 6371.0088 / 360 = 111.195 km
    assert math.isclose(haversine_km((52.0, 6.0), (53.0, 6.0)), 111.195, abs_tol=0.001)
