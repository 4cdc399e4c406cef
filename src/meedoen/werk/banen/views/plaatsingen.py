"""Placements: placing a resident, the placement page, follow-up contacts, ending, loonwaarde."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients.toegang import formulierpagina, inzage_vastleggen, persoon_openen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist, of_404
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.periods import last_period
from meedoen.werk.banen import forms, selectors, services
from meedoen.werk.banen.services.plaatsingen import lks_periode
from meedoen.werk.banen.views._basis import DOEL, PER_PAGINA


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def lijst(request):
    vandaag = timezone.localdate()
    alleen_contact = request.GET.get("contact") == "nodig"
    rijen = selectors.plaatsingen(
        actor=request.actor, vandaag=vandaag, alleen_contact_nodig=alleen_contact
    )
    return render(
        request,
        "werk/banen/plaatsingen.html",
        {
            "page": Paginator(rijen, PER_PAGINA).get_page(request.GET.get("page")),
            "alleen_contact": alleen_contact,
            "vandaag": vandaag,
        },
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def plaatsen(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    vandaag = timezone.localdate()
    form = forms.PlaatsingForm(
        request.POST or None,
        banen=selectors.banen(actor=request.actor, vandaag=vandaag, alleen_vrij=True),
        vacatures=selectors.open_vacatures(actor=request.actor),
        initial={"begindatum": vandaag},
    )
    if request.method == "POST" and form.is_valid():
        try:
            plaatsing = services.plaatsing_aanmaken(
                request.actor, persoon=persoon, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De inwoner is geplaatst."))
            return redirect("werk:banen_plaatsing", plaatsing_uuid=plaatsing.pk)
    return formulierpagina(
        request,
        titel=_("Plaatsen op werk"),
        intro=_(
            "Op een maatschappelijke baan, bij een reguliere werkgever of via detachering. "
            "Een voorstel uit het matchen wordt geplaatst vanaf het voorstel zelf."
        ),
        form=form,
        persoon=persoon,
        submit=_("Plaatsen"),
    )


@bevoegdheid_vereist(Bevoegdheid.DOSSIER_LEZEN)
def detail(request, plaatsing_uuid):
    plaatsing = of_404(selectors.plaatsing, actor=request.actor, plaatsing_id=plaatsing_uuid)
    inzage_vastleggen(request, plaatsing.persoon, doel=DOEL)
    return render(
        request,
        "werk/banen/plaatsing.html",
        {
            "plaatsing": plaatsing,
            "persoon": plaatsing.persoon,
            "contacten": selectors.contacten(plaatsing=plaatsing),
            "mag_beheren": request.actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN),
        },
    )


def _plaatsing_formulier(
    request, plaatsing_uuid, *, form_class, titel, intro, submit, succes, opslaan, initial=None
):
    plaatsing = of_404(selectors.plaatsing, actor=request.actor, plaatsing_id=plaatsing_uuid)
    inzage_vastleggen(request, plaatsing.persoon, doel=DOEL)
    form = form_class(request.POST or None, initial=initial(plaatsing) if initial else None)
    if request.method == "POST" and form.is_valid():
        try:
            opslaan(plaatsing, dict(form.cleaned_data))
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, succes)
            return redirect("werk:banen_plaatsing", plaatsing_uuid=plaatsing.pk)
    return formulierpagina(
        request, titel=titel, intro=intro, form=form, persoon=plaatsing.persoon, submit=submit
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def contact(request, plaatsing_uuid):
    return _plaatsing_formulier(
        request,
        plaatsing_uuid,
        form_class=forms.PlaatsingContactForm,
        titel=_("Contact over de plaatsing"),
        intro=_("Hoe gaat het werk? Spreek de inwoner en de werkplek."),
        submit=_("Opslaan"),
        succes=_("Het contact is vastgelegd."),
        initial=lambda p: {"datum": timezone.localdate()},
        opslaan=lambda plaatsing, data: services.plaatsing_contact_vastleggen(
            actor=request.actor, plaatsing=plaatsing, vandaag=timezone.localdate(), **data
        ),
    )


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def beeindigen(request, plaatsing_uuid):
    return _plaatsing_formulier(
        request,
        plaatsing_uuid,
        form_class=forms.PlaatsingBeeindigenForm,
        titel=_("Plaatsing beëindigen"),
        intro=_("Wanneer stopt het werk, en waarom?"),
        submit=_("Beëindigen"),
        succes=_("De plaatsing is beëindigd."),
        opslaan=lambda plaatsing, data: services.plaatsing_beeindigen(
            actor=request.actor, plaatsing=plaatsing, **data
        ),
    )


def _loonwaarde_beginwaarden(plaatsing) -> dict:
    periode = lks_periode(max(plaatsing.begindatum, timezone.localdate()))
    laatste = last_period()
    return {
        "periode": laatste if laatste and periode > laatste else periode,
        "percentage": plaatsing.loonwaarde_percentage,
        "methode": plaatsing.loonwaarde_methode,
        "vastgesteld_door": plaatsing.loonwaarde_vastgesteld_door,
        "vastgesteld_op": plaatsing.loonwaarde_vastgesteld_op or timezone.localdate(),
    }


@bevoegdheid_vereist(Bevoegdheid.WERKGEVERS_BEHEREN)
def loonwaarde(request, plaatsing_uuid):
    return _plaatsing_formulier(
        request,
        plaatsing_uuid,
        form_class=forms.LoonwaardeForm,
        titel=_("Loonwaarde en loonkostensubsidie"),
        intro=_(
            "Werkt de inwoner bij een reguliere werkgever en is het werk minder waard dan het "
            "minimumloon? Dan krijgt de werkgever loonkostensubsidie. Meedoen rekent die uit."
        ),
        submit=_("Vastleggen en berekenen"),
        succes=_("De loonwaarde is vastgelegd en de loonkostensubsidie is berekend."),
        initial=_loonwaarde_beginwaarden,
        opslaan=lambda plaatsing, data: services.loonwaarde_vastleggen(
            actor=request.actor, plaatsing=plaatsing, **data
        ),
    )
