"""Letters about a running recovery after the first decision: "Besluit kwijtschelding" when the
consulent waives what is left (art. 58 lid 8 Participatiewet), and "Besluit terugbetaalregeling"
when the monthly amount, the voet or the way of paying changes. Both are decisions: they say
what changed and why, and how to object. Stored as the PDF that was sent (Document with
bron_id = the Terugvordering)."""

import datetime as dt

from django.utils import timezone

from meedoen.core.actor import Actor
from meedoen.uitkering.betalingen.maanden import maandnaam
from meedoen.uitkering.documenten import brief_opslaan
from meedoen.uitkering.models import Document, Inkomensbeleid, Terugvordering
from meedoen.uitkering.pdf import brief_als_pdf

TEMPLATE_KWIJTSCHELDING = "uitkering/brief/kwijtschelding.html"
TEMPLATE_REGELING = "uitkering/brief/regeling.html"


def _context(*, actor: Actor, terugvordering: Terugvordering) -> dict:
    herziening = terugvordering.herziening
    return {
        "terugvordering": terugvordering,
        "herziening": herziening,
        "persoon": terugvordering.persoon,
        "gemeente": terugvordering.gemeente,
        "beleid": Inkomensbeleid.objects.filter(gemeente_id=terugvordering.gemeente_id).first(),
        "datum": timezone.localdate(),
        "maandnaam": maandnaam(herziening.maand),
        "contactpersoon": actor.user.get_full_name() or actor.user.get_username(),
        "zelf_betalen": terugvordering.wijze == Terugvordering.Wijze.ZELF_BETALEN,
    }


def _opslaan(*, terugvordering: Terugvordering, soort: str, titel: str, pdf: bytes) -> Document:
    return brief_opslaan(bron=terugvordering, soort=soort, titel=titel, inhoud=pdf)


def kwijtscheldingsbrief_pdf(
    *, actor: Actor, terugvordering: Terugvordering, kwijtgescholden_cent: int, toelichting: str
) -> bytes:
    context = _context(actor=actor, terugvordering=terugvordering) | {
        "kwijtgescholden_cent": kwijtgescholden_cent,
        "al_betaald_cent": terugvordering.bedrag_cent - kwijtgescholden_cent,
        "toelichting": toelichting,
    }
    return brief_als_pdf(TEMPLATE_KWIJTSCHELDING, context)


def kwijtscheldingsbrief_opslaan(
    *, actor: Actor, terugvordering: Terugvordering, kwijtgescholden_cent: int, toelichting: str
) -> Document:
    return _opslaan(
        terugvordering=terugvordering,
        soort=Document.Soort.KWIJTSCHELDING,
        titel=f"Besluit kwijtschelding {maandnaam(terugvordering.herziening.maand)}",
        pdf=kwijtscheldingsbrief_pdf(
            actor=actor,
            terugvordering=terugvordering,
            kwijtgescholden_cent=kwijtgescholden_cent,
            toelichting=toelichting,
        ),
    )


def regelingsbrief_pdf(
    *,
    actor: Actor,
    terugvordering: Terugvordering,
    ingang: dt.date,
    rest_cent: int,
    toelichting: str,
) -> bytes:
    per_maand = terugvordering.aflossing_per_maand_cent
    context = _context(actor=actor, terugvordering=terugvordering) | {
        "ingang_maandnaam": maandnaam(ingang),
        "rest_cent": rest_cent,
        # Whole months needed at the new amount (the last one may be smaller).
        "aantal_maanden": -(-rest_cent // per_maand),
        "toelichting": toelichting,
    }
    return brief_als_pdf(TEMPLATE_REGELING, context)


def regelingsbrief_opslaan(
    *,
    actor: Actor,
    terugvordering: Terugvordering,
    ingang: dt.date,
    rest_cent: int,
    toelichting: str,
) -> Document:
    return _opslaan(
        terugvordering=terugvordering,
        soort=Document.Soort.REGELING,
        titel=f"Besluit terugbetaalregeling {maandnaam(terugvordering.herziening.maand)}",
        pdf=regelingsbrief_pdf(
            actor=actor,
            terugvordering=terugvordering,
            ingang=ingang,
            rest_cent=rest_cent,
            toelichting=toelichting,
        ),
    )
