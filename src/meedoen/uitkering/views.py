"""The calculation page: an inkomensconsulent enters a situation and sees the amount with
every step explained and the article it rests on."""

from django.shortcuts import render
from django.utils import timezone

from meedoen.clients import selectors as client_selectors
from meedoen.clients.huishoudrollen import huishoudrollen
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.periods import last_period
from meedoen.rules.situation import SituationError
from meedoen.uitkering import forms, selectors

DOEL_BEREKENING = "berekening bijstand"


def _standaardperiode(deze_maand: str) -> str:
    """This month, or the last month whose amounts are published when this one's are not."""
    laatste = last_period()
    return laatste if laatste is not None and deze_maand > laatste else deze_maand


def _beginwaarden(request) -> tuple[dict, list, list]:
    """Start values; with ?persoon=<uuid> the household of that resident is filled in, with the
    one household rule every calculation uses (clients.huishoudrollen): from a partner's dossier
    the applicant is the partner, and a child of 18 or older is a housemate."""
    vandaag = timezone.localdate()
    initial = {"periode": _standaardperiode(vandaag.strftime("%Y-%m"))}
    kinderen, medebewoners = [], []
    if persoon_id := request.GET.get("persoon"):
        persoon = of_404(
            client_selectors.persoon_dossier,
            actor=request.actor,
            persoon_id=persoon_id,
            doel=DOEL_BEREKENING,
        )
        initial |= {"gemeente": persoon.gemeente, "aanvrager_geboortedatum": persoon.geboortedatum}
        huishouden = client_selectors.huishouden_van(persoon=persoon, datum=vandaag)
        rollen = huishoudrollen(
            persoon=persoon,
            leden=huishouden.leden if huishouden else [],
            periode=initial["periode"],
        )
        if rollen.partner is not None:
            initial |= {
                "heeft_partner": True,
                "partner_geboortedatum": rollen.partner.persoon.geboortedatum,
            }
        kinderen = [{"geboortedatum": lid.persoon.geboortedatum} for lid in rollen.kinderen]
        medebewoners = [{"geboortedatum": lid.persoon.geboortedatum} for lid in rollen.medebewoners]
    return initial, kinderen, medebewoners


def _fouten_op_formulier(form, fouten: dict, taal: str) -> None:
    for pad, meldingen in fouten.items():
        veld = forms.FOUT_NAAR_VELD.get(pad)
        for melding in meldingen:
            tekst = melding["en"] if taal == "en" else melding["nl"]
            form.add_error(veld, tekst if veld else f"{pad}: {tekst}")


@bevoegdheid_vereist(Bevoegdheid.BEREKENEN)
def berekening(request):
    gemeenten = request.actor.organisatie.gemeenten.filter(pk__in=request.actor.gemeente_ids)
    resultaat = None
    if request.method == "POST":
        form = forms.BerekeningForm(request.POST, gemeenten=gemeenten)
        kinderen = forms.KindFormSet(request.POST, prefix="kind")
        medebewoners = forms.MedebewonerFormSet(request.POST, prefix="medebewoner")
        if form.is_valid() and kinderen.is_valid() and medebewoners.is_valid():
            situatie = forms.situatie_uit_formulieren(form, kinderen, medebewoners)
            taal = request.LANGUAGE_CODE
            try:
                resultaat = selectors.berekening(actor=request.actor, situatie=situatie)
            except SituationError as exc:
                _fouten_op_formulier(form, exc.errors, taal)
            except ParameterOntbreekt as exc:
                form.add_error(None, exc.en if taal == "en" else exc.nl)
    else:
        initial, kinderen_initial, medebewoners_initial = _beginwaarden(request)
        form = forms.BerekeningForm(initial=initial, gemeenten=gemeenten)
        kinderen = forms.KindFormSet(prefix="kind", initial=kinderen_initial)
        medebewoners = forms.MedebewonerFormSet(prefix="medebewoner", initial=medebewoners_initial)
    return render(
        request,
        "uitkering/berekening.html",
        {
            "form": form,
            "kinderen": kinderen,
            "medebewoners": medebewoners,
            "resultaat": resultaat,
            "laatste_periode": last_period(),
        },
    )
