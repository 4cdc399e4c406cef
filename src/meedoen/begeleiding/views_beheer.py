"""Configuration pages for a functioneel beheerder: routes and advice rules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from meedoen.begeleiding import forms, selectors
from meedoen.begeleiding.advies import ADVIES_VELDEN, voorwaarde_tekst
from meedoen.begeleiding.services import beheer
from meedoen.clients.toegang import formulierpagina
from meedoen.core.forms import fouten_naar_form
from meedoen.core.models import Gemeente
from meedoen.core.permissions import bevoegdheid_vereist, gekozen_gemeente, of_404
from meedoen.core.roles import Bevoegdheid


def _gemeente(request) -> Gemeente:
    return gekozen_gemeente(request.actor, request.GET.get("gemeente"))


def _route_gegevens(data: dict) -> dict:
    data = dict(data)
    data.pop("interval_aantal", None)
    data.pop("interval_eenheid", None)
    return data


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def routes(request):
    gemeente = _gemeente(request)
    form = forms.RouteForm(request.POST or None, organisatie=request.actor.organisatie)
    if request.method == "POST" and form.is_valid():
        try:
            beheer.route_opslaan(
                actor=request.actor, gemeente=gemeente, gegevens=_route_gegevens(form.cleaned_data)
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De route is toegevoegd."))
            return redirect(f"{reverse('begeleiding:routes')}?gemeente={gemeente.pk}")
    return render(
        request,
        "begeleiding/beheer_routes.html",
        {
            "gemeente": gemeente,
            "gemeenten": Gemeente.objects.filter(pk__in=request.actor.gemeente_ids),
            "routes": selectors.routes(actor=request.actor, beheer=True).filter(gemeente=gemeente),
            "form": form,
        },
    )


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def route_wijzigen(request, route_uuid):
    gevonden = of_404(selectors.route, actor=request.actor, route_id=route_uuid)
    form = forms.RouteForm(
        request.POST or None, instance=gevonden, organisatie=request.actor.organisatie
    )
    if request.method == "POST" and form.is_valid():
        try:
            beheer.route_opslaan(
                actor=request.actor,
                gemeente=gevonden.gemeente,
                gegevens=_route_gegevens(form.cleaned_data),
                route=selectors.route(actor=request.actor, route_id=gevonden.pk),
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De route is opgeslagen."))
            return redirect(f"{reverse('begeleiding:routes')}?gemeente={gevonden.gemeente_id}")
    return formulierpagina(request, titel=_("Route wijzigen"), form=form, submit=_("Opslaan"))


def _regel_opslaan(request, gemeente, form, regel=None):
    gegevens = {
        "naam": form.cleaned_data["naam"],
        "route": form.cleaned_data["route"],
        "volgorde": form.cleaned_data["volgorde"],
        "actief": form.cleaned_data["actief"],
        "voorwaarden": form.voorwaarden(),
    }
    return beheer.adviesregel_opslaan(
        actor=request.actor, gemeente=gemeente, gegevens=gegevens, regel=regel
    )


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def adviesregels(request):
    gemeente = _gemeente(request)
    routes = selectors.routes(actor=request.actor, beheer=True).filter(gemeente=gemeente)
    form = forms.AdviesRegelForm(request.POST or None, routes=routes)
    if request.method == "POST" and form.is_valid():
        try:
            _regel_opslaan(request, gemeente, form)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De adviesregel is toegevoegd."))
            return redirect(f"{reverse('begeleiding:adviesregels')}?gemeente={gemeente.pk}")
    regels = [
        (r, [voorwaarde_tekst(v) for v in r.voorwaarden if v.get("veld") in ADVIES_VELDEN])
        for r in selectors.adviesregels(actor=request.actor).filter(gemeente=gemeente)
    ]
    return render(
        request,
        "begeleiding/beheer_adviesregels.html",
        {
            "gemeente": gemeente,
            "gemeenten": Gemeente.objects.filter(pk__in=request.actor.gemeente_ids),
            "regels": regels,
            "form": form,
        },
    )


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def adviesregel_wijzigen(request, adviesregel_uuid):
    regel = of_404(selectors.adviesregel, actor=request.actor, adviesregel_id=adviesregel_uuid)
    routes = selectors.routes(actor=request.actor, beheer=True).filter(gemeente=regel.gemeente)
    form = forms.AdviesRegelForm(
        request.POST or None, routes=routes, initial=forms.AdviesRegelForm.initial_van(regel)
    )
    if request.method == "POST" and form.is_valid():
        try:
            _regel_opslaan(request, regel.gemeente, form, regel=regel)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De adviesregel is opgeslagen."))
            return redirect(f"{reverse('begeleiding:adviesregels')}?gemeente={regel.gemeente_id}")
    return formulierpagina(request, titel=_("Adviesregel wijzigen"), form=form, submit=_("Opslaan"))
