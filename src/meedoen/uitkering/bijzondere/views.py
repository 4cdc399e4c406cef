"""Bijzondere bijstand: requests from the dossier, the worklist, one request with its
draagkracht calculation and decision, the evidence and the letter."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients.toegang import inzage_vastleggen, persoon_openen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.bijzondere import forms, selectors, services
from meedoen.uitkering.bijzondere.bestanden import CONTENT_TYPES, extensie
from meedoen.uitkering.documenten import brief_downloaden

DOEL = "bijzondere bijstand"
PER_PAGINA = 50


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def lijst(request):
    pagina = Paginator(selectors.te_beslissen(actor=request.actor), PER_PAGINA).get_page(
        request.GET.get("page")
    )
    return render(request, "uitkering/bijzondere/lijst.html", {"page": pagina})


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def nieuw(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    categorieen = selectors.kiesbare_categorieen(
        actor=request.actor, gemeente_id=persoon.gemeente_id
    )
    if request.method == "POST":
        form = forms.AanvraagForm(request.POST, request.FILES, categorieen=categorieen)
        if form.is_valid():
            try:
                aanvraag = services.aanvraag_registreren(
                    actor=request.actor, persoon=persoon, **form.gegevens()
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(
                    request,
                    _("De aanvraag is vastgelegd. Bekijk de berekening en neem een besluit."),
                )
                return redirect("uitkering:bijzondere_detail", bijzondere_uuid=aanvraag.pk)
    else:
        beginwaarden = selectors.beginwaarden(persoon=persoon)
        initial = {"ingediend_op": timezone.localdate()} | {
            k: v for k, v in beginwaarden.items() if k in ("iban", "tenaamstelling")
        }
        if "inkomen_cent" in beginwaarden:
            initial["inkomen"] = Decimal(beginwaarden["inkomen_cent"]) / 100
        form = forms.AanvraagForm(initial=initial, categorieen=categorieen)
    return render(
        request,
        "uitkering/bijzondere/nieuw.html",
        {"persoon": persoon, "form": form, "geen_categorieen": not categorieen.exists()},
    )


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def detail(request, bijzondere_uuid):
    gevonden = of_404(selectors.aanvraag, actor=request.actor, aanvraag_id=bijzondere_uuid)
    inzage_vastleggen(request, gevonden.persoon, doel=DOEL)
    form = None
    if gevonden.status == gevonden.Status.INGEDIEND:
        form = forms.BeslissingForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.beslissen(actor=request.actor, aanvraag=gevonden, **form.cleaned_data)
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("Het besluit is vastgelegd en de brief is gemaakt."))
                return redirect("uitkering:bijzondere_detail", bijzondere_uuid=gevonden.pk)
    elif request.method == "POST":
        messages.error(request, _("Over deze aanvraag is al beslist."))
        return redirect("uitkering:bijzondere_detail", bijzondere_uuid=gevonden.pk)
    return render(
        request,
        "uitkering/bijzondere/detail.html",
        {
            "aanvraag": gevonden,
            "persoon": gevonden.persoon,
            "draagkracht": gevonden.draagkracht,
            "form": form,
            "brief": selectors.brief_van(aanvraag=gevonden),
        },
    )


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def bewijs(request, bijzondere_uuid):
    gevonden = of_404(selectors.aanvraag, actor=request.actor, aanvraag_id=bijzondere_uuid)
    if not gevonden.bewijs:
        raise Http404
    inzage_vastleggen(request, gevonden.persoon, doel=DOEL)
    ext = extensie(gevonden.bewijs.name)
    return FileResponse(
        gevonden.bewijs.open("rb"),
        as_attachment=True,
        filename=f"bewijs-bijzondere-bijstand{ext}",
        content_type=CONTENT_TYPES.get(ext, "application/octet-stream"),
    )


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def brief(request, bijzondere_uuid):
    gevonden = of_404(selectors.aanvraag, actor=request.actor, aanvraag_id=bijzondere_uuid)
    document = selectors.brief_van(aanvraag=gevonden)
    if document is None:
        raise Http404
    naam = f"besluit-bijzondere-bijstand-{gevonden.ingediend_op:%Y-%m-%d}.pdf"
    return brief_downloaden(request, document, bestandsnaam=naam)
