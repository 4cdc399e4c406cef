from django.http import Http404

from meedoen.core.models import Gemeente

DOEL = "werk: plaatsing en contract"
PER_PAGINA = 50


def gemeenten_van(request):
    return Gemeente.objects.filter(pk__in=request.actor.gemeente_ids).order_by("naam")


def gekozen_gemeente(request, waarde) -> Gemeente:
    gemeente = gemeenten_van(request).filter(pk=waarde).first() if waarde else None
    if gemeente is None:
        raise Http404
    return gemeente
