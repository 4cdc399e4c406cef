"""A resident's new account for the payments from a chosen month."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from meedoen.clients.toegang import persoon_openen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.betalingen import maanden, rekening
from meedoen.uitkering.betalingen.forms import RekeningForm
from meedoen.uitkering.betalingen.views_voorstellen import standaardmaand


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def rekening_wijzigen(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=rekening.DOEL)
    huidig = rekening.huidige_rekening(persoon=persoon)
    form = RekeningForm(
        request.POST or None,
        initial={
            "tenaamstelling": huidig[1] if huidig else persoon.volledige_naam,
            "vanaf": maanden.plus(standaardmaand(), 1),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            rekening.rekening_wijzigen(actor=request.actor, persoon=persoon, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                _("Het nieuwe rekeningnummer geldt vanaf de betaling over %(maand)s.")
                % {"maand": maanden.maandnaam(maanden.maand_van(form.cleaned_data["vanaf"]))},
            )
            return redirect("clients:dossier", persoon.pk)
    return render(
        request,
        "uitkering/betalingen/rekening.html",
        {"persoon": persoon, "form": form, "huidig": huidig},
    )
