"""The page "Bijstand beëindigen": einddatum, reason and grounds; a warning first when the
bijstand over a month after the einddatum was already paid."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients.toegang import persoon_openen
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.beeindiging import forms, selectors, services

DOEL = services.DOEL


@bevoegdheid_vereist(Bevoegdheid.UITKERING_BEHANDELEN)
def beeindigen(request, persoon_uuid):
    persoon = persoon_openen(request, persoon_uuid, doel=DOEL)
    vandaag = timezone.localdate()
    toekenning = selectors.geldende_toekenning(persoon=persoon, vandaag=vandaag)
    form = forms.BeeindigenForm(request.POST if request.method == "POST" else None)
    betaald_na: list = []
    if toekenning is not None and request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        betaald_na = selectors.betaalde_maanden_na(
            huishouden_id=toekenning.huishouden_id, einddatum=d["einddatum"]
        )
        if not betaald_na or d["doorgaan"]:
            try:
                besluit = services.bijstand_beeindigen(
                    actor=request.actor,
                    persoon=persoon,
                    einddatum=d["einddatum"],
                    reden=d["reden"],
                    toelichting=d["toelichting"],
                    gronden=d["gronden"],
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
                betaald_na = []
            else:
                messages.success(
                    request, _("De bijstand is beëindigd. De brief aan de inwoner is gemaakt.")
                )
                if betaald_na:
                    messages.warning(
                        request,
                        _(
                            "Over %(maanden)s is al bijstand betaald. Die maanden vallen na de "
                            "einddatum. Leg de terugvordering vast bij Herzieningen."
                        )
                        % {"maanden": selectors.maandnamen(betaald_na)},
                    )
                return redirect("uitkering:besluit_detail", besluit_uuid=besluit.pk)
    return render(
        request,
        "uitkering/beeindiging/beeindigen.html",
        {
            "persoon": persoon,
            "toekenning": toekenning,
            "form": form,
            "betaald_na": betaald_na,
            "betaalde_maanden": selectors.maandnamen(betaald_na),
            "laatst_betaald": selectors.laatste_betaalde_maand(
                huishouden_id=toekenning.huishouden_id
            )
            if toekenning
            else None,
        },
    )
