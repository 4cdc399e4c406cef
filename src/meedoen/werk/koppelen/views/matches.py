"""Matches both ways and proposing: the resident's best vacancies (from the dossier), the
vacancy's best candidates (from the vacancy), and the proposal itself."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.clients import selectors as clients_selectors
from meedoen.clients.toegang import persoon_openen
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.koppelen import matchen, redenen, selectors, services
from meedoen.werk.koppelen.forms import VoorstelForm
from meedoen.werk.koppelen.views._basis import DOEL


@bevoegdheid_vereist(Bevoegdheid.MATCHEN)
def vacatures_voor_inwoner(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    regels = matchen.vacatures_voor_persoon(actor=request.actor, persoon=persoon)
    return render(
        request,
        "werk/koppelen/matches.html",
        {
            "persoon": persoon,
            "regels": regels,
            "voorstellen": selectors.voorstellen_van_persoon(persoon=persoon),
            "form": VoorstelForm(),
        },
    )


@transaction.atomic
def _kandidaten_ingezien(request, regels, vacature) -> None:
    """The list shows each candidate's work profile in brief: one read per resident, with the
    vacancy as the purpose."""
    for regel in regels:
        audit_vastleggen(
            actor=request.actor,
            actie=Actie.GELEZEN,
            doel=f"{DOEL}: kandidaten voor vacature {vacature.pk}",
            obj=regel.object.persoon,
            persoon_id=regel.object.persoon_id,
        )


@bevoegdheid_vereist(Bevoegdheid.MATCHEN, Bevoegdheid.WERKGEVERS_BEHEREN)
def kandidaten_voor_vacature(request, vacature_uuid):
    vacature = of_404(selectors.vacature, actor=request.actor, vacature_id=vacature_uuid)
    regels = matchen.kandidaten_voor_vacature(actor=request.actor, vacature=vacature)
    _kandidaten_ingezien(request, regels, vacature)
    mag_voorstellen = request.actor.mag(Bevoegdheid.MATCHEN)
    return render(
        request,
        "werk/koppelen/kandidaten.html",
        {
            "vacature": vacature,
            "regels": regels,
            "mag_voorstellen": mag_voorstellen,
            "voorstellen": selectors.voorstellen_voor_vacature(
                actor=request.actor, vacature=vacature
            )
            if mag_voorstellen
            else [],
            "form": VoorstelForm(),
        },
    )


def _terug(request, persoon, vacature):
    if request.POST.get("terug") == "vacature":
        return redirect("werk:koppelen_kandidaten", vacature_uuid=vacature.pk)
    return redirect("werk:koppelen_matches", persoon_uuid=persoon.pk)


@require_POST
@bevoegdheid_vereist(Bevoegdheid.MATCHEN)
def voorstellen(request, persoon_uuid, vacature_uuid):
    """Propose the resident for the vacancy, with the score and reasons as computed now (not
    as posted: the browser only says which pair)."""
    persoon = of_404(clients_selectors.persoon, actor=request.actor, persoon_id=persoon_uuid)
    vacature = of_404(selectors.vacature, actor=request.actor, vacature_id=vacature_uuid)
    form = VoorstelForm(request.POST)
    gescoord = matchen.paar(persoon=persoon, vacature=vacature)
    if gescoord.uitgesloten is not None:
        messages.error(
            request,
            _("Niet voorgesteld: deze vacature past niet (%(reden)s).")
            % {"reden": redenen.teksten([gescoord.uitgesloten])[0]},
        )
        return _terug(request, persoon, vacature)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["toelichting"])
        voorstel = services.voorstel_doen(
            actor=request.actor,
            persoon=persoon,
            vacature=vacature,
            score=gescoord.match.score if gescoord.match else None,
            redenen=redenen.om_op_te_slaan(gescoord.match) if gescoord.match else [],
            toelichting=form.cleaned_data["toelichting"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _terug(request, persoon, vacature)
    messages.success(
        request,
        _("%(naam)s is voorgesteld voor %(vacature)s.")
        % {"naam": persoon.volledige_naam, "vacature": vacature.titel},
    )
    return redirect("werk:koppelen_voorstel", voorstel_uuid=voorstel.pk)
