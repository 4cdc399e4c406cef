"""Intake pages: the brede intake with ZRM, a ZRM measurement, referrals and partners."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients.toegang import formulierpagina, inzage_vastleggen, persoon_openen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.models import Gemeente
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.intake import forms, selectors, services
from meedoen.intake.delen import DEELBARE_FEITEN, STANDAARD_PER_SOORT
from meedoen.intake.models import ZrmDomein
from meedoen.intake.stress import stresscheck

DOEL_INTAKE = "brede intake"
DOEL_VERWIJZING = "verwijzing naar partner"


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def intake_nieuw(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL_INTAKE)
    form = forms.IntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            intake = services.intake_vastleggen(
                actor=request.actor,
                persoon=persoon,
                datum=form.cleaned_data["datum"],
                zrm=form.zrm_scores(),
                gegevens=form.intake_gegevens(),
                vandaag=timezone.localdate(),
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De intake is vastgelegd."))
            return redirect("intake:detail", intake_uuid=intake.pk)
    return formulierpagina(
        request,
        titel=_("Brede intake"),
        intro=_(
            "Vul alle 13 domeinen van de ZRM in, met een korte toelichting. Daarna: geld en "
            "schulden, wonen, gezondheid, zorgtaken, taal en de hulpvraag van de inwoner."
        ),
        form=form,
        persoon=persoon,
        submit=_("Intake opslaan"),
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def zrm_nieuw(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL_INTAKE)
    form = forms.ZrmVelden(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.zrm_meting_vastleggen(
                actor=request.actor,
                persoon=persoon,
                datum=form.cleaned_data["datum"],
                scores=form.zrm_scores(),
                vandaag=timezone.localdate(),
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De ZRM-meting is vastgelegd."))
            return redirect("clients:dossier", persoon_uuid=persoon.pk)
    return formulierpagina(
        request,
        titel=_("Nieuwe ZRM-meting"),
        intro=_("Een momentopname: vul alle 13 domeinen in, met een korte toelichting."),
        form=form,
        persoon=persoon,
        submit=_("Meting opslaan"),
    )


# Debts and health are not for every reader: werkgeversdienstverleners do not see the intake.
@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def intake_detail(request, intake_uuid):
    gevonden = of_404(selectors.intake, actor=request.actor, intake_id=intake_uuid)
    inzage_vastleggen(request, gevonden.persoon, doel=DOEL_INTAKE)
    scores = {s.domein: s for s in gevonden.zrm.scores.all()}
    uitslag = stresscheck(
        deurwaarder=gevonden.deurwaarder,
        achterstand_huur=gevonden.achterstand_huur,
        achterstand_energie=gevonden.achterstand_energie,
        achterstand_zorgverzekering=gevonden.achterstand_zorgverzekering,
        woonrisico=gevonden.woonrisico,
        zrm={d: s.niveau for d, s in scores.items()},
    )
    voorgesteld = list(
        selectors.partners(actor=request.actor).filter(
            gemeente_id=gevonden.gemeente_id,
            actief=True,
            soort__in=uitslag.voorgestelde_partnersoorten,
        )
    )
    return render(
        request,
        "intake/detail.html",
        {
            "intake": gevonden,
            "persoon": gevonden.persoon,
            "zrm_rijen": [(d, scores.get(d.value)) for d in ZrmDomein],
            "voorgestelde_partners": voorgesteld,
            "mag_schrijven": request.actor.mag(Bevoegdheid.DOSSIER_SCHRIJVEN),
        },
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def verwijzing_nieuw(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL_VERWIJZING)
    partners = selectors.partners(actor=request.actor).filter(
        gemeente_id=persoon.gemeente_id, actief=True
    )
    initial = {"feiten": ["naam", "telefoon"]}
    if (gekozen := request.GET.get("partner")) and not request.POST:
        partner = partners.filter(pk=gekozen).first() if _uuid(gekozen) else None
        if partner is not None:
            initial = {"partner": partner, "feiten": list(STANDAARD_PER_SOORT[partner.soort])}
    form = forms.VerwijzingForm(request.POST or None, partners=partners, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            verwijzing = services.verwijzing_versturen(
                actor=request.actor,
                persoon=persoon,
                partner=form.cleaned_data["partner"],
                reden=form.cleaned_data["reden"],
                feiten=form.cleaned_data["feiten"],
                intake=selectors.laatste_intake(persoon=persoon),
                vandaag=timezone.localdate(),
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De verwijzing is verstuurd."))
            return redirect("intake:verwijzing", verwijzing_uuid=verwijzing.pk)
    return formulierpagina(
        request,
        titel=_("Verwijzen naar een partner"),
        intro=_("Alleen de gegevens die u aanvinkt, worden gedeeld. Dit wordt vastgelegd."),
        form=form,
        persoon=persoon,
        submit=_("Verwijzing versturen"),
    )


def _uuid(waarde: str) -> bool:
    import uuid

    try:
        uuid.UUID(waarde)
    except ValueError:
        return False
    return True


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_SCHRIJVEN)
def verwijzing_detail(request, verwijzing_uuid):
    gevonden = of_404(selectors.verwijzing, actor=request.actor, verwijzing_id=verwijzing_uuid)
    form = None
    if request.actor.mag(Bevoegdheid.DOSSIER_SCHRIJVEN) and gevonden.status in (
        "verstuurd",
        "in_behandeling",
    ):
        form = forms.VerwijzingStatusForm(request.POST or None, huidige_status=gevonden.status)
    if request.method == "POST":
        if form is None:
            from meedoen.core.actor import Geweigerd

            raise Geweigerd("verwijzing")
        if form.is_valid():
            try:
                services.verwijzing_status_wijzigen(
                    actor=request.actor, verwijzing=gevonden, **form.cleaned_data
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De status is bijgewerkt."))
                return redirect("intake:verwijzing", verwijzing_uuid=gevonden.pk)
    else:
        inzage_vastleggen(request, gevonden.persoon, doel=DOEL_VERWIJZING)
    return render(
        request,
        "intake/verwijzing.html",
        {
            "verwijzing": gevonden,
            "persoon": gevonden.persoon,
            "gedeeld": [
                (DEELBARE_FEITEN.get(k, k), v) for k, v in gevonden.gedeelde_feiten.items()
            ],
            "form": form,
        },
    )


def _beheer_gemeente(request) -> Gemeente:
    gemeenten = Gemeente.objects.filter(pk__in=request.actor.gemeente_ids).order_by("naam")
    gekozen = request.GET.get("gemeente") or request.POST.get("gemeente")
    if gekozen and gekozen.isdigit():
        gemeente = gemeenten.filter(pk=int(gekozen)).first()
        if gemeente:
            return gemeente
    gemeente = gemeenten.first()
    if gemeente is None:
        from django.http import Http404

        raise Http404
    return gemeente


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def partners(request):
    gemeente = _beheer_gemeente(request)
    form = forms.PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_opslaan(
                actor=request.actor, gemeente=gemeente, gegevens=form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De partner is toegevoegd."))
            return redirect(f"{reverse('intake:partners')}?gemeente={gemeente.pk}")
    return render(
        request,
        "intake/partners.html",
        {
            "gemeente": gemeente,
            "gemeenten": Gemeente.objects.filter(pk__in=request.actor.gemeente_ids),
            "partners": selectors.partners(actor=request.actor, beheer=True).filter(
                gemeente=gemeente
            ),
            "form": form,
        },
    )


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def partner_wijzigen(request, partner_uuid):
    gevonden = of_404(selectors.partner, actor=request.actor, partner_id=partner_uuid)
    form = forms.PartnerForm(request.POST or None, instance=gevonden)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_opslaan(
                actor=request.actor,
                gemeente=gevonden.gemeente,
                gegevens=form.cleaned_data,
                partner=selectors.partner(actor=request.actor, partner_id=gevonden.pk),
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De partner is opgeslagen."))
            return redirect(f"{reverse('intake:partners')}?gemeente={gevonden.gemeente_id}")
    return formulierpagina(request, titel=_("Partner wijzigen"), form=form, submit=_("Opslaan"))
