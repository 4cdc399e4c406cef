"""Entering (or correcting) a household's inkomstenopgave, and opening a payslip."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients import selectors as clients_selectors
from meedoen.clients.models import HuishoudRol
from meedoen.clients.toegang import inzage_vastleggen, persoon_openen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.money import cents_to_decimal, parse_amount
from meedoen.uitkering.betalingen import inkomsten, maanden, selectors
from meedoen.uitkering.betalingen.forms import OpgaveForm, regel_formset
from meedoen.uitkering.betalingen.views_voorstellen import LEZEN, PER_PAGINA, standaardmaand
from meedoen.uitkering.bijzondere.bestanden import CONTENT_TYPES, extensie

DOEL = "inkomstenopgave"
ROLNAMEN = dict(HuishoudRol.choices)
EXTRA_REGELS = 3


def _leden(persoon, maand):
    huishouden = clients_selectors.huishouden_van(persoon=persoon, datum=maand)
    if huishouden is None:
        return None, []
    keuzes = [
        (str(lid.persoon_id), f"{lid.persoon.volledige_naam} ({ROLNAMEN.get(lid.rol, lid.rol)})")
        for lid in huishouden.leden
    ]
    return huishouden.huishouden, keuzes


def _initial(opgave) -> list[dict]:
    return [
        {
            "persoon": str(r.persoon_id),
            "bron": r.bron,
            "omschrijving": r.omschrijving,
            "bedrag": cents_to_decimal(r.netto_cent),
            "vorige_regel": r.pk,
        }
        for r in opgave.regels.all()
    ]


def _regels(formset) -> list[inkomsten.Regel]:
    uit = []
    for form in formset.forms:
        if form.is_leeg():
            continue
        data = form.cleaned_data
        uit.append(
            inkomsten.Regel(
                persoon_id=uuid.UUID(data["persoon"]),
                bron=data["bron"],
                netto_cent=parse_amount(data["bedrag"]),
                omschrijving=data.get("omschrijving") or "",
                loonstrook=data.get("loonstrook") or None,
                vorige_regel_id=data.get("vorige_regel"),
            )
        )
    return uit


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def opgave(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    bron = request.POST if request.method == "POST" else request.GET
    maand = maanden.uit_tekst(bron.get("maand", "")) or standaardmaand()
    huishouden, leden = _leden(persoon, maand)
    bestaand = selectors.opgave(huishouden=huishouden, maand=maand) if huishouden else None
    initial = _initial(bestaand) if bestaand else []
    Formset = regel_formset(extra=EXTRA_REGELS)
    form = OpgaveForm(
        request.POST or None,
        initial={"maand": maand, "toelichting": bestaand.toelichting if bestaand else ""},
    )
    formset = Formset(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        prefix="regel",
        form_kwargs={"leden": leden},
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            uitkomst = inkomsten.inkomstenopgave_opslaan(
                actor=request.actor,
                persoon=persoon,
                maand=form.cleaned_data["maand"],
                regels=_regels(formset),
                toelichting=form.cleaned_data["toelichting"],
            )
        except inkomsten.Opgavefout as exc:
            rijen = [f for f in formset.forms if not f.is_leeg()]
            for rij, fouten in zip(rijen, exc.regelfouten, strict=True):
                for veld, tekst in fouten.items():
                    rij.add_error(veld, tekst)
            form.add_error(None, exc.messages)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            _melden(request, uitkomst)
            if uitkomst.voorstel is not None and uitkomst.herziening is None:
                return redirect(
                    "uitkering:betaalvoorstel_detail", betaalvoorstel_uuid=uitkomst.voorstel.pk
                )
            return redirect("clients:dossier", persoon_uuid=persoon.pk)
    if request.method == "POST" and request.FILES:
        messages.warning(
            request, _("Kies de loonstroken opnieuw: een browser bewaart gekozen bestanden niet.")
        )
    return render(
        request,
        "uitkering/betalingen/opgave.html",
        {
            "persoon": persoon,
            "form": form,
            "formset": formset,
            "maand": maand,
            "maandnaam": maanden.maandnaam(maand),
            "bestaand": bestaand,
            "vervangen": selectors.vervangen_regels(opgave=bestaand) if bestaand else [],
            "geen_huishouden": huishouden is None,
        },
    )


def _melden(request, uitkomst) -> None:
    maandnaam = maanden.maandnaam(uitkomst.opgave.maand)
    messages.success(
        request,
        (
            _("De inkomstenopgave over %(maand)s is gecorrigeerd.")
            if uitkomst.gecorrigeerd
            else _("De inkomstenopgave over %(maand)s is opgeslagen.")
        )
        % {"maand": maandnaam},
    )
    if uitkomst.herziening is not None:
        messages.warning(
            request,
            _(
                "%(maand)s was al betaald. Er is een herziening voorgesteld; een consulent "
                "beslist daarover."
            )
            % {"maand": maandnaam.capitalize()},
        )
    elif uitkomst.voorstel is not None and uitkomst.voorstel.status == "betaald":
        messages.info(request, _("Deze maand was al betaald. Er verandert niets aan het bedrag."))
    elif uitkomst.melding:
        messages.warning(request, uitkomst.melding)


@bevoegdheid_vereist(*LEZEN)
def loonstrook(request, inkomstenregel_uuid):
    regel = of_404(selectors.loonstrook, actor=request.actor, regel_id=inkomstenregel_uuid)
    inzage_vastleggen(request, regel.opgave.persoon, doel="loonstrook inzien")
    ext = extensie(regel.loonstrook.name)
    bestand = regel.loonstrook.open("rb")
    return FileResponse(
        bestand,
        as_attachment=True,
        filename=f"loonstrook-{regel.opgave.maand:%Y-%m}{ext}",
        content_type=CONTENT_TYPES.get(ext, "application/octet-stream"),
    )


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def ontbrekend(request):
    """Every household with bijstand that has no inkomstenopgave for the month (last month
    unless chosen), by the applicant's name, paged: the full list behind the start page's
    section, which shows the first few only."""
    vorige = maanden.plus(maanden.maand_van(timezone.localdate()), -1)
    maand = maanden.uit_tekst(request.GET.get("maand", "")) or vorige
    huishoudens = selectors.ontbrekende_opgaven(actor=request.actor, maand=maand)
    pagina = Paginator(huishoudens, PER_PAGINA).get_page(request.GET.get("page"))
    personen = selectors.aanvragers(h.aanvrager_id for h in pagina)
    return render(
        request,
        "uitkering/betalingen/ontbrekende_opgaven.html",
        {
            "maand": maand,
            "maandnaam": maanden.maandnaam(maand),
            "page": pagina,
            "lijst": [personen[h.aanvrager_id] for h in pagina if h.aanvrager_id in personen],
        },
    )
