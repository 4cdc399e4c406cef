"""One proposal: its score and reasons at proposal time, its history, and the next step."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from meedoen.clients.toegang import inzage_vastleggen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.koppelen import selectors, services
from meedoen.werk.koppelen.forms import VoorstelStatusForm
from meedoen.werk.koppelen.overgangen import OPEN
from meedoen.werk.koppelen.redenen import opgeslagen_redenen_tekst
from meedoen.werk.koppelen.views._basis import DOEL
from meedoen.werk.models import Voorstel


def _volgende_stap(request, voorstel, form) -> bool:
    data = form.cleaned_data
    try:
        if data["status"] == Voorstel.Status.GEPLAATST:
            services.voorstel_geplaatst(
                request.actor,
                voorstel,
                data["begindatum"],
                uren_per_week=data["uren_per_week"],
                toelichting=data["toelichting"],
            )
        else:
            services.voorstel_status_wijzigen(
                actor=request.actor,
                voorstel=voorstel,
                status=data["status"],
                afwijsreden=data["afwijsreden"],
                toelichting=data["toelichting"],
            )
    except ValidationError as exc:
        fouten_naar_form(form, exc)
        return False
    return True


@bevoegdheid_vereist(Bevoegdheid.MATCHEN)
def voorstel(request, voorstel_uuid):
    gevonden = of_404(selectors.voorstel, actor=request.actor, voorstel_id=voorstel_uuid)
    inzage_vastleggen(request, gevonden.persoon, doel=DOEL)
    form = None
    if gevonden.status in OPEN:
        form = VoorstelStatusForm(request.POST or None, voorstel=gevonden)
        if request.method == "POST" and form.is_valid() and _volgende_stap(request, gevonden, form):
            messages.success(request, _("De nieuwe stap is vastgelegd."))
            return redirect("werk:koppelen_voorstel", voorstel_uuid=gevonden.pk)
    elif request.method == "POST":
        messages.error(request, _("Dit voorstel is afgerond; er kan niets meer bij."))
        return redirect("werk:koppelen_voorstel", voorstel_uuid=gevonden.pk)
    return render(
        request,
        "werk/koppelen/voorstel.html",
        {
            "voorstel": gevonden,
            "persoon": gevonden.persoon,
            "redenen": opgeslagen_redenen_tekst(gevonden.redenen),
            "form": form,
        },
    )
