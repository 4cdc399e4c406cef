"""The functioneel beheerder's catalogue of costs for bijzondere bijstand, per gemeente."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from meedoen.clients.toegang import formulierpagina
from meedoen.core.forms import fouten_naar_form
from meedoen.core.models import Gemeente
from meedoen.core.permissions import bevoegdheid_vereist, gekozen_gemeente, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.bijzondere import beheer, forms, selectors


def _gemeente(request) -> Gemeente:
    return gekozen_gemeente(request.actor, request.GET.get("gemeente"))


def _terug(gemeente_id: int) -> str:
    return f"{reverse('uitkering:bijzondere_categorieen')}?gemeente={gemeente_id}"


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def categorieen(request):
    gemeente = _gemeente(request)
    form = forms.KostenCategorieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            beheer.kostencategorie_opslaan(
                actor=request.actor, gemeente=gemeente, gegevens=form.gegevens()
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De soort kosten is toegevoegd."))
            return redirect(_terug(gemeente.pk))
    return render(
        request,
        "uitkering/bijzondere/categorieen.html",
        {
            "gemeente": gemeente,
            "gemeenten": Gemeente.objects.filter(pk__in=request.actor.gemeente_ids),
            "categorieen": selectors.categorieen(actor=request.actor).filter(gemeente=gemeente),
            "form": form,
        },
    )


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def categorie_wijzigen(request, kostencategorie_uuid):
    gevonden = of_404(selectors.categorie, actor=request.actor, categorie_id=kostencategorie_uuid)
    initial = {
        "naam": gevonden.naam,
        "maximum": None if gevonden.maximum_cent is None else Decimal(gevonden.maximum_cent) / 100,
        "toelichting": gevonden.toelichting,
        "actief": gevonden.actief,
    }
    form = forms.KostenCategorieForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            beheer.kostencategorie_opslaan(
                actor=request.actor,
                gemeente=gevonden.gemeente,
                gegevens=form.gegevens(),
                categorie=gevonden,
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De soort kosten is opgeslagen."))
            return redirect(_terug(gevonden.gemeente_id))
    return formulierpagina(
        request, titel=_("Soort kosten wijzigen"), form=form, submit=_("Opslaan")
    )
