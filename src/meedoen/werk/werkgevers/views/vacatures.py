from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.werk import taxonomie
from meedoen.werk.models import Vacature
from meedoen.werk.taxonomie.formvelden import formulier_maken
from meedoen.werk.werkgevers import forms, selectors, services
from meedoen.werk.werkgevers.views._basis import LEZERS


def _lang() -> str:
    return (get_language() or "nl")[:2]


@bevoegdheid_vereist(*LEZERS)
def lijst(request):
    status = request.GET.get("status", Vacature.Status.OPEN)
    if status not in Vacature.Status.values:
        status = ""
    zoekterm = request.GET.get("q", "")[:100]
    rijen = selectors.vacatures(actor=request.actor, status=status, zoekterm=zoekterm)
    pagina = Paginator(rijen, 25).get_page(request.GET.get("page"))
    for vacature in pagina:
        vacature.beroep_label = taxonomie.label(vacature.beroep, _lang())
    return render(
        request,
        "werk/werkgevers/vacatures.html",
        {
            "pagina": pagina,
            "status": status,
            "statussen": Vacature.Status.choices,
            "zoekterm": zoekterm,
            "mag_beheren": request.actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN),
        },
    )


def _formulier(request, *, vacature=None, initial=None):
    werkgevers = selectors.werkgevers(actor=request.actor)
    return formulier_maken(
        forms.VacatureForm, request, instance=vacature, initial=initial, werkgevers=werkgevers
    )


def _vacature_pagina(request, form, titel, vacature=None):
    return render(
        request,
        "werk/werkgevers/vacature_form.html",
        {"form": form, "titel": titel, "vacature": vacature},
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def nieuw(request):
    initial = {}
    if werkgever_id := request.GET.get("werkgever"):
        initial["werkgever"] = of_404(
            selectors.werkgever, actor=request.actor, werkgever_id=werkgever_id
        )
        initial["postcode"] = initial["werkgever"].postcode
    form, gezocht = _formulier(request, initial=initial)
    if request.method == "POST" and not gezocht and form.is_valid():
        try:
            vacature = services.vacature_opslaan(actor=request.actor, gegevens=form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De vacature is opgeslagen."))
            return redirect("werk:werkgevers_vacature", vacature_uuid=vacature.pk)
    return _vacature_pagina(request, form, _("Vacature invoeren"))


@bevoegdheid_vereist(*LEZERS)
def detail(request, vacature_uuid):
    vacature = of_404(selectors.vacature, actor=request.actor, vacature_id=vacature_uuid)
    lang = _lang()
    return render(
        request,
        "werk/werkgevers/vacature.html",
        {
            "vacature": vacature,
            "beroep_label": taxonomie.label(vacature.beroep, lang),
            "vereist": [taxonomie.label(c, lang) for c in vacature.vaardigheden_vereist],
            "gewenst": [taxonomie.label(c, lang) for c in vacature.vaardigheden_gewenst],
            "overgangen": [
                (s, Vacature.Status(s).label)
                for s in sorted(services.VACATURE_OVERGANGEN.get(vacature.status, ()))
            ],
            "mag_beheren": request.actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN),
        },
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def wijzigen(request, vacature_uuid):
    vacature = of_404(selectors.vacature, actor=request.actor, vacature_id=vacature_uuid)
    form, gezocht = _formulier(request, vacature=vacature)
    if request.method == "POST" and not gezocht and form.is_valid():
        try:
            services.vacature_opslaan(
                actor=request.actor, gegevens=form.cleaned_data, vacature=vacature
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De vacature is bijgewerkt."))
            return redirect("werk:werkgevers_vacature", vacature_uuid=vacature.pk)
    return _vacature_pagina(request, form, _("Vacature wijzigen"), vacature)


@require_POST
@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def status(request, vacature_uuid):
    vacature = of_404(selectors.vacature, actor=request.actor, vacature_id=vacature_uuid)
    try:
        services.vacature_status_wijzigen(
            actor=request.actor, vacature=vacature, status=request.POST.get("status", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De status van de vacature is gewijzigd."))
    return redirect("werk:werkgevers_vacature", vacature_uuid=vacature.pk)
