"""The werkgeversdienstverlener's worklist: vacancies without proposals and proposals without
feedback, one list at a time (?lijst=vacatures|voorstellen)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from meedoen.core.permissions import bevoegdheid_vereist
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.koppelen import werklijsten

PER_PAGINA = 50


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def werklijst(request):
    vandaag = timezone.localdate()
    lijst = "voorstellen" if request.GET.get("lijst") == "voorstellen" else "vacatures"
    if lijst == "vacatures":
        rijen = werklijsten.vacatures_zonder_voorstel(actor=request.actor, vandaag=vandaag)
    else:
        rijen = werklijsten.voorstellen_zonder_terugkoppeling(actor=request.actor, vandaag=vandaag)
    return render(
        request,
        "werk/koppelen/werklijst.html",
        {
            "lijst": lijst,
            "page": Paginator(rijen, PER_PAGINA).get_page(request.GET.get("page")),
            "vacature_dagen": werklijsten.VACATURE_DAGEN,
            "terugkoppeling_dagen": werklijsten.TERUGKOPPELING_DAGEN,
        },
    )
