from rest_framework.authentication import SessionAuthentication

from meedoen.accounts.middleware import tweede_factor_voltooid


class VerifiedSessionAuthentication(SessionAuthentication):
    """A browser session counts for the API only after the second factor."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None or not tweede_factor_voltooid(request._request):
            return None
        return result
