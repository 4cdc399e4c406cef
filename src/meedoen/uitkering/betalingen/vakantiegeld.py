"""Vakantiegeld (art. 19 lid 3): the norms include 5% holiday allowance. Each month the engine
says how much of the benefit that is (`vakantietoeslag_reservering`); it is kept apart and paid
out once a year in the gemeente's vakantiegeld month (May unless its policy says otherwise),
and when the benefit ends, whatever was reserved since the last payout.

The payout in month M is the reservation of every proposal that counts (not superseded) from
the month after the previous payout month up to and including M: a reservation already paid
out (at the end of an earlier benefit, or in the old month of a gemeente that moved it) is
never paid out again."""

import datetime as dt
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, Sum

from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.models import Besluit, Betaalvoorstel, Inkomensbeleid

STANDAARD_MAAND = 5  # May: the field's default in Inkomensbeleid


def uitbetaalmaand(gemeente_id: int) -> int:
    beleid = Inkomensbeleid.objects.filter(gemeente_id=gemeente_id).only("vakantiegeld_maand")
    gevonden = beleid.first()
    return gevonden.vakantiegeld_maand if gevonden else STANDAARD_MAAND


def venster_begin(maand: dt.date, uitbetaal: int) -> dt.date:
    """The first month whose reservation is still to be paid out in (or after) `maand`."""
    terug = (maand.month - uitbetaal) % 12 or 12
    return maanden.plus(maand, -terug + 1)


def volgende_uitbetaling(maand: dt.date, uitbetaal: int) -> dt.date:
    vooruit = (uitbetaal - maand.month) % 12
    return maanden.plus(maand, vooruit)


def eindigt_in(*, huishouden_ids: Iterable, maand: dt.date) -> set:
    """The households whose bijstand a final beëindiging ends in `maand` (its einddatum, the
    last day with bijstand, lies in it)."""
    return set(
        Besluit.objects.filter(
            huishouden_id__in=list(huishouden_ids),
            status=Besluit.Status.VASTGESTELD,
            soort=Besluit.Soort.BEEINDIGING,
            einddatum__gte=maand,
            einddatum__lt=maanden.plus(maand, 1),
        ).values_list("huishouden_id", flat=True)
    )


def moet_uitbetalen(*, maand: dt.date, uitbetaal: int, besluit: Besluit, eindigt: bool) -> bool:
    """In the vakantiegeld month, and in the last month of the benefit (its toekenning's own
    einddatum, or a beëindiging's: `eindigt`), since nothing more is reserved after it."""
    if maand.month == uitbetaal or eindigt:
        return True
    return besluit.einddatum is not None and maanden.maand_van(besluit.einddatum) == maand


def eerder_gereserveerd(*, huishouden_ids: Iterable, maand: dt.date, uitbetaal: int) -> dict:
    """Per household: vakantiegeld reserved in the proposals that count, from the start of the
    holiday-allowance year up to (not including) `maand`, and not paid out yet. A reservation
    is paid out by a later proposal (before `maand`) that paid vakantiegeld: when the benefit
    ended, or in the old vakantiegeld month of a gemeente that has since moved it."""
    telt = ~Q(status=Betaalvoorstel.Status.VERVALLEN)
    al_uitbetaald = Exists(
        Betaalvoorstel.objects.filter(
            telt,
            huishouden_id=OuterRef("huishouden_id"),
            maand__gte=OuterRef("maand"),
            maand__lt=maand,
            vakantiegeld_uitbetaling_cent__gt=0,
        )
    )
    rijen = (
        Betaalvoorstel.objects.filter(
            telt,
            huishouden_id__in=list(huishouden_ids),
            maand__gte=venster_begin(maand, uitbetaal),
            maand__lt=maand,
        )
        .exclude(al_uitbetaald)
        .values("huishouden_id")
        .annotate(som=Sum("vakantiegeld_reservering_cent"))
    )
    return {rij["huishouden_id"]: rij["som"] or 0 for rij in rijen}
