"""The beschikking that ends bijstand, in plain Dutch (B1): from when the bijstand stops and
why, what happens with the vakantiegeld kept apart, that a later income report over a paid
month can still change that month (herziening), who to call and how to object. Everything
comes from the stored decision and its `briefgegevens`, so the letter can be made again with
the same bytes."""

import datetime as dt

from django.db import transaction
from django.utils import translation

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.uitkering.aanvraag.beschikking import AWB_6_7, briefgegevens_bij_vaststelling
from meedoen.uitkering.documenten import brief_opslaan
from meedoen.uitkering.models import Besluit, Document
from meedoen.uitkering.pdf import brief_als_pdf

TEMPLATE = "uitkering/brief/beeindiging.html"


def _toekenning_gegevens(toekenning: Besluit) -> dict:
    return {"toekenning_ingangsdatum": toekenning.ingangsdatum.isoformat()}


def beeindiging_context(besluit: Besluit) -> dict:
    brief = besluit.briefgegevens
    gegevens = besluit.situatie.get("beeindiging", {})
    return {
        "besluit": besluit,
        "brief": brief,
        "datum": dt.date.fromisoformat(brief["datum"]),
        "gemeente": {"naam": brief["gemeente"]},
        "beleid": {"telefoonnummer": besluit.contact_telefoon},
        "einddatum": besluit.einddatum,
        "stopt_op": besluit.ingangsdatum,
        "sinds": dt.date.fromisoformat(brief["toekenning_ingangsdatum"]),
        "reden": gegevens.get("reden", ""),
        "toelichting": gegevens.get("toelichting", ""),
        "awb_6_7": AWB_6_7,
    }


def beeindiging_pdf(besluit: Besluit) -> bytes:
    """The letter for a final beëindiging, rendered from what is stored with it."""
    return brief_als_pdf(TEMPLATE, beeindiging_context(besluit))


@transaction.atomic
def beeindiging_vastleggen(*, actor: Actor, besluit: Besluit, toekenning: Besluit) -> Document:
    """Make the letter for a beëindiging that just became final and store it as sent (a
    Document of soort beschikking, like the letter on an application)."""
    if besluit.status != Besluit.Status.VASTGESTELD or besluit.soort != Besluit.Soort.BEEINDIGING:
        raise ValueError("this letter is only made for a final beëindiging")
    if not besluit.briefgegevens:
        besluit.briefgegevens = briefgegevens_bij_vaststelling(besluit) | _toekenning_gegevens(
            toekenning
        )
        besluit.save(update_fields=["briefgegevens", "gewijzigd_op"])
    with translation.override("nl"):
        document = brief_opslaan(
            bron=besluit,
            soort=Document.Soort.BESCHIKKING,
            titel=f"Beschikking bijstand: beëindiging ({besluit.briefgegevens['datum']})",
            inhoud=beeindiging_pdf(besluit),
        )
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel="beschikking beëindiging bijstand",
        obj=document,
        persoon_id=besluit.persoon_id,
        gemeente=besluit.gemeente,
        wijzigingen={"sha256": [None, document.sha256], "besluit": [None, str(besluit.pk)]},
    )
    return document
