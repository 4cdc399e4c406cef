from meedoen.core.models import Gemeente

# Reading employers and vacancies: werkgeversdienstverleners and those who match residents.
from meedoen.core.roles import Bevoegdheid

LEZERS = (Bevoegdheid.WERKGEVERS_BEHEREN, Bevoegdheid.MATCHEN)


def mijn_gemeenten(request):
    return Gemeente.objects.filter(pk__in=request.actor.gemeente_ids).order_by("naam")
