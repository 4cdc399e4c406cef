"""Task lists, finishing a task, the school-leavers import and the signals settings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.core.permissions import bevoegdheid_vereist, gemeenten_van, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.signalen import forms, schoolverlaters, selectors, services
from meedoen.signalen.models import TaakStatus

PER_PAGINA = 50


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_LEZEN)
def taken(request):
    teams = selectors.teams_van(actor=request.actor)
    team = None
    if team_id := request.GET.get("team"):
        team = teams.filter(pk=team_id).first() if _is_uuid(team_id) else None
        if team is None:
            raise Http404
    lijst = (
        selectors.team_taken(actor=request.actor, team=team)
        if team
        else selectors.mijn_taken(actor=request.actor)
    )
    pagina = Paginator(lijst.order_by("vervaldatum", "pk"), PER_PAGINA).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "signalen/taken.html",
        {
            "taken": pagina.object_list,
            "page": pagina,
            "team": team,
            "teams": teams,
            "vandaag": timezone.localdate(),
            "niet_toegewezen": selectors.niet_toegewezen_taken(actor=request.actor).count(),
        },
    )


def _is_uuid(waarde: str) -> bool:
    import uuid

    try:
        uuid.UUID(waarde)
    except ValueError:
        return False
    return True


@require_POST
@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def taak_afronden(request, taak_uuid):
    gevonden = of_404(selectors.taak, actor=request.actor, taak_id=taak_uuid)
    form = forms.AfrondenForm(request.POST)
    if form.is_valid():
        try:
            services.taak_status_wijzigen(
                actor=request.actor,
                taak=gevonden,
                status=TaakStatus.AFGEROND,
                toelichting=form.cleaned_data["toelichting"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("De taak is afgerond."))
    return redirect("signalen:taken")


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def schoolverlaters_import(request):
    form = forms.SchoolverlatersForm(
        request.POST or None, request.FILES or None, gemeenten=gemeenten_van(request.actor)
    )
    resultaat = None
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            resultaat = schoolverlaters.schoolverlaters_importeren(
                actor=request.actor,
                gemeente=form.cleaned_data["gemeente"],
                inhoud=bestand.read(),
                bestandsnaam=bestand.name,
                vandaag=timezone.localdate(),
            )
        except ValidationError as exc:
            form.add_error("bestand", exc.messages)
    return render(request, "signalen/schoolverlaters.html", {"form": form, "resultaat": resultaat})


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def instellingen(request):
    gemeenten = list(gemeenten_van(request.actor))
    gemeente = gemeenten[0] if gemeenten else None
    if gemeente_id := request.GET.get("gemeente"):
        gemeente = next((g for g in gemeenten if str(g.pk) == gemeente_id), None)
    if gemeente is None:
        raise Http404
    instelling = services.instelling_van(gemeente_id=gemeente.pk)
    form = forms.InstellingForm(request.POST or None, instance=instelling)
    if request.method == "POST" and form.is_valid():
        services.instelling_opslaan(
            actor=request.actor,
            gemeente=gemeente,
            schoolverlaters_maanden_vooraf=form.cleaned_data["schoolverlaters_maanden_vooraf"],
        )
        messages.success(request, _("De instelling is opgeslagen."))
        return redirect(f"{request.path}?gemeente={gemeente.pk}")
    return render(
        request,
        "signalen/instellingen.html",
        {"form": form, "gemeente": gemeente, "gemeenten": gemeenten},
    )
