"""The contact worklist (per klantmanager or team) and the coverage page."""

import uuid

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from meedoen.begeleiding.selectors import werklijsten
from meedoen.core.permissions import bevoegdheid_vereist
from meedoen.core.roles import Bevoegdheid
from meedoen.signalen.selectors import teams_van

PER_PAGINA = 50


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_LEZEN)
def werklijst(request):
    vandaag = timezone.localdate()
    teams = teams_van(actor=request.actor)
    team = None
    if team_id := request.GET.get("team"):
        try:
            team = teams.filter(pk=uuid.UUID(team_id)).first()
        except ValueError:
            team = None
        if team is None:
            raise Http404
    lijst = werklijsten.achterstallig_contact(
        actor=request.actor,
        vandaag=vandaag,
        klantmanager=None if team else request.user,
        team=team,
    )
    pagina = Paginator(lijst, PER_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        "begeleiding/werklijst.html",
        {"page": pagina, "team": team, "teams": teams, "vandaag": vandaag},
    )


@bevoegdheid_vereist(Bevoegdheid.CIJFERS_LEZEN)
def dekking(request):
    vandaag = timezone.localdate()
    rijen = werklijsten.dekking(actor=request.actor, vandaag=vandaag)
    alleen_cijfers = not request.actor.mag(Bevoegdheid.DOSSIER_LEZEN)
    return render(
        request,
        "begeleiding/dekking.html",
        {
            "vandaag": vandaag,
            "rijen": rijen,
            "alleen_cijfers": alleen_cijfers,
            "drempel": werklijsten.KLEINE_AANTALLEN,
            "caseloads": None
            if alleen_cijfers
            else werklijsten.caseloads(actor=request.actor, vandaag=vandaag),
        },
    )
