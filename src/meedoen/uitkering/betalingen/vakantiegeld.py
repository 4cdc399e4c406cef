"""Vakantiegeld (art. 19 lid 3): the norms include 5% holiday allowance. Each month the engine
says how much of the benefit that is (`vakantietoeslag_reservering`); it is kept apart and paid
out once a year in the gemeente's vakantiegeld month (May unless its policy says otherwise),
and when the benefit ends, whatever was reserved since the last payout.

The payout in month M is the reservation of every proposal that counts (not superseded) from
the month after the previous payout month up to and including M."""

import datetime as dt
from collections.abc import Iterable

from django.db.models import Sum

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


def moet_uitbetalen(*, maand: dt.date, uitbetaal: int, besluit: Besluit) -> bool:
    if maand.month == uitbetaal:
        return True
    # The benefit ends in this month: nothing more will be reserved after it.
    return besluit.einddatum is not None and maanden.maand_van(besluit.einddatum) == maand


def eerder_gereserveerd(*, huishouden_ids: Iterable, maand: dt.date, uitbetaal: int) -> dict:
    """Per household: vakantiegeld reserved in the proposals that count, from the start of the
    holiday-allowance year up to (not including) `maand`."""
    rijen = (
        Betaalvoorstel.objects.filter(
            huishouden_id__in=list(huishouden_ids),
            maand__gte=venster_begin(maand, uitbetaal),
            maand__lt=maand,
        )
        .exclude(status=Betaalvoorstel.Status.VERVALLEN)
        .values("huishouden_id")
        .annotate(som=Sum("vakantiegeld_reservering_cent"))
    )
    return {rij["huishouden_id"]: rij["som"] or 0 for rij in rijen}
