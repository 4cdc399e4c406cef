"""View helpers for roles and tenancy: 403 for a missing role, 404 for anything out of scope."""

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404

from meedoen.core.roles import Bevoegdheid

T = TypeVar("T")


def bevoegdheid_vereist(*bevoegdheden: Bevoegdheid):
    """Login required, and the acting user must hold at least one of the capabilities."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not any(request.actor.mag(b) for b in bevoegdheden):
                from meedoen.core.actor import Geweigerd

                raise Geweigerd(bevoegdheden)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def of_404(selector: Callable[..., T], **kwargs) -> T:
    """Run a selector that fetches one object; not found (or not in scope) answers 404, so
    another gemeente's object is indistinguishable from one that does not exist."""
    try:
        return selector(**kwargs)
    except (ObjectDoesNotExist, ValidationError) as exc:
        raise Http404 from exc
