"""Pages where a functioneel beheerder manages the users and teams of their organisation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from meedoen.accounts import selectors, services
from meedoen.accounts.forms import GebruikerForm, TeamForm
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def gebruikers(request):
    return render(
        request,
        "beheer/gebruikers.html",
        {"gebruikers": selectors.gebruikers(actor=request.actor)},
    )


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def gebruiker_nieuw(request):
    form = GebruikerForm(
        request.POST or None, teams_queryset=selectors.teams(actor=request.actor), nieuw=True
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.gebruiker_aanmaken(actor=request.actor, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De gebruiker is aangemaakt."))
            return redirect("beheer:gebruikers")
    return render(request, "beheer/gebruiker_form.html", {"form": form, "nieuw": True})


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def gebruiker_wijzigen(request, gebruiker_uuid):
    user = of_404(selectors.gebruiker, actor=request.actor, uuid=gebruiker_uuid)
    initial = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": user.is_active,
        "rollen": [r.code for r in user.rollen.all()],
        "teams": list(user.teams.all()),
    }
    form = GebruikerForm(
        request.POST or None,
        initial=initial,
        teams_queryset=selectors.teams(actor=request.actor),
        nieuw=False,
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "username"}
        try:
            services.gebruiker_wijzigen(actor=request.actor, user=user, **data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("beheer:gebruikers")
    return render(
        request, "beheer/gebruiker_form.html", {"form": form, "nieuw": False, "gebruiker": user}
    )


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def teams(request):
    return render(request, "beheer/teams.html", {"teams": selectors.teams(actor=request.actor)})


def _team_form(request, team):
    initial = {"naam": team.naam, "gemeenten": list(team.gemeenten.all())} if team else None
    form = TeamForm(
        request.POST or None,
        initial=initial,
        gemeenten_queryset=request.actor.organisatie.gemeenten.all(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.team_opslaan(actor=request.actor, team=team, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het team is opgeslagen."))
            return redirect("beheer:teams")
    return render(request, "beheer/team_form.html", {"form": form, "team": team})


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def team_nieuw(request):
    return _team_form(request, None)


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def team_wijzigen(request, team_id):
    return _team_form(request, of_404(selectors.team, actor=request.actor, id=team_id))
