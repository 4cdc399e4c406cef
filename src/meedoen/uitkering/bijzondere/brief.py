"""The letter "Besluit bijzondere bijstand": what was asked, what was decided and why, the
draagkracht calculation step by step, payment, and how to object. Stored as the PDF that was
sent; regenerating it from the stored decision gives the same bytes."""

from django.utils import timezone

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
        "datum": timezone.localtime(aanvraag.beslist_op).date(),
        "toegekend": aanvraag.status == BijzondereBijstand.Status.TOEGEKEND,
        # Only the last four characters of the account: enough to recognise it.
        "iban_einde": iban[-4:],
        "contactpersoon": aanvraag.beslist_door.get_full_name()
        or aanvraag.beslist_door.get_username(),
    }


def bijzondere_brief_pdf(*, aanvraag: BijzondereBijstand) -> bytes:
    return brief_als_pdf(TEMPLATE, _context(aanvraag))


def bijzondere_brief_opslaan(*, aanvraag: BijzondereBijstand) -> Document:
    document = Document(
        gemeente_id=aanvraag.gemeente_id,
        persoon_id=aanvraag.persoon_id,
        soort=Document.Soort.BIJZONDERE_BIJSTAND,
        titel=f"Besluit bijzondere bijstand: {aanvraag.categorie.naam}",
        bron_id=aanvraag.pk,
        inhoud=bijzondere_brief_pdf(aanvraag=aanvraag),
    )
    document.full_clean(exclude=["sha256"])
    document.save()
    return document
