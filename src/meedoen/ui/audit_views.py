"""The privacy officer's view of the audit trail: filter, read and export as CSV.

It lives in ui because it reads across core (the trail), accounts and clients."""

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meedoen.clients.models import Persoon
from meedoen.clients.validators import normaliseer_bsn
from meedoen.core.audit.models import Actie
from meedoen.core.audit.selectors import audit_events
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.permissions import bevoegdheid_vereist
from meedoen.core.roles import Bevoegdheid
from meedoen.ui.audit_forms import AuditFilterForm, InwonerZoekForm

DOEL_TOEZICHT = "privacytoezicht"


def _gefilterd(request):
    from meedoen.accounts.models import User

    form = AuditFilterForm(
        request.GET or None,
        gebruikers=User.objects.filter(organisatie=request.actor.organisatie).order_by(
            "last_name", "username"
        ),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    events = audit_events(
        actor=request.actor,
        persoon_id=filters.get("persoon"),
        gebruiker_id=filters["gebruiker"].pk if filters.get("gebruiker") else None,
        van=filters.get("van"),
        tot=filters.get("tot"),
    )
    return form, filters, events


def _inwoner(request, persoon_id):
    if not persoon_id:
        return None
    return Persoon.objects.filter(pk=persoon_id, gemeente_id__in=request.actor.gemeente_ids).first()


@bevoegdheid_vereist(Bevoegdheid.AUDIT_LEZEN)
def lijst(request):
    form, filters, events = _gefilterd(request)
    pagina = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/lijst.html",
        {
            "form": form,
            "inwoner_form": InwonerZoekForm(),
            "inwoner": _inwoner(request, filters.get("persoon")),
            "pagina": pagina,
            "export_query": request.GET.urlencode(),
        },
    )


@require_POST
@bevoegdheid_vereist(Bevoegdheid.AUDIT_LEZEN)
def inwoner_kiezen(request):
    """Turn a BSN into the resident's id, so the BSN never appears in the filter URL."""
    form = InwonerZoekForm(request.POST)
    persoon = None
    if form.is_valid():
        persoon = Persoon.objects.filter(
            bsn=normaliseer_bsn(form.cleaned_data["bsn"]),
            gemeente_id__in=request.actor.gemeente_ids,
        ).first()
    if persoon is None:
        messages.error(request, _("Er is geen inwoner met dit BSN in uw gemeenten."))
        return redirect("audit:lijst")
    return redirect(f"{request.path.rsplit('inwoner/', 1)[0]}?{urlencode({'persoon': persoon.pk})}")


class _Echo:
    def write(self, value):
        return value


@bevoegdheid_vereist(Bevoegdheid.AUDIT_LEZEN)
def export(request):
    _form, filters, events = _gefilterd(request)
    with transaction.atomic():
        audit_vastleggen(
            actor=request.actor,
            actie=Actie.GEEXPORTEERD,
            doel=DOEL_TOEZICHT,
            object_type="audit.AuditEvent",
            wijzigingen={"filters": [None, {k: str(v) for k, v in filters.items() if v}]},
        )
    writer = csv.writer(_Echo())
    kop = [
        "tijdstip",
        "gebruiker",
        "organisatie",
        "gemeente",
        "actie",
        "soort_object",
        "object",
        "inwoner",
        "doel",
        "wijzigingen",
        "request_id",
    ]

    def rijen():
        yield writer.writerow(kop)
        for e in events.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    e.tijdstip.isoformat(),
                    e.actor_naam,
                    e.organisatie_id or "",
                    e.gemeente.code if e.gemeente else "",
                    e.actie,
                    e.object_type,
                    e.object_id,
                    e.persoon_id or "",
                    e.doel,
                    e.wijzigingen,
                    e.request_id,
                ]
            )

    response = StreamingHttpResponse(rijen(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audittrail.csv"'
    return response
