"""The letter about a decided herziening. Recovery: "Besluit terugvordering" (what was paid too
much and why, what was weighed, the repayment arrangement, how to object). Afzien and
nabetalen: "Besluit herziening" (the month's right changed, nothing to repay or the amount
paid extra, how to object), stored with soort "herziening". Stored as the PDF that was
sent; regenerating it from the stored decision gives the same bytes (nothing in it depends
on today)."""

from django.utils import timezone

from meedoen.uitkering.betalingen.maanden import maandnaam
from meedoen.uitkering.documenten import brief_opslaan
from meedoen.uitkering.models import Document, Herziening, Inkomensbeleid
from meedoen.uitkering.pdf import brief_als_pdf

TEMPLATE = "uitkering/brief/terugvordering.html"
TEMPLATE_HERZIENING = "uitkering/brief/herziening.html"


def is_terugvordering(herziening: Herziening) -> bool:
    return herziening.status == Herziening.Status.TERUGVORDEREN


def titel(herziening: Herziening) -> str:
    soort = "Besluit terugvordering" if is_terugvordering(herziening) else "Besluit herziening"
    return f"{soort} {maandnaam(herziening.maand)}"


def bestandsnaam(herziening: Herziening) -> str:
    soort = "terugvordering" if is_terugvordering(herziening) else "herziening"
    return f"besluit-{soort}-{herziening.maand:%Y-%m}.pdf"


def _context(herziening: Herziening) -> dict:
    context = {
        "herziening": herziening,
        "persoon": herziening.persoon,
        "gemeente": herziening.gemeente,
        "beleid": Inkomensbeleid.objects.filter(gemeente_id=herziening.gemeente_id).first(),
        "datum": timezone.localtime(herziening.beslist_op).date(),
        "maandnaam": maandnaam(herziening.maand),
        "contactpersoon": herziening.beslist_door.get_full_name()
        or herziening.beslist_door.get_username(),
        "te_veel": herziening.verschil_cent > 0,
        "te_weinig_cent": max(0, -herziening.verschil_cent),
    }
    if is_terugvordering(herziening):
        terugvordering = herziening.terugvordering
        per_maand = terugvordering.aflossing_per_maand_cent
        context |= {
            "terugvordering": terugvordering,
            "zelf_betalen": terugvordering.wijze == terugvordering.Wijze.ZELF_BETALEN,
            "eerste_maandnaam": maandnaam(terugvordering.eerste_maand),
            # Whole months needed at the agreed amount (the last one may be smaller).
            "aantal_maanden": -(-terugvordering.bedrag_cent // per_maand),
            # What the consulent chose not to recover (a partial waiver).
            "afgezien_cent": herziening.verschil_cent - terugvordering.bedrag_cent,
        }
    return context


def herzieningsbrief_pdf(*, herziening: Herziening) -> bytes:
    template = TEMPLATE if is_terugvordering(herziening) else TEMPLATE_HERZIENING
    return brief_als_pdf(template, _context(herziening))


def terugvorderingsbrief_pdf(*, herziening: Herziening) -> bytes:
    return herzieningsbrief_pdf(herziening=herziening)


def soort(herziening: Herziening) -> str:
    return (
        Document.Soort.TERUGVORDERING
        if is_terugvordering(herziening)
        else Document.Soort.HERZIENING
    )


def herzieningsbrief_opslaan(*, herziening: Herziening) -> Document:
    return brief_opslaan(
        bron=herziening,
        soort=soort(herziening),
        titel=titel(herziening),
        inhoud=herzieningsbrief_pdf(herziening=herziening),
    )
