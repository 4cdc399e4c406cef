"""The letter "Besluit terugvordering": what was paid too much and why, what was weighed, the
repayment arrangement and how to object. Stored as the PDF that was sent; regenerating it from
the stored decision gives the same bytes (nothing in it depends on today)."""

from django.utils import timezone

from meedoen.uitkering.betalingen.maanden import maandnaam
from meedoen.uitkering.models import Document, Herziening, Inkomensbeleid
from meedoen.uitkering.pdf import brief_als_pdf

TEMPLATE = "uitkering/brief/terugvordering.html"


def _context(herziening: Herziening) -> dict:
    terugvordering = herziening.terugvordering
    per_maand = terugvordering.aflossing_per_maand_cent
    return {
        "herziening": herziening,
        "terugvordering": terugvordering,
        "persoon": herziening.persoon,
        "gemeente": herziening.gemeente,
        "beleid": Inkomensbeleid.objects.filter(gemeente_id=herziening.gemeente_id).first(),
        "datum": timezone.localtime(herziening.beslist_op).date(),
        "maandnaam": maandnaam(herziening.maand),
        "eerste_maandnaam": maandnaam(terugvordering.eerste_maand),
        "contactpersoon": herziening.beslist_door.get_full_name()
        or herziening.beslist_door.get_username(),
        # Whole months needed at the agreed amount (the last one may be smaller).
        "aantal_maanden": -(-terugvordering.bedrag_cent // per_maand),
    }


def terugvorderingsbrief_pdf(*, herziening: Herziening) -> bytes:
    return brief_als_pdf(TEMPLATE, _context(herziening))


def terugvorderingsbrief_opslaan(*, herziening: Herziening) -> Document:
    document = Document(
        gemeente_id=herziening.gemeente_id,
        persoon_id=herziening.persoon_id,
        soort=Document.Soort.TERUGVORDERING,
        titel=f"Besluit terugvordering {maandnaam(herziening.maand)}",
        bron_id=herziening.pk,
        inhoud=terugvorderingsbrief_pdf(herziening=herziening),
    )
    document.full_clean(exclude=["sha256"])
    document.save()
    return document
