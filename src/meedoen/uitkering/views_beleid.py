"""The functioneel beheerder sets which rekenvarianten apply per gemeente."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from meedoen.core.permissions import bevoegdheid_vereist
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.reforms import REFORMS
from meedoen.uitkering import services
from meedoen.uitkering.bijzondere.views_beleid import draagkracht_form_voor
from meedoen.uitkering.forms_beleid import InkomensbeleidForm
from meedoen.uitkering.models import Inkomensbeleid


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def inkomensbeleid(request):
    gemeenten = list(request.actor.organisatie.gemeenten.filter(pk__in=request.actor.gemeente_ids))
    beleid = {
        b.gemeente_id: b.rekenvarianten
        for b in Inkomensbeleid.objects.filter(gemeente__in=gemeenten)
    }
    rijen = []
    for gemeente in gemeenten:
        prefix = f"g{gemeente.pk}"
        data = request.POST if request.POST.get("gemeente") == str(gemeente.pk) else None
        form = InkomensbeleidForm(
            data, prefix=prefix, initial={"rekenvarianten": beleid.get(gemeente.pk, [])}
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
            }
        )
    return render(
        request, "uitkering/inkomensbeleid.html", {"rijen": rijen, "varianten": REFORMS.values()}
    )
