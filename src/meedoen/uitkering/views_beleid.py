"""The functioneel beheerder sets, per gemeente, which rekenvarianten apply and how the gemeente
carries out the bijstand (retroactive effect, four eyes, letters, paying account)."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from meedoen.clients.toegang import formulierpagina
from meedoen.core.forms import fouten_naar_form, naar_cent
from meedoen.core.permissions import bevoegdheid_vereist, gekozen_gemeente
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.reforms import REFORMS
from meedoen.uitkering import services
from meedoen.uitkering.bijzondere.views_beleid import draagkracht_form_voor
from meedoen.uitkering.forms_beleid import InkomensbeleidForm, UitvoeringForm
from meedoen.uitkering.models import Inkomensbeleid


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def inkomensbeleid(request):
    gemeenten = list(request.actor.organisatie.gemeenten.filter(pk__in=request.actor.gemeente_ids))
    beleid_van = {b.gemeente_id: b for b in Inkomensbeleid.objects.filter(gemeente__in=gemeenten)}
    for gemeente in gemeenten:
        beleid_van.setdefault(gemeente.pk, Inkomensbeleid(gemeente=gemeente))
    rijen = []
    for gemeente in gemeenten:
        prefix = f"g{gemeente.pk}"
        data = request.POST if request.POST.get("gemeente") == str(gemeente.pk) else None
        form = InkomensbeleidForm(
            data, prefix=prefix, initial={"rekenvarianten": beleid_van[gemeente.pk].rekenvarianten}
        )
        if data is not None and form.is_valid():
            services.rekenvarianten_instellen(
                actor=request.actor,
                gemeente=gemeente,
                rekenvarianten=form.cleaned_data["rekenvarianten"],
            )
            messages.success(request, _("Het inkomensbeleid is opgeslagen."))
            return redirect("uitkering:inkomensbeleid")
        rijen.append(
            {
                "gemeente": gemeente,
                "form": form,
                "draagkracht_form": draagkracht_form_voor(gemeente),
                "beleid": beleid_van[gemeente.pk],
                "vakantiegeld_maand": MONTHS[beleid_van[gemeente.pk].vakantiegeld_maand],
            }
        )
    return render(
        request, "uitkering/inkomensbeleid.html", {"rijen": rijen, "varianten": REFORMS.values()}
    )


def _uitvoering_initial(gemeente) -> dict:
    beleid = Inkomensbeleid.objects.filter(gemeente=gemeente).first() or Inkomensbeleid()
    initial = {veld: getattr(beleid, veld) for veld in services.UITVOERING_VELDEN}
    initial["vier_ogen_grens"] = Decimal(beleid.vier_ogen_grens_cent) / 100
    return initial


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def uitvoering(request):
    gemeente = gekozen_gemeente(request.actor, request.GET.get("gemeente"))
    if request.method == "POST":
        form = UitvoeringForm(request.POST)
        if form.is_valid():
            gegevens = dict(form.cleaned_data)
            gegevens["vier_ogen_grens_cent"] = naar_cent(gegevens.pop("vier_ogen_grens"))
            try:
                services.uitvoering_instellen(
                    actor=request.actor, gemeente=gemeente, gegevens=gegevens
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De uitvoering is opgeslagen."))
                return redirect("uitkering:inkomensbeleid")
    else:
        form = UitvoeringForm(initial=_uitvoering_initial(gemeente))
    return formulierpagina(
        request,
        titel=_("Uitvoering van de bijstand: %(gemeente)s") % {"gemeente": gemeente.naam},
        intro=_(
            "Deze instellingen gelden voor alle aanvragen, besluiten, brieven en betalingen van "
            "de gemeente. Wijzigingen worden vastgelegd met uw naam."
        ),
        form=form,
        submit=_("Opslaan"),
    )
