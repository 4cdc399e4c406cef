"""Aggregates for beleidsadviseurs and teamleiders: counts, never individuals. Cells with fewer
than KLEINE_AANTALLEN residents are suppressed, so that nobody can be recognised from them."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from meedoen.clients.models import HuishoudRol, Lidmaatschap, Persoon
from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid

KLEINE_AANTALLEN = 5


@dataclass(frozen=True)
class Cel:
    label: str
    aantal: int | None  # None when suppressed

    @property
    def onderdrukt(self) -> bool:
        return self.aantal is None


def _cel(label: str, aantal: int) -> Cel:
    return Cel(label, aantal if aantal == 0 or aantal >= KLEINE_AANTALLEN else None)


def _personen(actor: Actor):
    actor.vereis(Bevoegdheid.CIJFERS_LEZEN)
    return Persoon.objects.filter(gemeente_id__in=actor.gemeente_ids)


def inwoners_per_gemeente(*, actor: Actor) -> list[Cel]:
    rijen = (
        _personen(actor).values("gemeente__naam").annotate(n=Count("id")).order_by("gemeente__naam")
    )
    return [_cel(r["gemeente__naam"], r["n"]) for r in rijen]


def huishoudtypen(*, actor: Actor, op: dt.date) -> list[Cel]:
    """Households on date `op` by composition."""
    actor.vereis(Bevoegdheid.CIJFERS_LEZEN)
    geldig = Q(van__lte=op) & (Q(tot__isnull=True) | Q(tot__gt=op))
    per_huishouden = (
        Lidmaatschap.objects.filter(geldig, gemeente_id__in=actor.gemeente_ids)
        .values("huishouden")
        .annotate(
            partners=Count("id", filter=Q(rol=HuishoudRol.PARTNER)),
            kinderen=Count("id", filter=Q(rol=HuishoudRol.KIND)),
            medebewoners=Count("id", filter=Q(rol=HuishoudRol.MEDEBEWONER)),
        )
        .values_list("partners", "kinderen", "medebewoners")
    )
    telling: Counter[str] = Counter()
    for partners, kinderen, medebewoners in per_huishouden.iterator(chunk_size=5000):
        soort = ("paar" if partners else "alleen") + ("_met_kinderen" if kinderen else "")
        telling[soort] += 1
        if medebewoners:
            telling["met_medebewoners"] += 1
    labels = {
        "alleen": _("Alleenstaand"),
        "alleen_met_kinderen": _("Alleenstaande ouder"),
        "paar": _("Paar zonder kinderen"),
        "paar_met_kinderen": _("Paar met kinderen"),
        "met_medebewoners": _("Waarvan met medebewoners"),
    }
    return [_cel(label, telling[key]) for key, label in labels.items()]


def leeftijdsgroepen(*, actor: Actor, op: dt.date) -> list[Cel]:
    grenzen = [(18, 21), (21, 27), (27, 45), (45, 67), (67, 130)]
    resultaat = []
    personen = _personen(actor)
    for van, tot in grenzen:
        geboren_na = op.replace(year=op.year - tot)
        geboren_op_of_voor = op.replace(year=op.year - van)
        aantal = personen.filter(
            geboortedatum__gt=geboren_na, geboortedatum__lte=geboren_op_of_voor
        ).count()
        label = (
            _("%(van)s jaar en ouder") % {"van": van}
            if tot == 130
            else _("%(van)s tot %(tot)s jaar") % {"van": van, "tot": tot}
        )
        resultaat.append(_cel(label, aantal))
    return resultaat
