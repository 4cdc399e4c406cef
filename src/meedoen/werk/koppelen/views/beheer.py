"""Settings: the gemeente's matching weights (functioneel beheerder) and the training
catalogue."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, gekozen_gemeente, gemeenten_van, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.koppelen import forms, selectors, services
from meedoen.werk.taxonomie import label
from meedoen.werk.taxonomie.formvelden import formulier_maken


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def werkbeleid(request):
    gemeente = gekozen_gemeente(request.actor, request.GET.get("gemeente"))
    beleid = services.werkbeleid_van(gemeente=gemeente)
    form = forms.WerkbeleidForm(request.POST or None, instance=beleid)
    if request.method == "POST" and form.is_valid():
        try:
            services.werkbeleid_opslaan(
                actor=request.actor, gemeente=gemeente, gegevens=form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het werkbeleid is opgeslagen."))
            return redirect(f"{reverse('werk:koppelen_werkbeleid')}?gemeente={gemeente.pk}")
    return render(
        request,
        "werk/koppelen/werkbeleid.html",
        {
            "gemeente": gemeente,
            "gemeenten": gemeenten_van(request.actor),
            "form": form,
            "opgeslagen": not beleid._state.adding,
        },
    )


def _opslaan(request, form, gemeente, opleiding=None) -> bool:
    if not form.is_valid():
        return False
    try:
        services.opleiding_opslaan(
            actor=request.actor, gemeente=gemeente, gegevens=form.gegevens(), opleiding=opleiding
        )
    except ValidationError as exc:
        fouten_naar_form(form, exc)
        return False
    return True


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN, Bevoegdheid.BEHEER)
def opleidingen(request):
    gemeente = gekozen_gemeente(request.actor, request.GET.get("gemeente"))
    form, gezocht = formulier_maken(forms.OpleidingForm, request)
    if request.method == "POST" and not gezocht and _opslaan(request, form, gemeente):
        messages.success(request, _("De opleiding is toegevoegd."))
        return redirect(f"{reverse('werk:koppelen_opleidingen')}?gemeente={gemeente.pk}")
    catalogus = selectors.opleidingen(actor=request.actor).filter(gemeente=gemeente)
    taal = (get_language() or "nl")[:2]
    return render(
        request,
        "werk/koppelen/opleidingen.html",
        {
            "gemeente": gemeente,
            "gemeenten": gemeenten_van(request.actor),
            "opleidingen": [
                (o, Decimal(o.kosten_cent) / 100, [label(c, taal) for c in o.vaardigheden])
                for o in catalogus
            ],
            "form": form,
        },
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN, Bevoegdheid.BEHEER)
def opleiding_wijzigen(request, opleiding_uuid):
    opleiding = of_404(selectors.opleiding, actor=request.actor, opleiding_id=opleiding_uuid)
    form, gezocht = formulier_maken(forms.OpleidingForm, request, instance=opleiding)
    if (
        request.method == "POST"
        and not gezocht
        and _opslaan(request, form, opleiding.gemeente, opleiding)
    ):
        messages.success(request, _("De opleiding is opgeslagen."))
        return redirect(f"{reverse('werk:koppelen_opleidingen')}?gemeente={opleiding.gemeente_id}")
    return render(
        request,
        "werk/koppelen/opleiding.html",
        {"opleiding": opleiding, "form": form},
    )
