"""Worklists for werkgeversdienstverleners.

- A vacancy *without proposals*: open, entered more than VACATURE_DAGEN days ago, and nobody was
  ever proposed for it. An employer who hears nothing for two weeks stops calling.
- A proposal *without feedback*: still voorgesteld or gesprek, and its last status change is
  more than TERUGKOPPELING_DAGEN days old: time to ask the employer how it went.

With 14 days, a vacancy entered on day 0 appears from day 15 on (strictly older than 14 days).
"""

import datetime as dt

from django.db.models import Exists, Max, OuterRef, QuerySet
from django.utils import timezone

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.koppelen.overgangen import OPEN
from meedoen.werk.models import Vacature, Voorstel

VACATURE_DAGEN = 14
TERUGKOPPELING_DAGEN = 14


def _grens(vandaag: dt.date, dagen: int) -> dt.datetime:
    """Start of the day `dagen` days ago in the local time zone: older than that is overdue."""
    dag = vandaag - dt.timedelta(days=dagen)
    return timezone.make_aware(dt.datetime.combine(dag, dt.time.min))


def vacatures_zonder_voorstel(
    *, actor: Actor, vandaag: dt.date, dagen: int = VACATURE_DAGEN
) -> QuerySet[Vacature]:
    actor.vereis(Bevoegdheid.WERKGEVERS_BEHEREN)
    met_voorstel = Voorstel.objects.filter(vacature=OuterRef("pk"))
    return (
        Vacature.objects.filter(
            gemeente_id__in=actor.gemeente_ids,
            status=Vacature.Status.OPEN,
            aangemaakt_op__lt=_grens(vandaag, dagen),
        )
        .exclude(Exists(met_voorstel))
        .select_related("werkgever", "gemeente")
        .order_by("aangemaakt_op", "pk")
    )


def voorstellen_zonder_terugkoppeling(
    *, actor: Actor, vandaag: dt.date, dagen: int = TERUGKOPPELING_DAGEN
) -> QuerySet[Voorstel]:
    actor.vereis(Bevoegdheid.WERKGEVERS_BEHEREN)
    return (
        Voorstel.objects.filter(gemeente_id__in=actor.gemeente_ids, status__in=OPEN)
        .annotate(laatste_wijziging=Max("statussen__aangemaakt_op"))
        .filter(laatste_wijziging__lt=_grens(vandaag, dagen))
        .select_related("persoon", "vacature__werkgever", "baan")
        .order_by("laatste_wijziging", "pk")
    )
