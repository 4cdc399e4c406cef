"""Worklists and coverage under the contact policy.

A resident in a route is *overdue* when the date by which the next contact was due
(Begeleidingsstand.contact_uiterlijk = last contact, or the route's start, + the route's
interval) lies before today. With a 28-day interval and a contact on day 0 the resident is due
on day 28 and overdue from day 29. *Coverage* is the share of residents in a route who are not
overdue. Residents without a route have no contact policy and are not counted.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from meedoen.accounts.models import User
from meedoen.begeleiding.models import Begeleidingsstand, Route
from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid

KLEINE_AANTALLEN = 5  # cells below this are suppressed for aggregate-only readers


def achterstallig_contact(
    *, actor: Actor, vandaag: dt.date, klantmanager=None, team=None
) -> QuerySet[Begeleidingsstand]:
    """Residents overdue for contact: of one klantmanager, or of the routes a team is
    responsible for. Most overdue first."""
    actor.vereis(Bevoegdheid.DOSSIER_LEZEN)
    standen = Begeleidingsstand.objects.filter(
        gemeente_id__in=actor.gemeente_ids, contact_uiterlijk__lt=vandaag
    )
    if klantmanager is not None:
        standen = standen.filter(klantmanager=klantmanager)
    if team is not None:
        # by route ids, so the (route, contact_uiterlijk) index serves it without a join
        route_ids = list(Route.objects.filter(team=team).values_list("pk", flat=True))
        standen = standen.filter(route_id__in=route_ids)
    return standen.select_related("persoon", "route", "klantmanager").order_by(
        "contact_uiterlijk", "persoon_id"
    )


def is_achterstallig(*, stand: Begeleidingsstand | None, vandaag: dt.date) -> bool:
    return bool(stand and stand.contact_uiterlijk and stand.contact_uiterlijk < vandaag)


@dataclass(frozen=True)
class DekkingRij:
    route: str
    interval_dagen: int
    totaal: int
    in_beeld: int

    @property
    def achterstallig(self) -> int:
        return self.totaal - self.in_beeld

    @property
    def percentage(self) -> float | None:
        return round(100 * self.in_beeld / self.totaal, 1) if self.totaal else None


def dekking(*, actor: Actor, vandaag: dt.date) -> list[DekkingRij]:
    """Per route: residents in it, how many were contacted within the route's interval and the
    share. Aggregates only: readable with CIJFERS_LEZEN (beleidsadviseur, teamleider).
    Two index-only counts per route (index route, contact_uiterlijk) instead of one pass over
    every resident."""
    actor.vereis(Bevoegdheid.CIJFERS_LEZEN)
    routes = (
        Route.objects.filter(gemeente_id__in=actor.gemeente_ids)
        .select_related("gemeente")
        .order_by("gemeente__naam", "volgorde", "naam")
    )
    meerdere = len(actor.gemeente_ids) > 1
    rijen = []
    for route in routes:
        standen = Begeleidingsstand.objects.filter(route=route)
        totaal = standen.count()
        if not totaal and not route.actief:
            continue
        rijen.append(
            DekkingRij(
                route=f"{route.naam} ({route.gemeente.naam})" if meerdere else route.naam,
                interval_dagen=route.contact_interval_dagen,
                totaal=totaal,
                in_beeld=standen.filter(contact_uiterlijk__gte=vandaag).count() if totaal else 0,
            )
        )
    return rijen


@dataclass(frozen=True)
class Caseload:
    klantmanager_id: int | None
    naam: str
    totaal: int
    achterstallig: int


def caseloads(*, actor: Actor, vandaag: dt.date) -> list[Caseload]:
    """Caseload size and overdue residents per klantmanager (staff figures, no residents)."""
    actor.vereis(Bevoegdheid.CIJFERS_LEZEN)
    actor.vereis(Bevoegdheid.DOSSIER_LEZEN)
    rijen = (
        Begeleidingsstand.objects.filter(gemeente_id__in=actor.gemeente_ids)
        .values("klantmanager_id")
        # only columns of the (gemeente, klantmanager, contact_uiterlijk) index: index-only scan
        .annotate(
            totaal=Count("gemeente_id"),
            achterstallig=Count("gemeente_id", filter=Q(contact_uiterlijk__lt=vandaag)),
        )
        .order_by("-totaal", "klantmanager_id")
    )
    rijen = list(rijen)
    namen = {
        u.pk: u.get_full_name() or u.get_username()
        for u in User.objects.filter(pk__in=[r["klantmanager_id"] for r in rijen])
    }
    return [
        Caseload(
            r["klantmanager_id"],
            namen.get(r["klantmanager_id"], ""),
            r["totaal"],
            r["achterstallig"],
        )
        for r in rijen
    ]
