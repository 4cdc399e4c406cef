"""The draagkracht policy of a gemeente and its four-eyes limit for bijzondere bijstand, shown
on the Inkomensbeleid page and saved here."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from meedoen.clients.toegang import formulierpagina
from meedoen.core.forms import fouten_naar_form
from meedoen.core.permissions import bevoegdheid_vereist
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.bijzondere import beheer
from meedoen.uitkering.bijzondere.forms import DraagkrachtForm
from meedoen.uitkering.bijzondere.views_beheer import _gemeente
from meedoen.uitkering.models import Inkomensbeleid


def draagkracht_form_voor(gemeente) -> DraagkrachtForm:
    """An unbound form with the gemeente's current values (defaults when none are set)."""
    beleid = Inkomensbeleid.objects.filter(gemeente=gemeente).first() or Inkomensbeleid()
    initial = {veld: getattr(beleid, veld) for veld in beheer.DRAAGKRACHT_VELDEN}
    initial["bijzondere_vier_ogen_grens"] = Decimal(beleid.bijzondere_vier_ogen_grens_cent) / 100
    return DraagkrachtForm(initial=initial, prefix=f"dk{gemeente.pk}")


@bevoegdheid_vereist(Bevoegdheid.BEHEER)
def draagkracht(request):
    gemeente = _gemeente(request)
    if request.method == "POST":
        form = DraagkrachtForm(request.POST, prefix=f"dk{gemeente.pk}")
        if form.is_valid():
            try:
                beheer.draagkrachtbeleid_instellen(
                    actor=request.actor, gemeente=gemeente, gegevens=form.gegevens()
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("Het draagkrachtbeleid is opgeslagen."))
                return redirect("uitkering:inkomensbeleid")
    else:
        form = draagkracht_form_voor(gemeente)
    return formulierpagina(
        request,
        titel=_("Draagkracht voor bijzondere bijstand: %(gemeente)s") % {"gemeente": gemeente.naam},
        intro=_(
            "Draagkracht per maand = het percentage van het inkomen boven de draagkrachtvrije "
            "voet. De voet is een percentage van de bijstandsnorm van het huishouden. Boven "
            "de vier-ogengrens moet een collega een toekenning accorderen."
        ),
        form=form,
        submit=_("Opslaan"),
    )
