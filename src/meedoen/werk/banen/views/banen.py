"""The pool of maatschappelijke banen: list with filters, create, change, the verdringingstoets."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients.toegang import formulierpagina
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, gemeenten_van, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.banen import forms, selectors, services
from meedoen.werk.banen.views._basis import PER_PAGINA


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_LEZEN)
def lijst(request):
    vandaag = timezone.localdate()
    filters = forms.BanenFilterForm(request.GET or None)
    keuze = filters.cleaned_data if filters.is_valid() else {}
    rijen = selectors.banen(
        actor=request.actor,
        vandaag=vandaag,
        sector=keuze.get("sector", ""),
        status=keuze.get("status", ""),
        alleen_vrij=keuze.get("vrij", False),
    )
    return render(
        request,
        "werk/banen/lijst.html",
        {
            "filters": filters,
            "page": Paginator(rijen, PER_PAGINA).get_page(request.GET.get("page")),
            "mag_beheren": request.actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN),
            "mag_matchen": request.actor.mag(Bevoegdheid.MATCHEN),
        },
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def nieuw(request):
    form = forms.NieuweBaanForm(request.POST or None, gemeenten=gemeenten_van(request.actor))
    if request.method == "POST" and form.is_valid():
        gegevens = dict(form.cleaned_data)
        try:
            baan = services.baan_opslaan(
                actor=request.actor, gemeente=gegevens.pop("gemeente"), gegevens=gegevens
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                _("De baan is toegevoegd. Leg nu de verdringingstoets vast."),
            )
            return redirect("werk:banen_verdringingstoets", baan_uuid=baan.pk)
    return formulierpagina(
        request,
        titel=_("Maatschappelijke baan toevoegen"),
        intro=_("Werk bij een organisatie in de wijk, de zorg, het onderwijs, sport of cultuur."),
        form=form,
        submit=_("Opslaan"),
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_LEZEN)
def detail(request, baan_uuid):
    baan = of_404(selectors.baan, actor=request.actor, baan_id=baan_uuid)
    vandaag = timezone.localdate()
    bezet = selectors.banen(actor=request.actor, vandaag=vandaag).get(pk=baan.pk).bezet
    return render(
        request,
        "werk/banen/baan.html",
        {
            "baan": baan,
            "bezet": bezet,
            "vrij": max(baan.capaciteit - bezet, 0),
            "plaatsingen": selectors.plaatsingen_op_baan(actor=request.actor, baan=baan),
            "mag_beheren": request.actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN),
            "vandaag": vandaag,
        },
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def wijzigen(request, baan_uuid):
    baan = of_404(selectors.baan, actor=request.actor, baan_id=baan_uuid)
    form = forms.BaanForm(request.POST or None, instance=baan)
    if request.method == "POST" and form.is_valid():
        try:
            baan = services.baan_opslaan(
                actor=request.actor,
                gemeente=baan.gemeente,
                gegevens=dict(form.cleaned_data),
                baan=baan,
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            if baan.toets_vervallen:
                messages.warning(
                    request,
                    _(
                        "Het werk is veranderd. Doe de verdringingstoets opnieuw voordat "
                        "er iemand geplaatst wordt."
                    ),
                )
            else:
                messages.success(request, _("De baan is opgeslagen."))
            return redirect("werk:banen_baan", baan_uuid=baan.pk)
    return formulierpagina(
        request, titel=_("Maatschappelijke baan wijzigen"), form=form, submit=_("Opslaan")
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def verdringingstoets(request, baan_uuid):
    baan = of_404(selectors.baan, actor=request.actor, baan_id=baan_uuid)
    form = forms.VerdringingstoetsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verdringingstoets_bevestigen(
                actor=request.actor,
                baan=baan,
                antwoorden=form.antwoorden(),
                toelichtingen=form.toelichtingen(),
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De verdringingstoets is bevestigd."))
            return redirect("werk:banen_baan", baan_uuid=baan.pk)
    return render(request, "werk/banen/verdringingstoets.html", {"baan": baan, "form": form})
