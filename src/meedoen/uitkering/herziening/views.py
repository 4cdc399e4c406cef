"""Herzieningen: the worklist, the check of paid months, one herziening with its decision,
and the letter."""

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from meedoen.clients.toegang import inzage_vastleggen
from meedoen.core.forms import fouten_naar_form, naar_cent
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.betalingen.maanden import maandnaam
from meedoen.uitkering.documenten import brief_downloaden
from meedoen.uitkering.herziening import (
    beslissen,
    forms,
    regeling,
    selectors,
    services,
    terugbetalingen,
)
from meedoen.uitkering.herziening import brief as herzieningsbrief
from meedoen.uitkering.herziening.beslissen import Terugbetaalregeling
from meedoen.uitkering.models import Document, Terugvordering

DOEL = "herziening"
PER_PAGINA = 50


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def lijst(request):
    open_ = selectors.te_beslissen(actor=request.actor)
    pagina = Paginator(open_, PER_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        "uitkering/herziening/lijst.html",
        {"page": pagina, "zoekform": forms.ZoekenForm()},
    )


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def zoeken(request):
    form = forms.ZoekenForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["maand"][0])
        return redirect("uitkering:herziening_lijst")
    resultaat = services.herzieningen_zoeken(actor=request.actor, maand=form.cleaned_data["maand"])
    messages.success(
        request,
        ngettext(
            "%(aantal)d betaalde maand gecontroleerd.",
            "%(aantal)d betaalde maanden gecontroleerd.",
            resultaat.gecontroleerd,
        )
        % {"aantal": resultaat.gecontroleerd}
        + " "
        + ngettext(
            "%(nieuw)d nieuwe herziening voorgesteld.",
            "%(nieuw)d nieuwe herzieningen voorgesteld.",
            len(resultaat.nieuw),
        )
        % {"nieuw": len(resultaat.nieuw)},
    )
    for voorstel, melding in resultaat.overgeslagen:
        messages.warning(
            request,
            _("%(maand)s kon niet opnieuw worden berekend: %(melding)s")
            % {"maand": voorstel.maand.strftime("%m-%Y"), "melding": melding},
        )
    return redirect("uitkering:herziening_lijst")


def _euro(cent: int | None) -> Decimal | None:
    return None if cent is None else Decimal(cent) / 100


def _uitkering_volgende_maand(herziening) -> bool:
    return regeling.uitkering_in(
        huishouden=herziening.huishouden,
        maand=regeling.volgende_betaalmaand(huishouden=herziening.huishouden),
    )


def _initial(herziening) -> dict:
    vandaag = timezone.localdate()
    volgende = (vandaag.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    # No benefit to deduct from (usually: the resident works again): offer zelf betalen.
    wijze = (
        Terugvordering.Wijze.VERREKENEN
        if _uitkering_volgende_maand(herziening)
        else Terugvordering.Wijze.ZELF_BETALEN
    )
    return {
        "bedrag": Decimal(herziening.verschil_cent) / 100,
        "eerste_maand": volgende,
        "wijze": wijze,
    }


def _correcties(stand, correctie_form):
    """A correction form for every payment that can still be reversed; the posted one (with
    its errors) where it belongs. Each gets its own element ids."""
    paren = []
    for betaling in stand.terugbetalingen:
        if betaling.bedrag_cent < 0 or getattr(betaling, "correctie", None) is not None:
            continue
        if correctie_form is not None and correctie_form.data.get("correctie-terugbetaling") == str(
            betaling.pk
        ):
            form = correctie_form
        else:
            form = forms.CorrectieForm(
                prefix="correctie",
                initial={"terugbetaling": betaling.pk},
                auto_id=f"id_correctie_{betaling.pk.hex[:8]}_%s",
            )
        paren.append((betaling, form))
    return dict(paren)


def _tonen(
    request,
    gevonden,
    *,
    form=None,
    regeling_form=None,
    kwijtschelden_form=None,
    betaling_form=None,
    correctie_form=None,
):
    te_veel = gevonden.verschil_cent > 0
    stand = selectors.terugvordering_van(herziening=gevonden)
    correcties = {}
    if stand is not None and stand.terugvordering.status == stand.terugvordering.Status.LOPEND:
        t = stand.terugvordering
        wijze = t.wijze
        if wijze == t.Wijze.VERREKENEN and not _uitkering_volgende_maand(gevonden):
            wijze = t.Wijze.ZELF_BETALEN  # the benefit ended: offer paying it oneself
        regeling_form = regeling_form or forms.RegelingWijzigenForm(
            prefix="regeling",
            initial={
                "wijze": wijze,
                "aflossing_per_maand": _euro(t.aflossing_per_maand_cent),
                "beslagvrije_voet": _euro(t.beslagvrije_voet_cent),
                "inkomen_per_maand": _euro(t.inkomen_per_maand_cent),
            },
        )
        kwijtschelden_form = kwijtschelden_form or forms.KwijtscheldenForm(prefix="kwijtschelden")
        betaling_form = betaling_form or forms.TerugbetalingForm(prefix="betaling")
    else:
        regeling_form = kwijtschelden_form = betaling_form = None
    if stand is not None and stand.terugvordering.status != Terugvordering.Status.KWIJTGESCHOLDEN:
        correcties = _correcties(stand, correctie_form)
    return render(
        request,
        "uitkering/herziening/detail.html",
        {
            "herziening": gevonden,
            "persoon": gevonden.persoon,
            "form": form,
            "te_veel": te_veel,
            "stand": stand,
            "regeling_form": regeling_form,
            "kwijtschelden_form": kwijtschelden_form,
            "betaling_form": betaling_form,
            "correcties": correcties,
            "brief": selectors.brief_van(herziening=gevonden),
            "brieven": selectors.brieven_van(
                herziening=gevonden, terugvordering=stand.terugvordering if stand else None
            ),
            "maandbedrag": regeling.maandbedrag_cent(huishouden=gevonden.huishouden),
            **selectors.nabetaling_stand(gevonden),
            "uitkering_nu": _uitkering_volgende_maand(gevonden),
            "stappen": (gevonden.berekening.get("nieuw") or {}).get("explanation", []),
        },
    )


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def detail(request, herziening_uuid):
    gevonden = of_404(selectors.herziening, actor=request.actor, herziening_id=herziening_uuid)
    inzage_vastleggen(request, gevonden.persoon, doel=DOEL)
    te_veel = gevonden.verschil_cent > 0
    form = None
    if gevonden.status == gevonden.Status.VOORGESTELD:
        form = forms.BeslissingForm(
            request.POST if request.method == "POST" else None,
            te_veel=te_veel,
            initial=_initial(gevonden) if te_veel else {},
        )
        if request.method == "POST" and form.is_valid() and _beslissen(request, gevonden, form):
            messages.success(request, _("Het besluit over de herziening is vastgelegd."))
            return redirect("uitkering:herziening_detail", herziening_uuid=gevonden.pk)
    elif request.method == "POST":
        messages.error(request, _("Over deze herziening is al beslist."))
        return redirect("uitkering:herziening_detail", herziening_uuid=gevonden.pk)
    return _tonen(request, gevonden, form=form)


def _lopende_terugvordering(request, herziening_uuid):
    gevonden = of_404(selectors.herziening, actor=request.actor, herziening_id=herziening_uuid)
    stand = selectors.terugvordering_van(herziening=gevonden)
    if stand is None:
        raise Http404
    return gevonden, stand.terugvordering


def _nog_herberekenen(request, terugvordering) -> None:
    for maand in regeling.nog_te_herberekenen(terugvordering=terugvordering):
        messages.warning(
            request,
            _(
                "Het betaalvoorstel over %(maand)s is al berekend met de oude regeling. Laat "
                "het opnieuw berekenen, dan telt de wijziging ook voor die maand."
            )
            % {"maand": maandnaam(maand)},
        )


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def regeling_wijzigen(request, herziening_uuid):
    gevonden, terugvordering = _lopende_terugvordering(request, herziening_uuid)
    form = forms.RegelingWijzigenForm(request.POST, prefix="regeling")
    if form.is_valid():
        data = form.cleaned_data
        try:
            regeling.regeling_wijzigen(
                actor=request.actor,
                terugvordering=terugvordering,
                wijze=data.get("wijze") or None,
                aflossing_per_maand_cent=naar_cent(data["aflossing_per_maand"]),
                beslagvrije_voet_cent=naar_cent(data["beslagvrije_voet"]),
                inkomen_per_maand_cent=_cent_of_niets(data.get("inkomen_per_maand")),
                toelichting=data["toelichting"],
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De terugbetaalregeling is gewijzigd."))
            _nog_herberekenen(request, terugvordering)
            return redirect("uitkering:herziening_detail", herziening_uuid=gevonden.pk)
    return _tonen(request, gevonden, regeling_form=form)


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def kwijtschelden(request, herziening_uuid):
    gevonden, terugvordering = _lopende_terugvordering(request, herziening_uuid)
    form = forms.KwijtscheldenForm(request.POST, prefix="kwijtschelden")
    if form.is_valid():
        try:
            regeling.rest_kwijtschelden(
                actor=request.actor,
                terugvordering=terugvordering,
                toelichting=form.cleaned_data["toelichting"],
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                _(
                    "De rest van de terugvordering is kwijtgescholden. Er wordt niets meer "
                    "ingehouden."
                ),
            )
            _nog_herberekenen(request, terugvordering)
            return redirect("uitkering:herziening_detail", herziening_uuid=gevonden.pk)
    return _tonen(request, gevonden, kwijtschelden_form=form)


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def terugbetaling(request, herziening_uuid):
    """Record a payment the resident made to the gemeente."""
    gevonden, terugvordering = _lopende_terugvordering(request, herziening_uuid)
    form = forms.TerugbetalingForm(request.POST, prefix="betaling")
    if form.is_valid():
        data = form.cleaned_data
        try:
            terugbetalingen.terugbetaling_registreren(
                actor=request.actor,
                terugvordering=terugvordering,
                ontvangen_op=data["ontvangen_op"],
                bedrag_cent=naar_cent(data["bedrag"]),
                toelichting=data["toelichting"],
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            terugvordering.refresh_from_db()
            if terugvordering.status == Terugvordering.Status.AFGELOST:
                messages.success(
                    request,
                    _(
                        "De betaling is vastgelegd. Alles is terugbetaald: de terugvordering is "
                        "afgelost."
                    ),
                )
            else:
                messages.success(request, _("De betaling is vastgelegd."))
            return redirect("uitkering:herziening_detail", herziening_uuid=gevonden.pk)
    return _tonen(request, gevonden, betaling_form=form)


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def terugbetaling_corrigeren(request, herziening_uuid):
    """Undo a recorded payment with a reversing entry."""
    gevonden, terugvordering = _lopende_terugvordering(request, herziening_uuid)
    form = forms.CorrectieForm(
        request.POST,
        prefix="correctie",
        auto_id=f"id_correctie_{str(request.POST.get('correctie-terugbetaling', ''))[:8]}_%s",
    )
    if form.is_valid():
        betaling = terugvordering.terugbetalingen.filter(
            pk=form.cleaned_data["terugbetaling"]
        ).first()
        if betaling is None:
            raise Http404
        try:
            terugbetalingen.terugbetaling_corrigeren(
                actor=request.actor,
                terugbetaling=betaling,
                toelichting=form.cleaned_data["toelichting"],
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                _("De betaling is gecorrigeerd. Het bedrag telt niet meer als terugbetaald."),
            )
            return redirect("uitkering:herziening_detail", herziening_uuid=gevonden.pk)
    return _tonen(request, gevonden, correctie_form=form)


def _cent_of_niets(bedrag: Decimal | None) -> int | None:
    return None if bedrag is None else naar_cent(bedrag)


def _beslissen(request, herziening, form) -> bool:
    data = form.cleaned_data
    regeling = None
    if data["besluit"] == beslissen.Beslissing.TERUGVORDEREN:
        regeling = Terugbetaalregeling(
            bedrag_cent=naar_cent(data["bedrag"]),
            beslagvrije_voet_cent=naar_cent(data["beslagvrije_voet"]),
            aflossing_per_maand_cent=naar_cent(data["aflossing_per_maand"]),
            eerste_maand=data["eerste_maand"],
            wijze=data["wijze"],
            inkomen_per_maand_cent=_cent_of_niets(data.get("inkomen_per_maand")),
        )
    try:
        beslissen.herziening_beslissen(
            actor=request.actor,
            herziening=herziening,
            besluit=data["besluit"],
            toelichting=data.get("toelichting", ""),
            dringende_redenen=data.get("dringende_redenen", False),
            evenredigheid=data.get("evenredigheid", ""),
            gemeente_te_laat=data.get("gemeente_te_laat", False),
            waarschuwing_in_plaats_van_boete=data.get("waarschuwing_in_plaats_van_boete", False),
            regeling=regeling,
        )
    except ValidationError as exc:
        fouten_naar_form(form, exc)
        return False
    return True


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def brief(request, herziening_uuid):
    gevonden = of_404(selectors.herziening, actor=request.actor, herziening_id=herziening_uuid)
    document = selectors.brief_van(herziening=gevonden)
    if document is None:
        raise Http404
    return brief_downloaden(request, document, bestandsnaam=herzieningsbrief.bestandsnaam(gevonden))


# File names of the letters about a herziening, by Document.soort.
BRIEFNAMEN = {
    Document.Soort.TERUGVORDERING: "besluit-terugvordering",
    Document.Soort.HERZIENING: "besluit-herziening",
    Document.Soort.KWIJTSCHELDING: "besluit-kwijtschelding",
    Document.Soort.REGELING: "besluit-terugbetaalregeling",
}


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def document(request, herziening_uuid, document_uuid):
    """One of the letters about this herziening or its recovery, exactly as it was sent."""
    gevonden = of_404(selectors.herziening, actor=request.actor, herziening_id=herziening_uuid)
    brief_ = of_404(selectors.document_van, herziening=gevonden, document_id=document_uuid)
    naam = BRIEFNAMEN.get(brief_.soort, "brief")
    return brief_downloaden(
        request,
        brief_,
        bestandsnaam=f"{naam}-{gevonden.maand:%Y-%m}-{brief_.aangemaakt_op:%Y%m%d-%H%M%S}.pdf",
    )
