from django.shortcuts import render
from django.utils import timezone

from meedoen.core.permissions import bevoegdheid_vereist
from meedoen.core.roles import Bevoegdheid
from meedoen.rapportage import selectors


@bevoegdheid_vereist(Bevoegdheid.CIJFERS_LEZEN)
def overzicht(request):
    vandaag = timezone.localdate()
    return render(
        request,
        "rapportage/overzicht.html",
        {
            "peildatum": vandaag,
            "per_gemeente": selectors.inwoners_per_gemeente(actor=request.actor),
            "huishoudtypen": selectors.huishoudtypen(actor=request.actor, op=vandaag),
            "leeftijden": selectors.leeftijdsgroepen(actor=request.actor, op=vandaag),
            "drempel": selectors.KLEINE_AANTALLEN,
        },
    )
