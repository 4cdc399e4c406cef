"""Payment runs: the list, composing, the run page with its progress, the second person's
approval, executing, withdrawing, the bank file, and a payment's specification."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.core.actor import Geweigerd
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, gemeenten_van, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.betalingen import betaalrun as diensten
from meedoen.uitkering.betalingen import maanden, selectors
from meedoen.uitkering.betalingen.forms import IntrekkenForm, SamenstellenForm
from meedoen.uitkering.betalingen.views_voorstellen import (
    LEZEN,
    PER_PAGINA,
    standaardmaand,
)
from meedoen.uitkering.documenten import brief_downloaden
from meedoen.uitkering.models import Betaalrun

S = Betaalrun.Status


@bevoegdheid_vereist(*LEZEN)
def lijst(request):
    gemeenten = gemeenten_van(request.actor)
    form = SamenstellenForm(
        request.POST or None,
        gemeenten=gemeenten,
        initial={"gemeente": gemeenten.first(), "maand": standaardmaand()},
    )
    if request.method == "POST":
        if not request.actor.mag(Bevoegdheid.UITKERING_BEHANDELEN):
            raise Geweigerd(Bevoegdheid.UITKERING_BEHANDELEN)
        if form.is_valid():
            try:
                samenstelling = diensten.betaalrun_samenstellen(
                    actor=request.actor,
                    gemeente=form.cleaned_data["gemeente"],
                    maand=form.cleaned_data["maand"],
                    betaaldatum=form.cleaned_data["betaaldatum"],
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                for naam, maand, reden in samenstelling.niet_opgenomen:
                    messages.warning(
                        request,
                        _("Niet opgenomen: %(naam)s (%(maand)s). %(reden)s")
                        % {"naam": naam, "maand": maanden.maandnaam(maand), "reden": reden},
                    )
                messages.success(
                    request,
                    _("De betaalrun is samengesteld. Een collega moet hem nu accorderen."),
                )
                return redirect("uitkering:betaalrun_detail", betaalrun_uuid=samenstelling.run.pk)
    runs = selectors.betaalruns(actor=request.actor).order_by("-maand", "-aangemaakt_op")
    return render(
        request,
        "uitkering/betalingen/betaalruns.html",
        {
            "form": form,
            "page": Paginator(runs, PER_PAGINA).get_page(request.GET.get("page")),
            "mag_samenstellen": request.actor.mag(Bevoegdheid.UITKERING_BEHANDELEN),
        },
    )


def _run(request, betaalrun_uuid) -> Betaalrun:
    return of_404(selectors.betaalrun, actor=request.actor, run_id=betaalrun_uuid)


def _acties(request, run: Betaalrun) -> dict:
    actor = request.actor
    accordeur = actor.mag(Bevoegdheid.UITKERING_ACCORDEREN)
    return {
        "mag_accorderen": accordeur
        and run.status == S.CONCEPT
        and run.samengesteld_door_id != actor.user.pk,
        "zelf_samengesteld": run.samengesteld_door_id == actor.user.pk,
        "mag_uitvoeren": accordeur and run.status in (S.GEACCORDEERD, S.MISLUKT),
        "mag_intrekken": run.status in (S.CONCEPT, S.GEACCORDEERD, S.MISLUKT),
    }


@bevoegdheid_vereist(*LEZEN)
def detail(request, betaalrun_uuid):
    run = _run(request, betaalrun_uuid)
    regels = Paginator(selectors.opdrachten(run=run), PER_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        "uitkering/betalingen/betaalrun.html",
        {
            "run": run,
            "maandnaam": maanden.maandnaam(run.maand),
            "page": regels,
            "intrekken": IntrekkenForm(),
            "S": S,
            **_acties(request, run),
        },
    )


@bevoegdheid_vereist(*LEZEN)
def voortgang(request, betaalrun_uuid):
    """The progress fragment the run page polls (htmx) while the run is being executed. When
    the status changed since the page was drawn (paid, or failed), the whole page reloads: its
    status, the bank file link and the buttons depend on it."""
    run = _run(request, betaalrun_uuid)
    antwoord = render(request, "uitkering/betalingen/_voortgang.html", {"run": run, "S": S})
    if request.GET.get("getoond", run.status) != run.status:
        antwoord["HX-Refresh"] = "true"
    return antwoord


def _service(request, run, functie, succes: str, **kwargs):
    try:
        functie(actor=request.actor, run=run, **kwargs)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, succes)
    return redirect("uitkering:betaalrun_detail", betaalrun_uuid=run.pk)


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_ACCORDEREN)
def accorderen(request, betaalrun_uuid):
    run = _run(request, betaalrun_uuid)
    return _service(
        request,
        run,
        diensten.betaalrun_accorderen,
        _("De betaalrun is geaccordeerd. Hij kan nu worden uitgevoerd."),
    )


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_ACCORDEREN)
def uitvoeren(request, betaalrun_uuid):
    run = _run(request, betaalrun_uuid)
    return _service(
        request,
        run,
        diensten.betaalrun_starten,
        _("De betaalrun wordt uitgevoerd. Op deze pagina ziet u hoe ver het is."),
    )


@require_POST
@bevoegdheid_vereist(*LEZEN)
def intrekken(request, betaalrun_uuid):
    run = _run(request, betaalrun_uuid)
    form = IntrekkenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Schrijf op waarom u de betaalrun intrekt."))
        return redirect("uitkering:betaalrun_detail", betaalrun_uuid=run.pk)
    return _service(
        request,
        run,
        diensten.betaalrun_intrekken,
        _("De betaalrun is ingetrokken. De voorstellen kunnen in een nieuwe run."),
        reden=form.cleaned_data["reden"],
    )


@bevoegdheid_vereist(*LEZEN)
def bankbestand(request, betaalrun_uuid):
    run = of_404(selectors.bankbestand, actor=request.actor, run_id=betaalrun_uuid)
    response = HttpResponse(bytes(run.pain001), content_type="application/xml")
    response["Content-Disposition"] = (
        f'attachment; filename="pain001-{run.gemeente.code}-{run.maand:%Y-%m}-{run.bericht_id}.xml"'
    )
    return response


@bevoegdheid_vereist(*LEZEN)
def specificatie(request, betaling_uuid):
    betaling = of_404(selectors.betaling, actor=request.actor, betaling_id=betaling_uuid)
    document = selectors.specificatie_van(betaling=betaling)
    if document is None:
        raise Http404
    return brief_downloaden(
        request, document, bestandsnaam=f"uitkeringsspecificatie-{betaling.maand:%Y-%m}.pdf"
    )
