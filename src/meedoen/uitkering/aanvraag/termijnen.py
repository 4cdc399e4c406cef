"""The dates the law attaches to an application. Pure functions: no database, no clock."""

import calendar
import datetime as dt

# Awb art. 4:13 lid 2: a decision is due within 8 weeks after receipt of the application.
BESLISTERMIJN = dt.timedelta(weeks=8)
# Awb art. 4:14 lid 3: when the decision cannot be given in time the applicant is told so
# within the term, with a new term. Meedoen allows this once, by at most 8 weeks.
MAXIMALE_VERDAGING = dt.timedelta(weeks=8)
# Participatiewet art. 41 lid 4: a person under 27 looks for work for 4 weeks first.
ZOEKTERMIJN = dt.timedelta(weeks=4)
ZOEKTERMIJN_LEEFTIJD = 27
MAXIMALE_TERUGWERKENDE_KRACHT = 3  # months


def leeftijd_op(geboortedatum: dt.date, datum: dt.date) -> int:
    """Completed years on `datum` (a birthday counts on the day itself)."""
    jaren = datum.year - geboortedatum.year
    if (datum.month, datum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren


def maanden_terug(datum: dt.date, maanden: int) -> dt.date:
    """The same day `maanden` months earlier; the last day of a shorter month (31 May - 3
    months = 28 or 29 February)."""
    totaal = datum.year * 12 + datum.month - 1 - maanden
    jaar, maand = divmod(totaal, 12)
    maand += 1
    return datum.replace(
        year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1])
    )


def beslistermijn(ontvangen_op: dt.date) -> dt.date:
    return ontvangen_op + BESLISTERMIJN


def uiterste_verdaging(beslistermijn_: dt.date) -> dt.date:
    return beslistermijn_ + MAXIMALE_VERDAGING


def vroegste_ingangsdatum(ontvangen_op: dt.date, terugwerkende_kracht_maanden: int) -> dt.date:
    return maanden_terug(ontvangen_op, terugwerkende_kracht_maanden)


def zoektermijn_tot(
    *, geboortedatum: dt.date, ontvangen_op: dt.date, maatwerk: bool
) -> dt.date | None:
    """End of the 4-week search period for an applicant under 27 on the receipt date, unless
    the consulent decided maatwerk (for example: not able to work, or a crisis)."""
    if maatwerk or leeftijd_op(geboortedatum, ontvangen_op) >= ZOEKTERMIJN_LEEFTIJD:
        return None
    return ontvangen_op + ZOEKTERMIJN


def termijn_van(*, beslistermijn_: dt.date, verdaagd_tot: dt.date | None) -> dt.date:
    """The deadline that applies now: the extended one once the decision was postponed."""
    return verdaagd_tot or beslistermijn_
