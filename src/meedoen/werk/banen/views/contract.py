"""Recht op werk: a contract with the income comparison, the contract page and its end."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients.toegang import formulierpagina, inzage_vastleggen, persoon_openen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.banen import forms, selectors, services
from meedoen.werk.banen.views._basis import DOEL

VASTLEGGEN = "vastleggen"


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def nieuw(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    if not services.recht_op_werk_aangeboden(gemeente_id=persoon.gemeente_id):
        return render(request, "werk/banen/contract_niet_aangeboden.html", {"persoon": persoon})
    vandaag = timezone.localdate()
    form = forms.ContractForm(
        request.POST or None,
        plaatsingen=selectors.lopende_plaatsingen_voor_contract(persoon=persoon, vandaag=vandaag),
    )
    vergelijking = None
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("actie") == VASTLEGGEN:
                contract = services.contract_aanmaken(
                    actor=request.actor, persoon=persoon, **form.gegevens()
                )
                messages.success(request, _("Het arbeidscontract is vastgelegd."))
                return redirect("werk:banen_contract", contract_uuid=contract.pk)
            _bruto, vergelijking = services.contract_doorrekenen(
                actor=request.actor, persoon=persoon, **form.gegevens()
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
    return render(
        request,
        "werk/banen/contract_nieuw.html",
        {"persoon": persoon, "form": form, "vergelijking": vergelijking},
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_LEZEN)
def detail(request, contract_uuid):
    contract = of_404(selectors.contract, actor=request.actor, contract_id=contract_uuid)
    inzage_vastleggen(request, contract.persoon, doel=DOEL)
    return render(
        request,
        "werk/banen/contract.html",
        {
            "contract": contract,
            "persoon": contract.persoon,
            "vergelijking": contract.inkomensvergelijking,
            "mag_beheren": request.actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN),
        },
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def beeindigen(request, contract_uuid):
    contract = of_404(selectors.contract, actor=request.actor, contract_id=contract_uuid)
    inzage_vastleggen(request, contract.persoon, doel=DOEL)
    form = forms.ContractBeeindigenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contract_beeindigen(
                actor=request.actor, contract=contract, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request, _("Het contract en de plaatsing die erbij hoort zijn beëindigd.")
            )
            return redirect("werk:banen_contract", contract_uuid=contract.pk)
    return formulierpagina(
        request,
        titel=_("Arbeidscontract beëindigen"),
        intro=_(
            "Heeft de inwoner werk gevonden buiten de gemeente? Kies dan 'extern werk'. "
            "De plaatsing die bij het contract hoort stopt op dezelfde dag."
        ),
        form=form,
        persoon=contract.persoon,
        submit=_("Beëindigen"),
    )
