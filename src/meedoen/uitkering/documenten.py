"""Storing a letter as it was sent, and handing it out (beschikking, specificatie, herziening,
terugvordering, bijzondere bijstand, verdaging): one way in and one download for every kind,
so each is stored and audited the same way and sent exactly as it was made."""

from django.http import HttpResponse

from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.uitkering.models import Document


def brief_downloaden(request, document: Document, *, bestandsnaam: str) -> HttpResponse:
    """The stored bytes as an attachment; the read is recorded against the resident. The caller
    found the document within the actor's scope and chose a file name without a BSN."""
    audit_vastleggen(
        actor=request.actor,
        actie=Actie.GELEZEN,
        doel=f"{document.soort} inzien",
        obj=document,
        persoon_id=document.persoon_id,
        gemeente=document.gemeente,
    )
    antwoord = HttpResponse(bytes(document.inhoud), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return antwoord


def brief_opslaan(*, bron, soort: str, titel: str, inhoud: bytes) -> Document:
    """Store a letter against the object it is about (`bron`: its gemeente, resident and id).
    The document computes its own sha256."""
    document = Document(
        gemeente_id=bron.gemeente_id,
        persoon_id=bron.persoon_id,
        soort=soort,
        titel=titel,
        bron_id=bron.pk,
        inhoud=inhoud,
    )
    document.full_clean(exclude=["sha256"])
    document.save()
    return document
