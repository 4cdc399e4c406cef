"""Reading residents. Everything is limited to the gemeenten the acting user works for;
reading a dossier writes one audit event in the same transaction."""

import datetime as dt
import re
from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from meedoen.clients.models import Huishouden, Lidmaatschap, Persoon
from meedoen.clients.normalize import zoeksleutel
from meedoen.clients.validators import normaliseer_bsn
from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.roles import Bevoegdheid

ZOEK_LIMIET = 25
_BSN_PATROON = re.compile(r"^\d{8,9}$")
_DATUM_FORMATEN = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")


def personen(*, actor: Actor) -> QuerySet[Persoon]:
    actor.vereis(Bevoegdheid.DOSSIER_LEZEN)
    return Persoon.objects.filter(gemeente_id__in=actor.gemeente_ids)


def huishoudens(*, actor: Actor) -> QuerySet[Huishouden]:
    actor.vereis(Bevoegdheid.DOSSIER_LEZEN)
    return Huishouden.objects.filter(gemeente_id__in=actor.gemeente_ids)


def _als_datum(term: str) -> dt.date | None:
    for formaat in _DATUM_FORMATEN:
        try:
            return dt.datetime.strptime(term, formaat).date()
        except ValueError:
            continue
    return None


def personen_zoeken(*, actor: Actor, zoekterm: str, limiet: int = ZOEK_LIMIET) -> list[Persoon]:
    """Search by name (with or without diacritics and tussenvoegsel, in any order), BSN or
    birth date; parts may be combined ("jansen 01-02-1990")."""
    filters = Q()
    naamdelen = []
    for deel in zoekterm.replace(",", " ").split():
        compact = deel.replace(".", "")
        if _BSN_PATROON.match(compact):
            filters &= Q(bsn=normaliseer_bsn(compact))
        elif (datum := _als_datum(deel)) is not None:
            filters &= Q(geboortedatum=datum)
        else:
            naamdelen.extend(zoeksleutel(deel).split())
    for naamdeel in naamdelen:
        filters &= Q(zoeknaam__contains=naamdeel)
    if not filters:
        return []
    resultaten = personen(actor=actor).filter(filters).select_related("gemeente")
    return list(resultaten.order_by("achternaam", "voornamen", "geboortedatum")[:limiet])


def persoon(*, actor: Actor, persoon_id: UUID) -> Persoon:
    """One resident in scope, without an audit event: for checks before a write service."""
    return personen(actor=actor).select_related("gemeente").get(pk=persoon_id)


@transaction.atomic
def persoon_dossier(*, actor: Actor, persoon_id: UUID, doel: str) -> Persoon:
    """Open a resident's dossier: exactly one 'gelezen' audit event with its purpose."""
    gevonden = persoon(actor=actor, persoon_id=persoon_id)
    audit_vastleggen(
        actor=actor, actie=Actie.GELEZEN, doel=doel, obj=gevonden, persoon_id=gevonden.pk
    )
    return gevonden


def huishouden(*, actor: Actor, huishouden_id: UUID) -> Huishouden:
    return huishoudens(actor=actor).select_related("gemeente").get(pk=huishouden_id)


def lidmaatschap(*, actor: Actor, lidmaatschap_id: UUID) -> Lidmaatschap:
    actor.vereis(Bevoegdheid.DOSSIER_LEZEN)
    return Lidmaatschap.objects.select_related("persoon", "huishouden").get(
        pk=lidmaatschap_id, gemeente_id__in=actor.gemeente_ids
    )


def _geldig_op(datum: dt.date) -> Q:
    return Q(van__lte=datum) & (Q(tot__isnull=True) | Q(tot__gt=datum))


def samenstelling_op(*, huishouden: Huishouden, datum: dt.date) -> list[Lidmaatschap]:
    """The household as it was on `datum`: who belonged, in which role."""
    return list(
        huishouden.leden.filter(_geldig_op(datum))
        .select_related("persoon")
        .order_by("rol", "persoon__geboortedatum")
    )


def geschiedenis(*, huishouden: Huishouden) -> list[Lidmaatschap]:
    return list(huishouden.leden.select_related("persoon").order_by("-van", "rol"))


@dataclass(frozen=True)
class HuishoudenVanPersoon:
    huishouden: Huishouden
    eigen_rol: str
    leden: list[Lidmaatschap]
    geschiedenis: list[Lidmaatschap]


def huishouden_van(
    *, persoon: Persoon, datum: dt.date | None = None
) -> HuishoudenVanPersoon | None:
    """The household a person belongs to on `datum` (today by default), with its members and
    its history (all memberships read in one query)."""
    datum = datum or timezone.localdate()
    eigen = persoon.lidmaatschappen.filter(_geldig_op(datum)).select_related("huishouden").first()
    if eigen is None:
        return None
    alle = geschiedenis(huishouden=eigen.huishouden)
    leden = sorted(
        (lid for lid in alle if lid.van <= datum and (lid.tot is None or lid.tot > datum)),
        key=lambda lid: (lid.rol, lid.persoon.geboortedatum),
    )
    return HuishoudenVanPersoon(
        huishouden=eigen.huishouden, eigen_rol=eigen.rol, leden=leden, geschiedenis=alle
    )
