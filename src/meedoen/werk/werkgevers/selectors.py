"""Reading employers and vacancies: werkgeversdienstverleners (who manage them) and
klantmanagers (who match residents to them) may read; all reads are limited to the actor's
gemeenten. Employers are organisations, not residents: reading them is not audited."""

from uuid import UUID

from django.db.models import Count, Q, QuerySet

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.models import Contactpersoon, Vacature, VacatureImport, Werkgever


def _vereis_lezen(actor: Actor) -> None:
    actor.vereis_een(Bevoegdheid.WERKGEVERS_BEHEREN, Bevoegdheid.MATCHEN)


def werkgevers(*, actor: Actor, zoekterm: str = "") -> QuerySet[Werkgever]:
    _vereis_lezen(actor)
    rijen = Werkgever.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related("gemeente")
    if zoekterm := zoekterm.strip():
        rijen = rijen.filter(
            Q(naam__icontains=zoekterm) | Q(kvk_nummer__startswith=zoekterm.replace(" ", ""))
        )
    return rijen.annotate(
        open_vacatures=Count("vacatures", filter=Q(vacatures__status=Vacature.Status.OPEN))
    ).order_by("naam")


def werkgever(*, actor: Actor, werkgever_id: UUID) -> Werkgever:
    _vereis_lezen(actor)
    return Werkgever.objects.select_related("gemeente", "accounthouder").get(
        pk=werkgever_id, gemeente_id__in=actor.gemeente_ids
    )


def contactpersoon(*, actor: Actor, contactpersoon_id: UUID) -> Contactpersoon:
    _vereis_lezen(actor)
    return Contactpersoon.objects.select_related("werkgever").get(
        pk=contactpersoon_id, gemeente_id__in=actor.gemeente_ids
    )


def vacatures(
    *, actor: Actor, status: str = "", werkgever: Werkgever | None = None, zoekterm: str = ""
) -> QuerySet[Vacature]:
    _vereis_lezen(actor)
    rijen = Vacature.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related(
        "werkgever", "gemeente"
    )
    if status:
        rijen = rijen.filter(status=status)
    if werkgever is not None:
        rijen = rijen.filter(werkgever=werkgever)
    if zoekterm := zoekterm.strip():
        rijen = rijen.filter(Q(titel__icontains=zoekterm) | Q(werkgever__naam__icontains=zoekterm))
    return rijen.order_by("-aangemaakt_op")


def vacature(*, actor: Actor, vacature_id: UUID) -> Vacature:
    _vereis_lezen(actor)
    return Vacature.objects.select_related("werkgever", "gemeente", "ingevoerd_door").get(
        pk=vacature_id, gemeente_id__in=actor.gemeente_ids
    )


def vacatureimport(*, actor: Actor, vacatureimport_id: UUID) -> VacatureImport:
    actor.vereis(Bevoegdheid.WERKGEVERS_BEHEREN)
    return VacatureImport.objects.select_related("gemeente", "door").get(
        pk=vacatureimport_id, gemeente_id__in=actor.gemeente_ids
    )
