"""The letter that tells the applicant the decision comes later (Awb art. 4:14 lid 1 and 3: the
applicant is told before the term ends, with the new date and the reason). It is made when the
consulent postpones, in the same transaction, and stored as the PDF that was sent."""

import datetime as dt

from django.db import transaction

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.uitkering.aanvraag.selectors import beleid_van
from meedoen.uitkering.documenten import brief_opslaan
from meedoen.uitkering.models import Aanvraag, Document
from meedoen.uitkering.pdf import brief_als_pdf

TEMPLATE = "uitkering/brief/verdaging.html"
AWB_4_14 = "https://wetten.overheid.nl/jci1.3:c:BWBR0005537&artikel=4:14"


def adresregels(persoon) -> list[str]:
    nummer = f"{persoon.huisnummer}{persoon.huisnummertoevoeging}".strip()
    return [
        r
        for r in (
            " ".join(p for p in (persoon.straat, nummer) if p),
            " ".join(p for p in (persoon.postcode, persoon.woonplaats) if p),
        )
        if r
    ]


def verdaging_context(
    *, aanvraag: Aanvraag, oude_termijn: dt.date, datum: dt.date, contactpersoon: str
) -> dict:
    beleid = beleid_van(aanvraag.gemeente)
    return {
        "aanvraag": aanvraag,
        "naam": aanvraag.persoon.volledige_naam,
        "adresregels": adresregels(aanvraag.persoon),
        "datum": datum,
        "oude_termijn": oude_termijn,
        "nieuwe_termijn": aanvraag.verdaagd_tot,
        "reden": aanvraag.verdagingsreden,
        "contactpersoon": contactpersoon,
        "telefoon": beleid.telefoonnummer,
        "postadres": beleid.postadres,
        "gemeente": {"naam": aanvraag.gemeente.naam},
        "beleid": {"telefoonnummer": beleid.telefoonnummer},
        "awb_4_14": AWB_4_14,
    }


@transaction.atomic
def verdagingsbrief_vastleggen(
    *, actor: Actor, aanvraag: Aanvraag, oude_termijn: dt.date, datum: dt.date
) -> Document:
    """Make and store the letter for a postponement that was just recorded."""
    inhoud = brief_als_pdf(
        TEMPLATE,
        verdaging_context(
            aanvraag=aanvraag, oude_termijn=oude_termijn, datum=datum, contactpersoon=actor.naam
        ),
    )
    document = brief_opslaan(
        bron=aanvraag,
        soort=Document.Soort.VERDAGING,
        titel=f"Verdaging beslistermijn aanvraag bijstand ({datum.isoformat()})",
        inhoud=inhoud,
    )
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel="verdaging beslistermijn",
        obj=document,
        persoon_id=aanvraag.persoon_id,
        gemeente=aanvraag.gemeente,
        wijzigingen={"sha256": [None, document.sha256], "aanvraag": [None, str(aanvraag.pk)]},
    )
    return document


def verdagingsbrieven(*, aanvraag: Aanvraag) -> list[Document]:
    return list(
        Document.objects.filter(bron_id=aanvraag.pk, soort=Document.Soort.VERDAGING)
        .defer("inhoud")
        .order_by("aangemaakt_op")
    )
