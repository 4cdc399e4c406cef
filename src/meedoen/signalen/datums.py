"""Date helpers for signals: whole years and months back or forward, 29 February safe."""

import calendar
import datetime as dt


def jaren_verschoven(datum: dt.date, jaren: int) -> dt.date:
    jaar = datum.year + jaren
    dag = min(datum.day, calendar.monthrange(jaar, datum.month)[1])
    return datum.replace(year=jaar, day=dag)


def maanden_verschoven(datum: dt.date, maanden: int) -> dt.date:
    index = datum.year * 12 + datum.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    dag = min(datum.day, calendar.monthrange(jaar, maand + 1)[1])
    return dt.date(jaar, maand + 1, dag)
