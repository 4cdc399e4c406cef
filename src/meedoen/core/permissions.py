"""View helpers for roles and tenancy: 403 for a missing role, 404 for anything out of scope."""

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import QuerySet
from django.http import Http404

from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid

T = TypeVar("T")


def bevoegdheid_vereist(*bevoegdheden: Bevoegdheid):
    """Login required, and the acting user must hold at least one of the capabilities."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            request.actor.vereis_een(*bevoegdheden)
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


def gemeenten_van(actor) -> QuerySet[Gemeente]:
    """The gemeenten the actor works for, by name: the choices on pages that serve several."""
    return Gemeente.objects.filter(pk__in=actor.gemeente_ids).order_by("naam")


def gekozen_gemeente(actor, waarde, *, of_de_eerste: bool = True) -> Gemeente | None:
    """The gemeente whose id is `waarde` (from the query string) among the actor's; another
    gemeente's id, or a value that is no id, answers 404. Without a value: the actor's first
    gemeente when `of_de_eerste` (404 when they have none), otherwise None."""
    gemeenten = gemeenten_van(actor)
    if waarde:
        gemeente = gemeenten.filter(pk=int(waarde)).first() if str(waarde).isdigit() else None
    elif of_de_eerste:
        gemeente = gemeenten.first()
    else:
        return None
    if gemeente is None:
        raise Http404
    return gemeente
