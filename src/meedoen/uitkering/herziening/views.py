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
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.documenten import brief_downloaden
from meedoen.uitkering.herziening import beslissen, forms, selectors, services
from meedoen.uitkering.herziening.beslissen import Terugbetaalregeling

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


def _initial(herziening) -> dict:
    vandaag = timezone.localdate()
    volgende = (vandaag.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return {
        "bedrag": Decimal(herziening.verschil_cent) / 100,
        "eerste_maand": volgende,
    }


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
    maandbedrag = beslissen.maandbedrag_cent(huishouden=gevonden.huishouden)
    return render(
        request,
        "uitkering/herziening/detail.html",
        {
            "herziening": gevonden,
            "persoon": gevonden.persoon,
            "form": form,
            "te_veel": te_veel,
            "stand": selectors.terugvordering_van(herziening=gevonden),
            "brief": selectors.brief_van(herziening=gevonden),
            "maandbedrag": maandbedrag,
            "stappen": (gevonden.berekening.get("nieuw") or {}).get("explanation", []),
        },
    )


def _beslissen(request, herziening, form) -> bool:
    data = form.cleaned_data
    regeling = None
    if data["besluit"] == beslissen.Beslissing.TERUGVORDEREN:
        regeling = Terugbetaalregeling(
            bedrag_cent=forms.naar_cent(data["bedrag"]),
            beslagvrije_voet_cent=forms.naar_cent(data["beslagvrije_voet"]),
            aflossing_per_maand_cent=forms.naar_cent(data["aflossing_per_maand"]),
            eerste_maand=data["eerste_maand"],
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
    return brief_downloaden(
        request, document, bestandsnaam=f"besluit-terugvordering-{gevonden.maand:%Y-%m}.pdf"
    )
