"""Demand first: the labour-market view (per gemeente or the region) and a resident's hidden
matches with their skill gap and courses."""

from django.shortcuts import render
from django.utils.translation import get_language

from meedoen.clients.toegang import persoon_openen
from meedoen.core.permissions import bevoegdheid_vereist, gekozen_gemeente, gemeenten_van
from meedoen.core.roles import Bevoegdheid
from meedoen.rapportage.selectors import KLEINE_AANTALLEN
from meedoen.werk.koppelen import vraag
from meedoen.werk.koppelen.views._basis import DOEL


def _taal() -> str:
    return (get_language() or "nl")[:2]


@bevoegdheid_vereist(Bevoegdheid.MATCHEN, Bevoegdheid.CIJFERS_LEZEN)
def arbeidsmarkt(request):
    gemeente = gekozen_gemeente(request.actor, request.GET.get("gemeente"), of_de_eerste=False)
    rijen = vraag.arbeidsmarkt(
        actor=request.actor, gemeente_ids=[gemeente.pk] if gemeente else None, taal=_taal()
    )
    return render(
        request,
        "werk/koppelen/arbeidsmarkt.html",
        {
            "gemeente": gemeente,
            "gemeenten": gemeenten_van(request.actor),
            "rijen": rijen,
            "drempel": KLEINE_AANTALLEN,
            "mag_rapport": request.actor.mag(Bevoegdheid.CIJFERS_LEZEN),
            "mag_opleidingen": request.actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN)
            or request.actor.mag(Bevoegdheid.BEHEER),
        },
    )


@bevoegdheid_vereist(Bevoegdheid.MATCHEN)
def kansen(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    return render(
        request,
        "werk/koppelen/kansen.html",
        {
            "persoon": persoon,
            "kansen": vraag.verborgen_matches(actor=request.actor, persoon=persoon, taal=_taal()),
        },
    )
