"""The month overview, the proposals and approving them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.clients.toegang import inzage_vastleggen
from meedoen.core.actor import Geweigerd
from meedoen.core.permissions import bevoegdheid_vereist, gemeenten_van, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.periods import last_period
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.betalingen import maandberekening, maanden, rekenen, selectors, voorstellen
from meedoen.uitkering.betalingen.forms import GemeenteMaandForm
from meedoen.uitkering.models import Betaalvoorstel, Maandberekening

LEZEN = (Bevoegdheid.UITKERING_BEHANDELEN, Bevoegdheid.UITKERING_ACCORDEREN)
PER_PAGINA = 50
DOEL = "betaalvoorstel inzien"


def standaardmaand():
    """Last month, or the last month the engine can calculate when that is earlier."""
    vorige = maanden.plus(maanden.maand_van(timezone.localdate()), -1)
    laatste = maanden.uit_tekst(last_period() or "")
    return min(vorige, laatste) if laatste else vorige


def gemeente_en_maand(request, data=None):
    """The gemeente and month chosen in the query string (or posted), with defaults."""
    gemeenten = gemeenten_van(request.actor)
    bron = data if data is not None else request.GET
    form = GemeenteMaandForm(
        bron if bron.get("maand") else None,
        gemeenten=gemeenten,
        initial={"gemeente": gemeenten.first(), "maand": standaardmaand()},
    )
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["gemeente"], form.cleaned_data["maand"]
    return form, gemeenten.first(), standaardmaand()


def terug_naar(naam: str, gemeente, maand) -> str:
    return (
        reverse(naam) + "?" + urlencode({"gemeente": gemeente.pk, "maand": maanden.periode(maand)})
    )


@bevoegdheid_vereist(*LEZEN)
def overzicht(request):
    form, gemeente, maand = gemeente_en_maand(request)
    cijfers = (
        selectors.maandoverzicht(actor=request.actor, gemeente=gemeente, maand=maand)
        if gemeente
        else None
    )
    return render(
        request,
        "uitkering/betalingen/overzicht.html",
        {
            "form": form,
            "gemeente": gemeente,
            "maand": maand,
            "maandnaam": maanden.maandnaam(maand),
            "cijfers": cijfers,
            "mag_behandelen": request.actor.mag(Bevoegdheid.UITKERING_BEHANDELEN),
            "runs": selectors.betaalruns(actor=request.actor).filter(gemeente=gemeente)[:5]
            if gemeente
            else [],
            "Status": Betaalvoorstel.Status,
            **_berekening_context(
                selectors.laatste_maandberekening(
                    actor=request.actor, gemeente=gemeente, maand=maand
                )
                if gemeente
                else None
            ),
        },
    )


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def maand_berekenen(request):
    """Queue the month's proposals; the overview shows the progress and the outcome."""
    form, gemeente, maand = gemeente_en_maand(request, request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een gemeente en een maand."))
    else:
        try:
            maandberekening.maandberekening_starten(
                actor=request.actor, gemeente=gemeente, maand=maand
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect(terug_naar("uitkering:betalingen_overzicht", gemeente, maand))


def _berekening_context(berekening) -> dict:
    S = Maandberekening.Status
    return {
        "berekening": berekening,
        "BS": S,
        "actief": berekening is not None and berekening.status in Maandberekening.ACTIEF,
        "overgeslagen": selectors.overgeslagen_met_naam(berekening)
        if berekening is not None and berekening.status == S.KLAAR
        else [],
    }


@bevoegdheid_vereist(*LEZEN)
def maandberekening_voortgang(request, maandberekening_uuid):
    """The progress fragment the overview polls (htmx) while the month is being calculated.
    When the status changed since the page was drawn, the whole page reloads: its figures and
    links depend on it."""
    berekening = of_404(
        selectors.maandberekening, actor=request.actor, berekening_id=maandberekening_uuid
    )
    antwoord = render(
        request,
        "uitkering/betalingen/_maandberekening.html",
        _berekening_context(berekening),
    )
    if request.GET.get("getoond", berekening.status) != berekening.status:
        antwoord["HX-Refresh"] = "true"
    return antwoord


@bevoegdheid_vereist(*LEZEN)
def lijst(request):
    form, gemeente, maand = gemeente_en_maand(request)
    status = request.GET.get("status") or Betaalvoorstel.Status.CONCEPT
    if status not in Betaalvoorstel.Status.values:
        status = Betaalvoorstel.Status.CONCEPT
    qs = (
        selectors.voorstellen(actor=request.actor)
        .filter(gemeente=gemeente, maand=maand, status=status)
        .select_related("persoon")
        .order_by("persoon__achternaam", "persoon__voornamen", "pk")
    )
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        "uitkering/betalingen/voorstellen.html",
        {
            "form": form,
            "gemeente": gemeente,
            "maand": maand,
            "maandnaam": maanden.maandnaam(maand),
            "status": status,
            "statussen": Betaalvoorstel.Status.choices,
            "page": pagina,
            "zonder_verschil": voorstellen.zonder_verschil(
                selectors.voorstellen(actor=request.actor).filter(gemeente=gemeente, maand=maand)
            ).count()
            if request.actor.mag(Bevoegdheid.UITKERING_BEHANDELEN)
            else 0,
        },
    )


def _uitleg_stappen(request, voorstel) -> list[dict]:
    """The engine's explanation: stored with a single calculation; for a batch calculation it
    is made again from the stored situation (the same engine, the same answer)."""
    stappen = (voorstel.berekening or {}).get("explanation") or []
    if stappen or not voorstel.situatie:
        return stappen
    try:
        return rekenen.een_huishouden(actor=request.actor, situatie=voorstel.situatie)[
            "explanation"
        ]
    except (rekenen.Rekenfout, Geweigerd):  # e.g. a teamleider may not calculate
        return []


@bevoegdheid_vereist(*LEZEN)
def detail(request, betaalvoorstel_uuid):
    voorstel = of_404(selectors.voorstel, actor=request.actor, voorstel_id=betaalvoorstel_uuid)
    inzage_vastleggen(request, voorstel.persoon, doel=DOEL)
    return render(
        request,
        "uitkering/betalingen/voorstel.html",
        {
            "voorstel": voorstel,
            "persoon": voorstel.persoon,
            "maandnaam": maanden.maandnaam(voorstel.maand),
            "stappen": _uitleg_stappen(request, voorstel),
            "bedragen": selectors.bedragen_van(voorstel),
            "regels": selectors.regels_van_voorstel(voorstel=voorstel),
            "run": maand_.in_lopende_run(voorstel),
            "mag_goedkeuren": request.actor.mag(Bevoegdheid.UITKERING_BEHANDELEN)
            and voorstel.status == Betaalvoorstel.Status.CONCEPT,
        },
    )


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def goedkeuren(request, betaalvoorstel_uuid):
    voorstel = of_404(selectors.voorstel, actor=request.actor, voorstel_id=betaalvoorstel_uuid)
    try:
        voorstellen.voorstel_goedkeuren(actor=request.actor, voorstel=voorstel)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Het voorstel van %(naam)s over %(maand)s is goedgekeurd.")
            % {"naam": voorstel.persoon.volledige_naam, "maand": maanden.maandnaam(voorstel.maand)},
        )
    volgende = selectors.te_controleren(actor=request.actor).filter(
        gemeente_id=voorstel.gemeente_id, maand=voorstel.maand
    )
    if (na := volgende.first()) is not None:
        return redirect("uitkering:betaalvoorstel_detail", betaalvoorstel_uuid=na.pk)
    return redirect(terug_naar("uitkering:betaalvoorstellen", voorstel.gemeente, voorstel.maand))


@require_POST
@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def alles_goedkeuren(request):
    form, gemeente, maand = gemeente_en_maand(request, request.POST)
    if form.is_valid():
        aantal = voorstellen.alles_zonder_verschil_goedkeuren(
            actor=request.actor, gemeente=gemeente, maand=maand
        )
        messages.success(
            request,
            _("%(n)s voorstellen zonder verschil met de vorige maand zijn goedgekeurd.")
            % {"n": aantal},
        )
    return redirect(terug_naar("uitkering:betaalvoorstellen", gemeente, maand))
