"""The report for beleidsadviseurs and teamleiders: do proposals lead to interviews and work,
and does the score predict it? Aggregates only."""

from django.shortcuts import render

from meedoen.core.permissions import bevoegdheid_vereist, gemeenten_van
from meedoen.core.roles import Bevoegdheid
from meedoen.rapportage.selectors import KLEINE_AANTALLEN
from meedoen.werk.koppelen import rapport
from meedoen.werk.koppelen.forms import RapportForm


@bevoegdheid_vereist(Bevoegdheid.CIJFERS_LEZEN)
def uitkomsten(request):
    gemeenten = gemeenten_van(request.actor)
    form = RapportForm(
        request.GET if "van" in request.GET else RapportForm.standaard(), gemeenten=gemeenten
    )
    resultaat = None
    gemeente = None
    if form.is_valid():
        gekozen = form.cleaned_data["gemeente"]
        gemeente = gemeenten.get(pk=int(gekozen)) if gekozen else None
        resultaat = rapport.uitkomsten(
            actor=request.actor,
            van=form.cleaned_data["van"],
            tot=form.cleaned_data["tot"],
            gemeente_ids=[gemeente.pk] if gemeente else None,
        )
    return render(
        request,
        "werk/koppelen/rapport.html",
        {
            "form": form,
            "rapport": resultaat,
            "totaal": [resultaat.totaal] if resultaat else [],
            "gemeente": gemeente,
            "drempel": KLEINE_AANTALLEN,
        },
    )
