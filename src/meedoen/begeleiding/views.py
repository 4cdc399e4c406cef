"""Pages about one resident's guidance: ambitiegesprek, route, plan, afspraken, contact,
participatieladder, ontheffing, maatregel and caseload assignment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.begeleiding import forms, selectors
from meedoen.begeleiding.models import Afspraak
from meedoen.begeleiding.services import plan as plan_services
from meedoen.begeleiding.services import traject
from meedoen.begeleiding.services._basis import mag_caseload_verdelen
from meedoen.clients.toegang import formulierpagina, inzage_vastleggen, persoon_openen
from meedoen.core.actor import Geweigerd
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid

DOEL = "begeleiding"


def _routes(request, persoon):
    return selectors.routes(actor=request.actor).filter(
        gemeente_id=persoon.gemeente_id, actief=True
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def ambitiegesprek(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    form = forms.AmbitiegesprekForm(request.POST or None, routes=_routes(request, persoon))
    if request.method == "POST" and form.is_valid():
        gegevens = dict(form.cleaned_data)
        try:
            traject.ambitiegesprek_vastleggen(
                actor=request.actor,
                persoon=persoon,
                datum=gegevens.pop("datum"),
                gegevens=gegevens,
                vandaag=timezone.localdate(),
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request, _("Het ambitiegesprek is vastgelegd. Kies nu samen een route.")
            )
            return redirect("begeleiding:route", persoon_uuid=persoon.pk)
    return formulierpagina(
        request,
        titel=_("Ambitiegesprek"),
        intro=_("Wat wil de inwoner, wat kan de inwoner al, en wat staat in de weg?"),
        form=form,
        persoon=persoon,
        submit=_("Gesprek opslaan"),
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def route_kiezen(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    gesprek = selectors.laatste_ambitiegesprek(persoon=persoon)
    advies = selectors.advies_voor(persoon=persoon, ambitiegesprek=gesprek)
    initial = {}
    if gesprek and gesprek.voorkeursroute_id:
        initial["route"] = gesprek.voorkeursroute
    elif advies:
        initial["route"] = advies.route
    form = forms.RouteKeuzeForm(
        request.POST or None, routes=_routes(request, persoon), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            traject.route_kiezen(
                actor=request.actor,
                persoon=persoon,
                route=form.cleaned_data["route"],
                ingangsdatum=form.cleaned_data["ingangsdatum"],
                advies=advies,
                reden_afwijking=form.cleaned_data["reden_afwijking"],
                ambitiegesprek=gesprek,
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request, _("De route is vastgelegd. Maak nu samen het plan van aanpak.")
            )
            return redirect("begeleiding:plan", persoon_uuid=persoon.pk)
    return formulierpagina(
        request,
        titel=_("Route kiezen"),
        intro=_("De inwoner kiest zelf voor een groot deel. Het advies helpt daarbij."),
        form=form,
        persoon=persoon,
        submit=_("Route vastleggen"),
        advies_template="begeleiding/_advies.html",
        advies=advies,
        gesprek=gesprek,
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def plan(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    huidig = selectors.huidig_plan(persoon=persoon)
    onderdeel = request.POST.get("onderdeel") if request.method == "POST" else None
    formulieren = {
        "plan": forms.PlanForm(request.POST if onderdeel == "plan" else None, prefix="plan"),
        "doel": forms.DoelForm(request.POST if onderdeel == "doel" else None, prefix="doel"),
        "afspraak": forms.AfspraakForm(
            request.POST if onderdeel == "afspraak" else None, prefix="afspraak"
        ),
        "actie": forms.ActieForm(request.POST if onderdeel == "actie" else None, prefix="actie"),
    }
    if onderdeel in formulieren and (onderdeel == "plan" or huidig is not None):
        form = formulieren[onderdeel]
        if form.is_valid():
            try:
                _plan_onderdeel_opslaan(request, persoon, huidig, onderdeel, form.cleaned_data)
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("Het plan van aanpak is bijgewerkt."))
                return redirect("begeleiding:plan", persoon_uuid=persoon.pk)
    return render(
        request,
        "begeleiding/plan.html",
        {"persoon": persoon, "plan": huidig, "formulieren": formulieren, "open": onderdeel},
    )


def _plan_onderdeel_opslaan(request, persoon, huidig, onderdeel, data):
    actor = request.actor
    if onderdeel == "plan":
        plan_services.plan_opstellen(
            actor=actor, persoon=persoon, vandaag=timezone.localdate(), **data
        )
    elif onderdeel == "doel":
        plan_services.doel_toevoegen(actor=actor, plan=huidig, **data)
    elif onderdeel == "afspraak":
        plan_services.afspraak_toevoegen(actor=actor, plan=huidig, **data)
    else:
        plan_services.actie_toevoegen(actor=actor, plan=huidig, **data)


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def afspraak_status(request, afspraak_uuid):
    gevonden: Afspraak = of_404(selectors.afspraak, actor=request.actor, afspraak_id=afspraak_uuid)
    persoon = gevonden.plan.persoon
    inzage_vastleggen(request, persoon, doel=DOEL)
    form = forms.AfspraakStatusForm(request.POST or None, huidige_status=gevonden.status)
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.afspraak_status_wijzigen(
                actor=request.actor,
                afspraak=gevonden,
                vandaag=timezone.localdate(),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De afspraak is bijgewerkt."))
            return redirect("begeleiding:plan", persoon_uuid=persoon.pk)
    return formulierpagina(
        request,
        titel=_("Hoe ging de afspraak?"),
        intro=_(
            "Afspraak: %(wat)s (uiterlijk %(datum)s). Niet nagekomen? Dan volgt eerst een gesprek."
        )
        % {"wat": gevonden.wat, "datum": gevonden.uiterlijk.strftime("%d-%m-%Y")},
        form=form,
        persoon=persoon,
        submit=_("Opslaan"),
    )


def _eenvoudig(
    request, persoon_uuid, *, form_class, titel, intro, submit, opslaan, succes, **form_kwargs
):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    form = form_class(request.POST or None, **{k: v(persoon) for k, v in form_kwargs.items()})
    if request.method == "POST" and form.is_valid():
        try:
            opslaan(persoon, dict(form.cleaned_data))
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, succes)
            return redirect("clients:dossier", persoon_uuid=persoon.pk)
    return formulierpagina(
        request, titel=titel, intro=intro, form=form, persoon=persoon, submit=submit
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def contactmoment(request, persoon_uuid):
    return _eenvoudig(
        request,
        persoon_uuid,
        form_class=forms.ContactmomentForm,
        titel=_("Contactmoment vastleggen"),
        intro="",
        submit=_("Opslaan"),
        succes=_("Het contactmoment is vastgelegd."),
        opslaan=lambda persoon, data: traject.contactmoment_vastleggen(
            actor=request.actor, persoon=persoon, gegevens=data, vandaag=timezone.localdate()
        ),
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def ladder(request, persoon_uuid):
    return _eenvoudig(
        request,
        persoon_uuid,
        form_class=forms.LadderForm,
        titel=_("Participatieladder"),
        intro=_("Waar staat de inwoner nu? Omhoog of omlaag: leg het vast zoals het is."),
        submit=_("Opslaan"),
        succes=_("De trede is vastgelegd."),
        opslaan=lambda persoon, data: traject.ladderpositie_vastleggen(
            actor=request.actor, persoon=persoon, vandaag=timezone.localdate(), **data
        ),
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def ontheffing(request, persoon_uuid):
    return _eenvoudig(
        request,
        persoon_uuid,
        form_class=forms.OntheffingForm,
        titel=_("Ontheffing van arbeids- of re-integratieplichten"),
        intro=_("Bij een einddatum komt er vier weken ervoor een taak om samen terug te kijken."),
        submit=_("Opslaan"),
        succes=_("De ontheffing is vastgelegd."),
        opslaan=lambda persoon, data: traject.ontheffing_vastleggen(
            actor=request.actor, persoon=persoon, gegevens=data, vandaag=timezone.localdate()
        ),
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def maatregel(request, persoon_uuid):
    return _eenvoudig(
        request,
        persoon_uuid,
        form_class=forms.MaatregelForm,
        titel=_("Maatregel: besluit"),
        intro=_(
            "Een maatregel is een apart besluit dat u zelf neemt, op grond van de verordening. "
            "Het systeem neemt dit besluit nooit."
        ),
        submit=_("Besluit vastleggen"),
        succes=_("Het besluit is vastgelegd."),
        opslaan=lambda persoon, data: plan_services.maatregel_vastleggen(
            actor=request.actor, persoon=persoon, gegevens=data, vandaag=timezone.localdate()
        ),
        afspraken=lambda persoon: Afspraak.objects.filter(plan__persoon=persoon),
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def toewijzen(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    if not mag_caseload_verdelen(request.actor):
        raise Geweigerd("caseload verdelen")
    form = forms.ToewijzenForm(request.POST or None, organisatie=request.actor.organisatie)
    if request.method == "POST" and form.is_valid():
        try:
            traject.klantmanager_toewijzen(
                actor=request.actor, persoon=persoon, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De klantmanager is gewijzigd."))
            return redirect("clients:dossier", persoon_uuid=persoon.pk)
    return formulierpagina(
        request,
        titel=_("Klantmanager toewijzen"),
        form=form,
        persoon=persoon,
        submit=_("Toewijzen"),
    )
