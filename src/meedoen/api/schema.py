"""Tells drf-spectacular that our session authentication is a cookie session like DRF's."""

from drf_spectacular.authentication import SessionScheme


class VerifiedSessionScheme(SessionScheme):
    target_class = "meedoen.api.authentication.VerifiedSessionAuthentication"
    name = "verifiedSession"
