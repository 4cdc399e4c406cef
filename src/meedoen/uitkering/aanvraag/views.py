"""Pages for applications and decisions: register, the application page with its status and
postponement, the decision page with the calculation, the second person's approval, the
worklist and the letter download."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients import selectors as clients_selectors
from meedoen.clients.toegang import inzage_vastleggen, persoon_openen
from meedoen.core.forms import fouten_naar_form, naar_cent
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.situation import SituationError
from meedoen.uitkering.aanvraag import (
    bedragen,
    besluiten,
    bezwaar,
    forms,
    selectors,
    services,
    statusflow,
    verdaging,
)
from meedoen.uitkering.documenten import brief_downloaden
from meedoen.uitkering.models import Besluit, Inkomstenregel

DOEL = services.DOEL
BEHANDELEN = Bevoegdheid.UITKERING_BEHANDELEN
ACCORDEREN = Bevoegdheid.UITKERING_ACCORDEREN


def _aanvraag(request, aanvraag_uuid):
    return of_404(selectors.aanvraag, actor=request.actor, aanvraag_id=aanvraag_uuid)


def _besluit(request, besluit_uuid):
    return of_404(selectors.besluit, actor=request.actor, besluit_id=besluit_uuid)


# Registration ---------------------------------------------------------------------------------


def _registratie_formulieren(request, persoon):
    vandaag = timezone.localdate()
    huishouden = clients_selectors.huishouden_van(persoon=persoon, datum=vandaag)
    leden = huishouden.leden if huishouden else []
    partner = next(
        (
            lid
            for lid in leden
            if lid.persoon_id != persoon.pk and lid.rol in ("partner", "aanvrager")
        ),
        None,
    )
    medebewoners = [lid for lid in leden if lid.rol == "medebewoner"]
    personen = [(str(persoon.pk), persoon.volledige_naam)]
    if partner is not None:
        personen.append((str(partner.persoon_id), partner.persoon.volledige_naam))
    data = request.POST if request.method == "POST" else None
    form = forms.AanvraagForm(
        data,
        medebewoners=medebewoners,
        heeft_partner=partner is not None,
        initial={"tenaamstelling": persoon.volledige_naam},
    )
    inkomsten = forms.InkomenFormSet(data, prefix="inkomen", form_kwargs={"personen": personen})
    return form, inkomsten, huishouden


@bevoegdheid_vereist(BEHANDELEN)
def registreren(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    form, inkomsten, huishouden = _registratie_formulieren(request, persoon)
    if request.method == "POST" and form.is_valid() and inkomsten.is_valid():
        d = form.cleaned_data
        regels = [r for f in inkomsten if (r := f.als_regel()) is not None]
        try:
            aanvraag = services.aanvraag_registreren(
                actor=request.actor,
                persoon=persoon,
                ontvangen_op=d["ontvangen_op"],
                gewenste_ingangsdatum=d["gewenste_ingangsdatum"],
                iban=d["iban"],
                tenaamstelling=d["tenaamstelling"],
                inkomsten=regels,
                vermogen_cent=naar_cent(d["vermogen"]),
                eigen_woning_cent=naar_cent(d["eigen_woning"]),
                medebewoners=form.medebewoner_keuzes(),
                kan_niet_terugvallen_op_ouders=d["kan_niet_terugvallen_op_ouders"],
                vrijlating_werk_maanden=d["vrijlating_werk_maanden"],
                vrijlating_alleenstaande_ouder_maanden=d["vrijlating_alleenstaande_ouder_maanden"],
                partner_vrijlating_werk_maanden=d.get("partner_vrijlating_werk_maanden") or 0,
                zoektermijn_maatwerk=d["zoektermijn_maatwerk"],
                zoektermijn_maatwerk_reden=d["zoektermijn_maatwerk_reden"],
                vandaag=timezone.localdate(),
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De aanvraag is geregistreerd."))
            return redirect("uitkering:aanvraag_detail", aanvraag_uuid=aanvraag.pk)
    return render(
        request,
        "uitkering/aanvraag/registreren.html",
        {"persoon": persoon, "form": form, "inkomsten": inkomsten, "huishouden": huishouden},
    )


# The application page ---------------------------------------------------------------------------


@bevoegdheid_vereist(BEHANDELEN, ACCORDEREN)
def detail(request, aanvraag_uuid):
    aanvraag = _aanvraag(request, aanvraag_uuid)
    onderdeel = request.POST.get("onderdeel") if request.method == "POST" else None
    if onderdeel is not None:
        request.actor.vereis(BEHANDELEN)
    status_form = forms.StatusForm(
        request.POST if onderdeel == "status" else None, van=aanvraag.status, prefix="status"
    )
    verdaging_form = forms.VerdagingForm(
        request.POST if onderdeel == "verdaging" else None, prefix="verdaging"
    )
    if onderdeel == "status" and status_form.is_valid():
        try:
            services.status_wijzigen(
                actor=request.actor,
                aanvraag=aanvraag,
                naar=status_form.cleaned_data["naar"],
                reden=status_form.cleaned_data["reden"],
            )
        except ValidationError as exc:
            fouten_naar_form(status_form, exc)
        else:
            messages.success(request, _("De status is gewijzigd."))
            return redirect("uitkering:aanvraag_detail", aanvraag_uuid=aanvraag.pk)
    elif onderdeel == "verdaging" and verdaging_form.is_valid():
        try:
            services.verdagen(
                actor=request.actor,
                aanvraag=aanvraag,
                verdaagd_tot=verdaging_form.cleaned_data["verdaagd_tot"],
                reden=verdaging_form.cleaned_data["verdagingsreden"],
                vandaag=timezone.localdate(),
            )
        except ValidationError as exc:
            fouten_naar_form(verdaging_form, exc)
        else:
            messages.success(
                request,
                _("De beslistermijn is verdaagd. De brief voor de inwoner is gemaakt."),
            )
            return redirect("uitkering:aanvraag_detail", aanvraag_uuid=aanvraag.pk)
    bezwaar_form = forms.BezwaarForm(
        request.POST if onderdeel == "bezwaar" else None, prefix="bezwaar"
    )
    afhandelen_form = forms.BezwaarAfhandelenForm(
        request.POST if onderdeel == "bezwaar_afhandelen" else None, prefix="afhandelen"
    )
    heroverwegen_form = forms.HeroverwegenForm(
        request.POST if onderdeel == "heroverwegen" else None, prefix="heroverwegen"
    )
    if (
        (onderdeel == "bezwaar" and _bezwaar_opslaan(request, aanvraag, bezwaar_form))
        or (
            onderdeel == "bezwaar_afhandelen"
            and _bezwaar_afhandelen(request, aanvraag, afhandelen_form)
        )
        or (onderdeel == "heroverwegen" and _heroverwegen(request, aanvraag, heroverwegen_form))
    ):
        return redirect("uitkering:aanvraag_detail", aanvraag_uuid=aanvraag.pk)
    inzage_vastleggen(request, aanvraag.persoon, doel=DOEL)
    vandaag = timezone.localdate()
    termijn = aanvraag.verdaagd_tot or aanvraag.beslistermijn
    laatste_besluit = bezwaar.laatste_besluit(aanvraag)
    return render(
        request,
        "uitkering/aanvraag/detail.html",
        {
            "aanvraag": aanvraag,
            "persoon": aanvraag.persoon,
            "statussen": aanvraag.statussen.select_related("door"),
            "besluiten": aanvraag.besluiten.select_related("beslist_door", "geaccordeerd_door"),
            "status_form": status_form if status_form.fields["naar"].choices else None,
            "verdaging_form": verdaging_form,
            "open": onderdeel,
            "is_open": aanvraag.status in statusflow.OPEN,
            "kan_verdagen": aanvraag.status in statusflow.OPEN
            and aanvraag.verdaagd_tot is None
            and vandaag <= aanvraag.beslistermijn,
            "kan_beslissen": aanvraag.status == aanvraag.Status.IN_ONDERZOEK,
            "termijn": termijn,
            "dagen_over": (termijn - vandaag).days,
            "dagen_te_laat": (vandaag - termijn).days,
            "inkomsten": _inkomsten_getoond(aanvraag.gegevens),
            "mag_behandelen": request.actor.mag(BEHANDELEN),
            "bezwaar_form": bezwaar_form
            if aanvraag.status in bezwaar.UITKOMSTEN_MET_BEZWAAR
            else None,
            "afhandelen_form": afhandelen_form
            if aanvraag.status == aanvraag.Status.BEZWAAR
            else None,
            "bezwaartermijn_tot": bezwaar.bezwaartermijn_tot(laatste_besluit)
            if laatste_besluit and aanvraag.status in bezwaar.UITKOMSTEN_MET_BEZWAAR
            else None,
            "heroverwegen_form": heroverwegen_form if bezwaar.kan_heroverwegen(aanvraag) else None,
            "heroverweging": bezwaar.lopende_heroverweging(aanvraag),
            "bezwaren": aanvraag.bezwaren.select_related("besluit", "nieuw_besluit"),
            "verdagingsbrieven": verdaging.verdagingsbrieven(aanvraag=aanvraag),
            "bedragen_melding": bedragen.ontbrekende_bedragen(aanvraag.gewenste_ingangsdatum)
            if aanvraag.status in statusflow.OPEN
            else None,
        },
    )


def _bezwaar_opslaan(request, aanvraag, form) -> bool:
    if not form.is_valid():
        return False
    try:
        bezwaar.bezwaar_registreren(
            actor=request.actor,
            aanvraag=aanvraag,
            ontvangen_op=form.cleaned_data["ontvangen_op"],
            toelichting=form.cleaned_data["toelichting"],
            vandaag=timezone.localdate(),
        )
    except ValidationError as exc:
        fouten_naar_form(form, exc)
        return False
    messages.success(request, _("Het bezwaar is geregistreerd."))
    besluit = bezwaar.laatste_besluit(aanvraag)
    if form.cleaned_data["ontvangen_op"] > bezwaar.bezwaartermijn_tot(besluit):
        messages.warning(
            request,
            _(
                "Het bezwaar kwam na de bezwaartermijn binnen. Beoordeel of dat verschoonbaar "
                "is (Awb art. 6:11)."
            ),
        )
    return True


def _bezwaar_afhandelen(request, aanvraag, form) -> bool:
    if not form.is_valid():
        return False
    try:
        bezwaar.bezwaar_afhandelen(
            actor=request.actor,
            aanvraag=aanvraag,
            beslist_op=form.cleaned_data["beslist_op"],
            uitkomst=form.cleaned_data["uitkomst"],
            toelichting=form.cleaned_data["toelichting"],
            vandaag=timezone.localdate(),
        )
    except ValidationError as exc:
        fouten_naar_form(form, exc)
        return False
    messages.success(request, _("De beslissing op bezwaar is vastgelegd."))
    return True


def _heroverwegen(request, aanvraag, form) -> bool:
    if not form.is_valid():
        return False
    try:
        bezwaar.heroverwegen(
            actor=request.actor,
            aanvraag=aanvraag,
            reden=form.cleaned_data["reden"],
            vandaag=timezone.localdate(),
        )
    except ValidationError as exc:
        fouten_naar_form(form, exc)
        return False
    messages.success(
        request,
        _(
            "Het besluit is herroepen en de aanvraag is weer in onderzoek. Neem nu een nieuw "
            "besluit."
        ),
    )
    return True


def _inkomsten_getoond(gegevens: dict) -> list[dict]:
    namen = {
        lid["persoon_id"]: lid["naam"]
        for lid in (gegevens.get("aanvrager"), gegevens.get("partner"))
        if lid
    }
    return [
        regel
        | {
            "naam": namen.get(regel["persoon_id"], ""),
            "bron": Inkomstenregel.Bron(regel["bron"]).label,
        }
        for regel in gegevens.get("inkomsten", [])
    ]


# Deciding ---------------------------------------------------------------------------------------


def _berekening_tonen(request, aanvraag, datum):
    """The engine's answer for the page, or the reason it cannot be given."""
    if melding := bedragen.ontbrekende_bedragen(datum):
        return None, melding
    try:
        _situatie, antwoord = besluiten.berekenen(
            actor=request.actor, aanvraag=aanvraag, ingangsdatum=datum
        )
    except SituationError as exc:
        taal = request.LANGUAGE_CODE
        meldingen = [m["en" if taal == "en" else "nl"] for ms in exc.errors.values() for m in ms]
        return None, " ".join(meldingen)
    except ParameterOntbreekt as exc:
        return None, exc.en if request.LANGUAGE_CODE == "en" else exc.nl
    return antwoord, None


def _indicatie(request, aanvraag, datum):
    """When the chosen month lies after the last month with amounts: the calculation with that
    last month's amounts, shown apart and named as an indication only (a decision cannot rest
    on it)."""
    laatste = besluiten.laatste_bekende_maand()
    if laatste is None or datum < laatste or bedragen.bekend(datum):
        return None
    antwoord, _fout = _berekening_tonen(request, aanvraag, laatste)
    return antwoord


@bevoegdheid_vereist(BEHANDELEN)
def besluit_nemen(request, aanvraag_uuid):
    aanvraag = _aanvraag(request, aanvraag_uuid)
    # The requested start date; for an applicant under 27 not before the search period ends
    # (a toekenning cannot start earlier, Participatiewet art. 41 lid 4).
    standaard = max(aanvraag.gewenste_ingangsdatum, aanvraag.zoektermijn_tot or dt.date.min)
    reken_form = forms.RekenForm(
        request.GET if "ingangsdatum" in request.GET else None,
        initial={"ingangsdatum": standaard},
        auto_id="reken_%s",  # the decision form below has its own "ingangsdatum"
    )
    datum = (
        reken_form.cleaned_data["ingangsdatum"]
        if reken_form.is_bound and reken_form.is_valid()
        else standaard
    )
    form = forms.BesluitForm(
        request.POST or None,
        initial={"ingangsdatum": datum, "soort": Besluit.Soort.TOEKENNING},
    )
    if (
        request.method == "POST"
        and aanvraag.status == aanvraag.Status.IN_ONDERZOEK
        and form.is_valid()
    ):
        d = form.cleaned_data
        try:
            besluit = besluiten.besluit_nemen(
                actor=request.actor,
                aanvraag=aanvraag,
                soort=d["soort"],
                gronden=d["gronden"],
                ingangsdatum=d["ingangsdatum"],
                correctie_cent=naar_cent(d["correctie"]),
                correctie_reden=d["correctie_reden"],
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            if besluit.status == Besluit.Status.WACHT_OP_ACCORDERING:
                messages.success(
                    request,
                    _("Het besluit is vastgelegd. Een collega moet het nog accorderen."),
                )
            else:
                messages.success(
                    request, _("Het besluit is vastgesteld. De beschikking is gemaakt.")
                )
            return redirect("uitkering:besluit_detail", besluit_uuid=besluit.pk)
        datum = d.get("ingangsdatum") or datum
    inzage_vastleggen(request, aanvraag.persoon, doel=besluiten.DOEL)
    antwoord, rekenfout = _berekening_tonen(request, aanvraag, datum)
    beleid = selectors.beleid_van(aanvraag.gemeente)
    return render(
        request,
        "uitkering/aanvraag/besluit_nemen.html",
        {
            "aanvraag": aanvraag,
            "persoon": aanvraag.persoon,
            "reken_form": reken_form,
            "form": form,
            "resultaat": antwoord,
            "rekenfout": rekenfout,
            "indicatie": _indicatie(request, aanvraag, datum) if rekenfout else None,
            "rekendatum": datum,
            "vier_ogen_grens_cent": beleid.vier_ogen_grens_cent,
            "kan_beslissen": aanvraag.status == aanvraag.Status.IN_ONDERZOEK,
        },
    )


@bevoegdheid_vereist(BEHANDELEN, ACCORDEREN)
def besluit_detail(request, besluit_uuid):
    besluit = _besluit(request, besluit_uuid)
    onderdeel = request.POST.get("onderdeel") if request.method == "POST" else None
    accorderen = forms.AccorderenForm(
        request.POST if onderdeel == "accorderen" else None, prefix="accorderen"
    )
    terugsturen = forms.TerugsturenForm(
        request.POST if onderdeel == "terugsturen" else None, prefix="terugsturen"
    )
    if onderdeel in ("accorderen", "terugsturen"):
        request.actor.vereis(ACCORDEREN)
        form = accorderen if onderdeel == "accorderen" else terugsturen
        if form.is_valid():
            try:
                if onderdeel == "accorderen":
                    besluiten.besluit_accorderen(
                        actor=request.actor,
                        besluit=besluit,
                        toelichting=form.cleaned_data["toelichting"],
                    )
                    tekst = _("Het besluit is geaccordeerd. De beschikking is gemaakt.")
                else:
                    besluiten.besluit_terugsturen(
                        actor=request.actor, besluit=besluit, reden=form.cleaned_data["reden"]
                    )
                    tekst = _("Het besluit is teruggestuurd naar de consulent.")
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, tekst)
                return redirect("uitkering:besluit_detail", besluit_uuid=besluit.pk)
    inzage_vastleggen(request, besluit.persoon, doel=besluiten.DOEL)
    wacht = besluit.status == Besluit.Status.WACHT_OP_ACCORDERING
    return render(
        request,
        "uitkering/aanvraag/besluit_detail.html",
        {
            "besluit": besluit,
            "persoon": besluit.persoon,
            "resultaat": besluit.berekening or None,
            "beschikking": selectors.beschikking_van(besluit=besluit),
            "mag_accorderen": wacht
            and request.actor.mag(ACCORDEREN)
            and besluit.beslist_door_id != request.user.pk,
            "eigen_besluit_wacht": wacht and besluit.beslist_door_id == request.user.pk,
            "accorderen": accorderen,
            "terugsturen": terugsturen,
            "open": onderdeel,
        },
    )


# Worklist and letters -----------------------------------------------------------------------------


@bevoegdheid_vereist(BEHANDELEN, ACCORDEREN)
def lijst(request):
    vandaag = timezone.localdate()
    alleen_mijn = request.GET.get("mijn") == "1"
    regels = selectors.open_aanvragen(
        actor=request.actor, vandaag=vandaag, behandelaar=request.user if alleen_mijn else None
    )
    return render(
        request,
        "uitkering/aanvraag/lijst.html",
        {
            "regels": regels,
            "alleen_mijn": alleen_mijn,
            "vandaag": vandaag,
            "te_accorderen": list(selectors.te_accorderen(actor=request.actor))
            if request.actor.mag(ACCORDEREN)
            else None,
        },
    )


@bevoegdheid_vereist(BEHANDELEN, ACCORDEREN)
def document(request, document_uuid):
    """Download a stored letter exactly as it was sent. The file name holds no BSN."""
    gevonden = of_404(selectors.document, actor=request.actor, document_id=document_uuid)
    naam = f"{gevonden.soort}-{gevonden.aangemaakt_op:%Y-%m-%d}-{str(gevonden.pk)[:8]}.pdf"
    return brief_downloaden(request, gevonden, bestandsnaam=naam)
