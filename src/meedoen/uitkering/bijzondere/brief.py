"""The letter "Besluit bijzondere bijstand": what was asked, what was decided and why (with the
reason for a maatwerk amount), the draagkracht calculation step by step when there is one,
payment, and how to object. Made when the decision is final (after a colleague's approval when
four eyes apply) and stored as the PDF that was sent; regenerating it from the stored decision
gives the same bytes."""

from django.utils import timezone

from meedoen.uitkering.documenten import brief_opslaan
from meedoen.uitkering.models import BijzondereBijstand, Document, Inkomensbeleid
from meedoen.uitkering.pdf import brief_als_pdf

TEMPLATE = "uitkering/brief/bijzondere_bijstand.html"


def _context(aanvraag: BijzondereBijstand) -> dict:
    iban = aanvraag.iban.replace(" ", "")
    return {
        "aanvraag": aanvraag,
        "draagkracht": aanvraag.draagkracht,
        "persoon": aanvraag.persoon,
        "gemeente": aanvraag.gemeente,
        "beleid": Inkomensbeleid.objects.filter(gemeente_id=aanvraag.gemeente_id).first(),
        # The letter goes out when the decision is final: on approval when four eyes applied.
        "datum": timezone.localtime(aanvraag.geaccordeerd_op or aanvraag.beslist_op).date(),
        "toegekend": aanvraag.status == BijzondereBijstand.Status.TOEGEKEND,
        "berekend_cent": aanvraag.draagkracht.get("toekenning_cent"),
        # Only the last four characters of the account: enough to recognise it.
        "iban_einde": iban[-4:],
        "contactpersoon": aanvraag.beslist_door.get_full_name()
        or aanvraag.beslist_door.get_username(),
    }


def bijzondere_brief_pdf(*, aanvraag: BijzondereBijstand) -> bytes:
    return brief_als_pdf(TEMPLATE, _context(aanvraag))


def bijzondere_brief_opslaan(*, aanvraag: BijzondereBijstand) -> Document:
    return brief_opslaan(
        bron=aanvraag,
        soort=Document.Soort.BIJZONDERE_BIJSTAND,
        titel=f"Besluit bijzondere bijstand: {aanvraag.categorie.naam}",
        inhoud=bijzondere_brief_pdf(aanvraag=aanvraag),
    )
