"""Attaches the acting user's scope to each request and enforces the second factor for staff."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from meedoen.accounts.selectors import actor_voor

DEMO_SKIP_SESSION_KEY = "meedoen_demo_2fa_overgeslagen"

# Paths reachable without a completed second factor. The API authenticates per request.
OPEN_PATH_PREFIXES = ("/inloggen/", "/static/", "/i18n/", "/api/", "/favicon.ico")


def tweede_factor_voltooid(request) -> bool:
    if request.user.is_verified():
        return True
    return settings.MEEDOEN_DEMO and request.session.get(DEMO_SKIP_SESSION_KEY, False)


class ActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.actor = SimpleLazyObject(
            lambda: actor_voor(request.user, request_id=getattr(request, "request_id", "-"))
        )
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(OPEN_PATH_PREFIXES)
            and not tweede_factor_voltooid(request)
        ):
            return redirect(reverse("accounts:tweede_stap"))
        return self.get_response(request)
