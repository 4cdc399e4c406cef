from django.http import Http404

from meedoen.core.models import Gemeente
from meedoen.werk.koppelen import selectors

DOEL = "werk: matchen en voorstellen"


def gekozen_gemeente(request, *, verplicht: bool = True) -> Gemeente | None:
    """The gemeente from ?gemeente=, among the actor's; the first one when none is chosen and
    one is needed. Another gemeente's id answers 404."""
    gemeenten = selectors.gemeenten(actor=request.actor)
    gekozen = request.GET.get("gemeente", "")
    if gekozen:
        gemeente = gemeenten.filter(pk=int(gekozen)).first() if gekozen.isdigit() else None
        if gemeente is None:
            raise Http404
        return gemeente
    if not verplicht:
        return None
    gemeente = gemeenten.first()
    if gemeente is None:
        raise Http404
    return gemeente
