from rest_framework.permissions import BasePermission

from meedoen.accounts.selectors import actor_voor


def actor_van(request):
    """The acting user for an API request (token or session), scoped like the web pages."""
    if not hasattr(request, "_meedoen_actor"):
        request._meedoen_actor = actor_voor(
            request.user, request_id=getattr(request._request, "request_id", "-")
        )
    return request._meedoen_actor


class HeeftBevoegdheid(BasePermission):
    """Use as `permission_classes = [HeeftBevoegdheid.voor(Bevoegdheid.X)]`."""

    bevoegdheid = None

    @classmethod
    def voor(cls, bevoegdheid):
        return type(f"Heeft_{bevoegdheid}", (cls,), {"bevoegdheid": bevoegdheid})

    def has_permission(self, request, view):
        return request.user.is_authenticated and actor_van(request).mag(self.bevoegdheid)
