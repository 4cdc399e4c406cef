"""Resident pages: search, dossier, registration, personal details and household changes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.clients import forms, selectors, services
from meedoen.core.forms import fouten_naar_form
from meedoen.core.panels import panels_voor
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid

DOEL_DOSSIER = "dossierinzage"
DOEL_WIJZIGEN = "gegevens wijzigen"


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_LEZEN)
def zoeken(request):
    """Search-as-you-type posts the term (a BSN never goes into a URL); without JavaScript the
    same form posts the whole page."""
    form = forms.ZoekForm(request.POST or None)
    resultaten = None
    if request.method == "POST" and form.is_valid() and form.cleaned_data["q"].strip():
        resultaten = selectors.personen_zoeken(actor=request.actor, zoekterm=form.cleaned_data["q"])
    context = {"form": form, "resultaten": resultaten}
    if request.headers.get("HX-Request"):
        return render(request, "clients/_zoekresultaten.html", context)
    return render(request, "clients/zoeken.html", context)


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_LEZEN)
def dossier(request, persoon_uuid):
    persoon = of_404(
        selectors.persoon_dossier, actor=request.actor, persoon_id=persoon_uuid, doel=DOEL_DOSSIER
    )
    panels = [
        {"panel": panel, "context": panel.context(actor=request.actor, persoon=persoon)}
        for panel in panels_voor(request.actor)
    ]
    return render(request, "clients/dossier.html", {"persoon": persoon, "panels": panels})


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def registreren(request):
    """Register a new resident; with ?huishouden=<uuid> the person joins that household."""
    huishouden = None
    if huishouden_id := request.GET.get("huishouden"):
        huishouden = of_404(selectors.huishouden, actor=request.actor, huishouden_id=huishouden_id)
    gemeenten = request.actor.organisatie.gemeenten.filter(pk__in=request.actor.gemeente_ids)
    if huishouden is not None:
        gemeenten = gemeenten.filter(pk=huishouden.gemeente_id)
    form = forms.RegistratieForm(request.POST or None, gemeenten=gemeenten)
    lid_form = forms.NieuwLidForm(request.POST or None, prefix="lid") if huishouden else None
    if request.method == "POST" and form.is_valid() and (lid_form is None or lid_form.is_valid()):
        gegevens = dict(form.cleaned_data)
        gemeente = gegevens.pop("gemeente")
        extra = lid_form.cleaned_data if lid_form else {}
        try:
            persoon = services.persoon_registreren(
                actor=request.actor,
                gemeente=gemeente,
                gegevens=gegevens,
                huishouden=huishouden,
                **extra,
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De inwoner is geregistreerd."))
            return redirect("clients:dossier", persoon_uuid=persoon.pk)
    return render(
        request,
        "clients/registreren.html",
        {"form": form, "lid_form": lid_form, "huishouden": huishouden},
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def persoon_wijzigen(request, persoon_uuid):
    if request.method == "POST":
        persoon = of_404(selectors.persoon, actor=request.actor, persoon_id=persoon_uuid)
    else:
        persoon = of_404(
            selectors.persoon_dossier,
            actor=request.actor,
            persoon_id=persoon_uuid,
            doel=DOEL_WIJZIGEN,
        )
    form = forms.PersoonForm(request.POST or None, instance=persoon)
    if request.method == "POST" and form.is_valid():
        try:
            services.persoon_wijzigen(
                actor=request.actor, persoon=persoon, gegevens=form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De gegevens zijn opgeslagen."))
            return redirect("clients:dossier", persoon_uuid=persoon.pk)
    return render(request, "clients/persoon_wijzigen.html", {"form": form, "persoon": persoon})


def _huishouden_pagina(request, huishouden, *, toevoegen_form=None, fout_form=None):
    """The household page; a form that failed validation is shown again, open, with its errors.
    Each member gets forms with their own prefix so field ids stay unique on the page."""
    rijen = []
    for lid in selectors.samenstelling_op(huishouden=huishouden, datum=timezone.localdate()):
        lid_forms = {
            "einde_form": forms.BeeindigForm(prefix=f"einde-{lid.pk}"),
            "rol_form": forms.RolWijzigForm(prefix=f"rol-{lid.pk}"),
        }
        for naam, form in lid_forms.items():
            if fout_form is not None and fout_form.prefix == form.prefix:
                lid_forms[naam] = fout_form
        rijen.append({"lid": lid, **lid_forms})
    context = {
        "huishouden": huishouden,
        "rijen": rijen,
        "fout_prefix": fout_form.prefix if fout_form is not None else None,
        "geschiedenis": selectors.geschiedenis(huishouden=huishouden),
        "toevoegen_form": toevoegen_form or forms.BestaandLidForm(prefix="toevoegen"),
    }
    return render(request, "clients/huishouden.html", context)


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def huishouden(request, huishouden_uuid):
    gevonden = of_404(selectors.huishouden, actor=request.actor, huishouden_id=huishouden_uuid)
    return _huishouden_pagina(request, gevonden)


@require_POST
@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def lid_toevoegen(request, huishouden_uuid):
    gevonden = of_404(selectors.huishouden, actor=request.actor, huishouden_id=huishouden_uuid)
    form = forms.BestaandLidForm(request.POST, prefix="toevoegen")
    if form.is_valid():
        data = form.cleaned_data
        persoon = (
            selectors.personen(actor=request.actor)
            .filter(gemeente=gevonden.gemeente, bsn=data["bsn"])
            .first()
        )
        if persoon is None:
            form.add_error("bsn", _("Er is geen inwoner met dit BSN in deze gemeente."))
        else:
            try:
                services.lid_toevoegen(
                    actor=request.actor,
                    huishouden=gevonden,
                    persoon=persoon,
                    rol=data["rol"],
                    per=data["per"],
                    reden=data["reden"],
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De inwoner is toegevoegd aan het huishouden."))
                return redirect("clients:huishouden", huishouden_uuid=gevonden.pk)
    return _huishouden_pagina(request, gevonden, toevoegen_form=form)


def _lidmaatschap_in_huishouden(request, huishouden_uuid, lidmaatschap_uuid):
    lid = of_404(selectors.lidmaatschap, actor=request.actor, lidmaatschap_id=lidmaatschap_uuid)
    if lid.huishouden_id != huishouden_uuid:
        raise Http404
    return lid


@require_POST
@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def lid_beeindigen(request, huishouden_uuid, lidmaatschap_uuid):
    lid = _lidmaatschap_in_huishouden(request, huishouden_uuid, lidmaatschap_uuid)
    form = forms.BeeindigForm(request.POST, prefix=f"einde-{lid.pk}")
    if form.is_valid():
        try:
            services.lidmaatschap_beeindigen(
                actor=request.actor, lidmaatschap=lid, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het huishouden is bijgewerkt."))
            return redirect("clients:huishouden", huishouden_uuid=lid.huishouden_id)
    return _huishouden_pagina(request, lid.huishouden, fout_form=form)


@require_POST
@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def rol_wijzigen(request, huishouden_uuid, lidmaatschap_uuid):
    lid = _lidmaatschap_in_huishouden(request, huishouden_uuid, lidmaatschap_uuid)
    form = forms.RolWijzigForm(request.POST, prefix=f"rol-{lid.pk}")
    if form.is_valid():
        try:
            services.rol_wijzigen(actor=request.actor, lidmaatschap=lid, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De rol is gewijzigd."))
            return redirect("clients:huishouden", huishouden_uuid=lid.huishouden_id)
    return _huishouden_pagina(request, lid.huishouden, fout_form=form)
