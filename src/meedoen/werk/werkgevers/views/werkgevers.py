from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.clients.toegang import formulierpagina
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, gemeenten_van, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.werkgevers import forms, selectors, services
from meedoen.werk.werkgevers.views._basis import LEZERS


@bevoegdheid_vereist(*LEZERS)
def lijst(request):
    zoekterm = request.GET.get("q", "")[:100]
    pagina = Paginator(selectors.werkgevers(actor=request.actor, zoekterm=zoekterm), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "werk/werkgevers/lijst.html",
        {
            "pagina": pagina,
            "zoekterm": zoekterm,
            "mag_beheren": request.actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN),
        },
    )


def _werkgever_form(request, werkgever=None):
    return forms.WerkgeverForm(
        request.POST or None,
        instance=werkgever,
        gemeenten=gemeenten_van(request.actor),
        organisatie=request.actor.organisatie,
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def nieuw(request):
    form = _werkgever_form(request)
    if request.method == "POST" and form.is_valid():
        gegevens = dict(form.cleaned_data)
        gemeente = gegevens.pop("gemeente")
        try:
            werkgever = services.werkgever_opslaan(
                actor=request.actor, gegevens=gegevens, gemeente=gemeente
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De werkgever is toegevoegd."))
            return redirect("werk:werkgevers_werkgever", werkgever_uuid=werkgever.pk)
    return formulierpagina(
        request, titel=_("Werkgever toevoegen"), form=form, submit=_("Werkgever opslaan")
    )


@bevoegdheid_vereist(*LEZERS)
def detail(request, werkgever_uuid):
    werkgever = of_404(selectors.werkgever, actor=request.actor, werkgever_id=werkgever_uuid)
    return render(
        request,
        "werk/werkgevers/werkgever.html",
        {
            "werkgever": werkgever,
            "contactpersonen": werkgever.contactpersonen.all(),
            "vacatures": selectors.vacatures(actor=request.actor, werkgever=werkgever),
            "mag_beheren": request.actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN),
        },
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def wijzigen(request, werkgever_uuid):
    werkgever = of_404(selectors.werkgever, actor=request.actor, werkgever_id=werkgever_uuid)
    form = _werkgever_form(request, werkgever)
    if request.method == "POST" and form.is_valid():
        try:
            services.werkgever_opslaan(
                actor=request.actor, gegevens=form.cleaned_data, werkgever=werkgever
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De werkgever is bijgewerkt."))
            return redirect("werk:werkgevers_werkgever", werkgever_uuid=werkgever.pk)
    return formulierpagina(
        request,
        titel=_("Werkgever wijzigen"),
        intro=werkgever.naam,
        form=form,
        submit=_("Opslaan"),
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def contactpersoon_nieuw(request, werkgever_uuid):
    werkgever = of_404(selectors.werkgever, actor=request.actor, werkgever_id=werkgever_uuid)
    form = forms.ContactpersoonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contactpersoon_opslaan(
                actor=request.actor, gegevens=form.cleaned_data, werkgever=werkgever
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De contactpersoon is toegevoegd."))
            return redirect("werk:werkgevers_werkgever", werkgever_uuid=werkgever.pk)
    return formulierpagina(
        request,
        titel=_("Contactpersoon toevoegen"),
        intro=werkgever.naam,
        form=form,
        submit=_("Opslaan"),
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def contactpersoon(request, contactpersoon_uuid):
    gevonden = of_404(
        selectors.contactpersoon, actor=request.actor, contactpersoon_id=contactpersoon_uuid
    )
    form = forms.ContactpersoonForm(request.POST or None, instance=gevonden)
    if request.method == "POST" and form.is_valid():
        try:
            services.contactpersoon_opslaan(
                actor=request.actor, gegevens=form.cleaned_data, contactpersoon=gevonden
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De contactpersoon is bijgewerkt."))
            return redirect("werk:werkgevers_werkgever", werkgever_uuid=gevonden.werkgever_id)
    return formulierpagina(
        request,
        titel=_("Contactpersoon wijzigen"),
        intro=gevonden.werkgever.naam,
        form=form,
        submit=_("Opslaan"),
    )


@require_POST
@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def contactpersoon_verwijderen(request, contactpersoon_uuid):
    gevonden = of_404(
        selectors.contactpersoon, actor=request.actor, contactpersoon_id=contactpersoon_uuid
    )
    werkgever_id = gevonden.werkgever_id
    services.contactpersoon_verwijderen(actor=request.actor, contactpersoon=gevonden)
    messages.success(request, _("De contactpersoon is verwijderd."))
    return redirect("werk:werkgevers_werkgever", werkgever_uuid=werkgever_id)
