"""Reading intakes, ZRM measurements, partners and referrals, limited to the actor's gemeenten.
These do not write audit events: pages that show a resident's data open the dossier through
clients.selectors.persoon_dossier, which records the read."""

from uuid import UUID

from django.db.models import Prefetch, QuerySet

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.intake.models import (
    Intake,
    Partner,
    Verwijzing,
    VerwijzingStatusWijziging,
    ZrmMeting,
    ZrmScore,
)


def _scope(actor: Actor, queryset: QuerySet, bevoegdheid=Bevoegdheid.DOSSIER_LEZEN) -> QuerySet:
    actor.vereis(bevoegdheid)
    return queryset.filter(gemeente_id__in=actor.gemeente_ids)


def intake(*, actor: Actor, intake_id: UUID) -> Intake:
    return (
        _scope(actor, Intake.objects)
        .select_related("persoon", "zrm", "afgenomen_door", "gemeente")
        .prefetch_related(Prefetch("zrm__scores", queryset=ZrmScore.objects.order_by("domein")))
        .get(pk=intake_id)
    )


def laatste_intake(*, persoon) -> Intake | None:
    return (
        Intake.objects.filter(persoon=persoon)
        .select_related("zrm", "afgenomen_door")
        .prefetch_related("zrm__scores")
        .first()
    )


def intakes_van(*, persoon) -> list[Intake]:
    return list(Intake.objects.filter(persoon=persoon).select_related("afgenomen_door"))


def zrm_metingen(*, persoon) -> list[ZrmMeting]:
    """All measurements, oldest first, for the chart and table over time."""
    return list(
        ZrmMeting.objects.filter(persoon=persoon)
        .select_related("beoordelaar")
        .prefetch_related("scores")
        .order_by("datum", "aangemaakt_op")
    )


def partners(*, actor: Actor, beheer: bool = False) -> QuerySet[Partner]:
    bevoegdheid = Bevoegdheid.BEHEER if beheer else Bevoegdheid.DOSSIER_LEZEN
    return _scope(actor, Partner.objects, bevoegdheid).select_related("gemeente")


def partner(*, actor: Actor, partner_id: UUID) -> Partner:
    return partners(actor=actor, beheer=True).get(pk=partner_id)


def verwijzingen_van(*, persoon) -> list[Verwijzing]:
    return list(
        Verwijzing.objects.filter(persoon=persoon)
        .select_related("partner")
        .prefetch_related(
            Prefetch("statussen", queryset=VerwijzingStatusWijziging.objects.order_by("op"))
        )
    )


def verwijzing(*, actor: Actor, verwijzing_id: UUID) -> Verwijzing:
    return (
        _scope(actor, Verwijzing.objects)
        .select_related("persoon", "partner", "verwezen_door")
        .prefetch_related("statussen__door")
        .get(pk=verwijzing_id)
    )
