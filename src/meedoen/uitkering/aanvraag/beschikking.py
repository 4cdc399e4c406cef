"""The beschikking: the letter that tells the resident what was decided on their application,
in plain Dutch (B1). Everything in it comes from the stored decision (its calculation snapshot
and `briefgegevens`), never from a new calculation or today's date, so regenerating it gives
the same bytes as the letter that was sent."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.rules.money import cents_to_decimal
from meedoen.uitkering.aanvraag import bezwaar
from meedoen.uitkering.aanvraag.selectors import beleid_van
from meedoen.uitkering.documenten import brief_opslaan
from meedoen.uitkering.models import Besluit, Document
from meedoen.uitkering.pdf import brief_als_pdf

TEMPLATE = "uitkering/brief/beschikking.html"
AWB_6_7 = "https://wetten.overheid.nl/jci1.3:c:BWBR0005537&artikel=6:7"


def briefgegevens_bij_vaststelling(besluit: Besluit) -> dict:
    """What the letter needs besides the decision, as it is on the day the decision becomes
    final (that day is the letter's date)."""
    persoon = besluit.persoon
    beleid = beleid_van(besluit.gemeente)
    vastgesteld = besluit.geaccordeerd_op or besluit.beslist_op
    nummer = f"{persoon.huisnummer}{persoon.huisnummertoevoeging}".strip()
    return {
        "datum": timezone.localtime(vastgesteld).date().isoformat(),
        "naam": persoon.volledige_naam,
        "adresregels": [
            r
            for r in (
                " ".join(p for p in (persoon.straat, nummer) if p),
                " ".join(p for p in (persoon.postcode, persoon.woonplaats) if p),
            )
            if r
        ],
        "gemeente": besluit.gemeente.naam,
        "postadres": beleid.postadres,
    } | _vervangt(besluit)


def _vervangt(besluit: Besluit) -> dict:
    """After a gegrond bezwaar: the date of the revoked decision this one replaces."""
    vorig = bezwaar.vervangen_besluit(besluit)
    return {"vervangt": bezwaar.briefdatum(vorig).isoformat()} if vorig else {}


def _stappen(berekening: dict, *, toekenning: bool) -> list[dict]:
    """The engine's steps for the letter. A refused resident is not told about a holiday
    allowance of € 0,00 they will never get: that step is for a toekenning only."""
    return [
        {
            "tekst": stap["nl"],  # letters are Dutch, whatever language the consulent used
            "artikel": stap.get("article", ""),
            "bedrag": Decimal(stap["amount"]) if stap.get("amount") else None,
        }
        for stap in berekening.get("explanation", [])
        if toekenning or stap.get("code") != "VAKANTIETOESLAG"
    ]


def beschikking_context(besluit: Besluit) -> dict:
    brief = besluit.briefgegevens
    berekening = besluit.berekening or {}
    bedrag = besluit.bedrag_per_maand_cent
    return {
        "besluit": besluit,
        "brief": brief,
        "datum": dt.date.fromisoformat(brief["datum"]),
        "gemeente": {"naam": brief["gemeente"]},
        # The sender line of basis.html shows this phone number.
        "beleid": {"telefoonnummer": besluit.contact_telefoon},
        "toekenning": besluit.soort == Besluit.Soort.TOEKENNING,
        "afwijzing": besluit.soort == Besluit.Soort.AFWIJZING,
        "buiten_behandeling": besluit.soort == Besluit.Soort.BUITEN_BEHANDELING,
        "bedrag": cents_to_decimal(bedrag) if bedrag is not None else None,
        "berekend": Decimal(berekening["benefit"]) if berekening.get("benefit") else None,
        "correctie": cents_to_decimal(besluit.correctie_cent) if besluit.correctie_cent else None,
        "vakantiegeld": Decimal(berekening["vakantietoeslag_reservering"])
        if berekening.get("vakantietoeslag_reservering") and not besluit.correctie_cent
        else None,
        "stappen": _stappen(berekening, toekenning=besluit.soort == Besluit.Soort.TOEKENNING),
        "redenen": [r["nl"] for r in berekening.get("reasons", []) if r.get("nl")],
        "awb_6_7": AWB_6_7,
        "vervangt": dt.date.fromisoformat(brief["vervangt"]) if brief.get("vervangt") else None,
    }


def beschikking_pdf(besluit: Besluit) -> bytes:
    """The letter for a final decision, rendered from what is stored with it."""
    return brief_als_pdf(TEMPLATE, beschikking_context(besluit))


@transaction.atomic
def beschikking_vastleggen(*, actor: Actor, besluit: Besluit) -> Document:
    """Make the letter for a decision that just became final and store it as sent."""
    if besluit.status != Besluit.Status.VASTGESTELD:
        raise ValueError("a beschikking is only made for a final decision")
    if not besluit.briefgegevens:
        besluit.briefgegevens = briefgegevens_bij_vaststelling(besluit)
        besluit.save(update_fields=["briefgegevens", "gewijzigd_op"])
    with translation.override("nl"):
        soort = str(besluit.get_soort_display()).lower()
    document = brief_opslaan(
        bron=besluit,
        soort=Document.Soort.BESCHIKKING,
        titel=f"Beschikking bijstand: {soort} ({besluit.briefgegevens['datum']})",
        inhoud=beschikking_pdf(besluit),
    )
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel="beschikking bijstand",
        obj=document,
        persoon_id=besluit.persoon_id,
        gemeente=besluit.gemeente,
        wijzigingen={"sha256": [None, document.sha256], "besluit": [None, str(besluit.pk)]},
    )
    return document
