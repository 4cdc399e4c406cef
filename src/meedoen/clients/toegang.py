"""View helpers shared by the domain apps' pages about one resident.

A GET shows the resident's data, so it opens the dossier through persoon_dossier (one 'gelezen'
audit event with the purpose). A POST is a write whose service records its own audit event, so
it only fetches the resident in scope."""

from django.shortcuts import render

from meedoen.clients import selectors as clients_selectors
from meedoen.core.permissions import of_404


def persoon_openen(request, persoon_uuid, *, doel: str):
    if request.method == "POST":
        return of_404(clients_selectors.persoon, actor=request.actor, persoon_id=persoon_uuid)
    return of_404(
        clients_selectors.persoon_dossier, actor=request.actor, persoon_id=persoon_uuid, doel=doel
    )


def inzage_vastleggen(request, persoon, *, doel: str) -> None:
    """Record the read of a page about an object of this resident (fetched in scope already)."""
    if request.method != "POST":
        clients_selectors.persoon_dossier(actor=request.actor, persoon_id=persoon.pk, doel=doel)


def formulierpagina(request, *, titel, form, submit, persoon=None, intro="", **extra):
    """A page with one form, optionally about a resident (with a link back to the dossier)."""
    context = {
        "titel": titel,
        "intro": intro,
        "form": form,
        "persoon": persoon,
        "submit_label": submit,
    }
    return render(request, "clients/formulier.html", context | extra)
