"""The resident's work profile: read with DOSSIER_LEZEN, edit with MATCHEN (the services check
it; a reader without MATCHEN sees the profile without forms)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.clients.toegang import inzage_vastleggen, persoon_openen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.werk import taxonomie
from meedoen.werk.profiel import forms, selectors, services
from meedoen.werk.taxonomie.formvelden import formulier_maken

DOEL = services.DOEL


def _lang() -> str:
    return (get_language() or "nl")[:2]


@bevoegdheid_vereist(Bevoegdheid.MATCHEN, Bevoegdheid.DOSSIER_LEZEN)
def profiel(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    huidig = selectors.werkprofiel(persoon=persoon)
    mag_bewerken = request.actor.mag(Bevoegdheid.MATCHEN)
    voorinvulling = selectors.voorinvulling(persoon=persoon) if huidig is None else None
    initial = voorinvulling.initial if voorinvulling else None
    form, _gezocht = formulier_maken(
        forms.WerkprofielForm, request, instance=huidig, initial=initial
    )
    if request.method == "POST" and not _gezocht and form.is_valid():
        try:
            services.werkprofiel_opslaan(
                actor=request.actor, persoon=persoon, gegevens=form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het werkprofiel is opgeslagen."))
            return redirect("werk:profiel_inwoner", persoon_uuid=persoon.pk)
    return render(
        request,
        "werk/profiel/profiel.html",
        {
            "persoon": persoon,
            "profiel": huidig,
            "form": form,
            "ervaring_form": forms.WerkervaringForm(prefix="ervaring"),
            "ervaringen": selectors.ervaringen(profiel=huidig, lang=_lang()),
            "voorinvulling": voorinvulling,
            "mag_bewerken": mag_bewerken,
            "vaardigheden": selectors.labels(huidig.vaardigheden if huidig else [], _lang()),
            "wens_beroepen": selectors.labels(huidig.wens_beroepen if huidig else [], _lang()),
            "nogo_beroepen": selectors.labels(huidig.nogo_beroepen if huidig else [], _lang()),
        },
    )


@require_POST
@bevoegdheid_vereist(Bevoegdheid.MATCHEN)
def ervaring_toevoegen(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    huidig = selectors.werkprofiel(persoon=persoon)
    form = forms.WerkervaringForm(request.POST, prefix="ervaring")
    if huidig is None:
        messages.error(request, _("Sla eerst het werkprofiel op."))
        return redirect("werk:profiel_inwoner", persoon_uuid=persoon.pk)
    if not form.is_valid():
        messages.error(
            request,
            _("De werkervaring is niet toegevoegd: vul de functie en het aantal jaren in."),
        )
        return redirect("werk:profiel_inwoner", persoon_uuid=persoon.pk)
    try:
        ervaring = services.werkervaring_toevoegen(
            actor=request.actor, profiel=huidig, **form.cleaned_data
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("werk:profiel_inwoner", persoon_uuid=persoon.pk)
    if ervaring.beroep:
        messages.success(
            request,
            _("Toegevoegd. We denken: %(beroep)s. Klopt dat niet? Kies een ander beroep.")
            % {"beroep": taxonomie.label(ervaring.beroep, _lang())},
        )
        return redirect("werk:profiel_inwoner", persoon_uuid=persoon.pk)
    messages.info(request, _("Toegevoegd. Kies nu het beroep dat past."))
    return redirect("werk:profiel_ervaring", werkervaring_uuid=ervaring.pk)


@bevoegdheid_vereist(Bevoegdheid.MATCHEN)
def ervaring(request, werkervaring_uuid):
    gevonden = of_404(
        selectors.werkervaring, actor=request.actor, werkervaring_id=werkervaring_uuid
    )
    persoon = gevonden.profiel.persoon
    inzage_vastleggen(request, persoon, doel=DOEL)
    koppeling = taxonomie.koppel_functietitel(
        request.POST.get("functietitel", gevonden.functietitel)
    )
    form, gezocht = formulier_maken(
        forms.BeroepKiezenForm,
        request,
        initial={
            "functietitel": gevonden.functietitel,
            "jaren": gevonden.jaren,
            "beroep": gevonden.beroep or koppeling.gekozen or "",
        },
        voorstellen={"beroep": [k.code for k in koppeling.kandidaten]},
    )
    if request.method == "POST" and not gezocht and form.is_valid():
        try:
            services.werkervaring_wijzigen(
                actor=request.actor, ervaring=gevonden, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het beroep is vastgelegd."))
            return redirect("werk:profiel_inwoner", persoon_uuid=persoon.pk)
    return render(
        request,
        "werk/profiel/ervaring.html",
        {"persoon": persoon, "ervaring": gevonden, "koppeling": koppeling, "form": form},
    )


@require_POST
@bevoegdheid_vereist(Bevoegdheid.MATCHEN)
def ervaring_verwijderen(request, werkervaring_uuid):
    gevonden = of_404(
        selectors.werkervaring, actor=request.actor, werkervaring_id=werkervaring_uuid
    )
    persoon_id = gevonden.profiel.persoon_id
    services.werkervaring_verwijderen(actor=request.actor, ervaring=gevonden)
    messages.success(request, _("De werkervaring is verwijderd."))
    return redirect("werk:profiel_inwoner", persoon_uuid=persoon_id)
