"""The live search behind TaxonomieVeld: returns the radio buttons or checkboxes for a field.
Reference data only (no resident data), so nothing is recorded in the audit trail."""

from django.http import HttpResponseBadRequest
from django.shortcuts import render

from meedoen.core.permissions import bevoegdheid_vereist
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.taxonomie.formvelden import BEROEP, VAARDIGHEID, opties, zoekresultaten


@bevoegdheid_vereist(Bevoegdheid.MATCHEN, Bevoegdheid.WERKGEVERS_BEHEREN)
def zoeken(request):
    soort = request.GET.get("soort")
    naam = request.GET.get("naam", "")
    if soort not in (BEROEP, VAARDIGHEID) or not naam.replace("-", "").replace("_", "").isalnum():
        return HttpResponseBadRequest()
    meervoud = request.GET.get("meervoud") == "1"
    gekozen = [c for c in request.GET.getlist(naam) if c]
    term = request.GET.get(f"{naam}_zoek", "")[:100]
    context = {
        "naam": naam,
        "meervoud": meervoud,
        "opties": opties(soort, gekozen, zoekresultaten(soort, term)),
        "zoekterm": term,
    }
    return render(request, "werk/taxonomie/_opties.html", context)
