from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from meedoen.core.permissions import bevoegdheid_vereist, gemeenten_van, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.werkgevers import forms, importeren, selectors


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def uploaden(request):
    form = forms.ImportForm(
        request.POST or None, request.FILES or None, gemeenten=gemeenten_van(request.actor)
    )
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            gecontroleerd = importeren.vacatures_controleren(
                actor=request.actor,
                gemeente=form.cleaned_data["gemeente"],
                inhoud=bestand.read(),
                bestandsnaam=bestand.name,
            )
        except ValidationError as exc:
            form.add_error("bestand", exc.messages)
        else:
            return redirect("werk:werkgevers_import_controle", vacatureimport_uuid=gecontroleerd.pk)
    return render(request, "werk/werkgevers/import.html", {"form": form})


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def controle(request, vacatureimport_uuid):
    gevonden = of_404(
        selectors.vacatureimport, actor=request.actor, vacatureimport_id=vacatureimport_uuid
    )
    if request.method == "POST":
        try:
            gevonden = importeren.vacatures_importeren(actor=request.actor, vacatureimport=gevonden)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("%(aantal)s vacatures zijn ingelezen.") % {"aantal": gevonden.aantal_ingelezen},
            )
        return redirect("werk:werkgevers_import_controle", vacatureimport_uuid=gevonden.pk)
    return render(request, "werk/werkgevers/import_controle.html", {"bestand": gevonden})
