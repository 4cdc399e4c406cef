"""Bijzondere bijstand: requests from the dossier, the worklists (to decide, to approve), one
request with its draagkracht calculation, decision and approval, the evidence and the letter."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.clients.toegang import inzage_vastleggen, persoon_openen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.bijzondere import accorderen, forms, selectors, services
from meedoen.uitkering.bijzondere.beheer import vier_ogen_grens_cent
from meedoen.uitkering.bijzondere.bestanden import CONTENT_TYPES, extensie
from meedoen.uitkering.documenten import brief_downloaden

DOEL = "bijzondere bijstand"
PER_PAGINA = 50
BEHANDELEN = Bevoegdheid.UITKERING_BEHANDELEN
ACCORDEREN = Bevoegdheid.UITKERING_ACCORDEREN


@bevoegdheid_vereist(BEHANDELEN, ACCORDEREN)
def lijst(request):
    pagina = None
    if request.actor.mag(BEHANDELEN):
        pagina = Paginator(selectors.te_beslissen(actor=request.actor), PER_PAGINA).get_page(
            request.GET.get("page")
        )
    te_accorderen = None
    if request.actor.mag(ACCORDEREN):
        te_accorderen = list(selectors.te_accorderen(actor=request.actor))
    return render(
        request,
        "uitkering/bijzondere/lijst.html",
        {"page": pagina, "te_accorderen": te_accorderen},
    )


@bevoegdheid_vereist(BEHANDELEN)
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


def _besluit_form(request, aanvraag, onderdeel):
    """The decision form for an undecided request (None otherwise); bound when posted."""
    if aanvraag.status != aanvraag.Status.INGEDIEND or not request.actor.mag(BEHANDELEN):
        return None
    return forms.BeslissingForm(request.POST if onderdeel == "besluit" else None)


def _verwerk(request, aanvraag, onderdeel, form) -> str | None:
    """Carry out the posted part; the success message, or None (errors are on the form)."""
    if not form.is_valid():
        return None
    try:
        if onderdeel == "besluit":
            gedaan = services.beslissen(actor=request.actor, aanvraag=aanvraag, **form.gegevens())
            if gedaan.status == gedaan.Status.WACHT_OP_ACCORDERING:
                return _("Het besluit is vastgelegd. Een collega moet het nog accorderen.")
            return _("Het besluit is vastgelegd en de brief is gemaakt.")
        if onderdeel == "accorderen":
            accorderen.accorderen(
                actor=request.actor,
                aanvraag=aanvraag,
                toelichting=form.cleaned_data["toelichting"],
            )
            return _("Het besluit is geaccordeerd en de brief is gemaakt.")
        accorderen.terugsturen(
            actor=request.actor, aanvraag=aanvraag, reden=form.cleaned_data["reden"]
        )
        return _("Het besluit is teruggestuurd naar de consulent.")
    except ValidationError as exc:
        fouten_naar_form(form, exc)
        return None


@bevoegdheid_vereist(BEHANDELEN, ACCORDEREN)
def detail(request, bijzondere_uuid):
    gevonden = of_404(selectors.aanvraag, actor=request.actor, aanvraag_id=bijzondere_uuid)
    inzage_vastleggen(request, gevonden.persoon, doel=DOEL)
    onderdeel = request.POST.get("onderdeel", "besluit") if request.method == "POST" else None
    form = _besluit_form(request, gevonden, onderdeel)
    accorderen_form = forms.AccorderenForm(
        request.POST if onderdeel == "accorderen" else None, prefix="accorderen"
    )
    terugsturen_form = forms.TerugsturenForm(
        request.POST if onderdeel == "terugsturen" else None, prefix="terugsturen"
    )
    wacht = gevonden.status == gevonden.Status.WACHT_OP_ACCORDERING
    if onderdeel is not None:
        if onderdeel in ("accorderen", "terugsturen"):
            request.actor.vereis(ACCORDEREN)
            posted = accorderen_form if onderdeel == "accorderen" else terugsturen_form
        elif onderdeel == "besluit" and form is not None:
            posted = form
        else:
            request.actor.vereis(BEHANDELEN)
            messages.error(
                request,
                _("Er wacht al een besluit op accordering door een collega.")
                if wacht
                else _("Over deze aanvraag is al beslist."),
            )
            return redirect("uitkering:bijzondere_detail", bijzondere_uuid=gevonden.pk)
        tekst = _verwerk(request, gevonden, onderdeel, posted)
        if tekst:
            messages.success(request, tekst)
            return redirect("uitkering:bijzondere_detail", bijzondere_uuid=gevonden.pk)
    return render(
        request,
        "uitkering/bijzondere/detail.html",
        {
            "aanvraag": gevonden,
            "persoon": gevonden.persoon,
            "draagkracht": gevonden.draagkracht,
            "niet_berekend": selectors.berekening_niet_mogelijk(aanvraag=gevonden)
            if gevonden.status == gevonden.Status.INGEDIEND
            else None,
            "vier_ogen_grens_cent": vier_ogen_grens_cent(gevonden.gemeente_id),
            "form": form,
            "mag_berekenen": gevonden.status == gevonden.Status.INGEDIEND
            and request.actor.mag(BEHANDELEN),
            "mag_accorderen": wacht
            and request.actor.mag(ACCORDEREN)
            and gevonden.beslist_door_id != request.user.pk,
            "eigen_besluit_wacht": wacht and gevonden.beslist_door_id == request.user.pk,
            "accorderen": accorderen_form,
            "terugsturen": terugsturen_form,
            "brief": selectors.brief_van(aanvraag=gevonden),
        },
    )


@require_POST
@bevoegdheid_vereist(BEHANDELEN)
def berekenen(request, bijzondere_uuid):
    """Calculate the draagkracht (again), e.g. once the month's legal amounts are there."""
    gevonden = of_404(selectors.aanvraag, actor=request.actor, aanvraag_id=bijzondere_uuid)
    try:
        services.draagkracht_berekenen(actor=request.actor, aanvraag=gevonden)
    except ValidationError as exc:
        for melding in exc.messages:
            messages.error(request, melding)
    else:
        messages.success(request, _("De draagkracht is berekend."))
    return redirect("uitkering:bijzondere_detail", bijzondere_uuid=gevonden.pk)


@bevoegdheid_vereist(BEHANDELEN, ACCORDEREN)
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


@bevoegdheid_vereist(BEHANDELEN, ACCORDEREN)
def brief(request, bijzondere_uuid):
    gevonden = of_404(selectors.aanvraag, actor=request.actor, aanvraag_id=bijzondere_uuid)
    document = selectors.brief_van(aanvraag=gevonden)
    if document is None:
        raise Http404
    naam = f"besluit-bijzondere-bijstand-{gevonden.ingediend_op:%Y-%m-%d}.pdf"
    return brief_downloaden(request, document, bestandsnaam=naam)
