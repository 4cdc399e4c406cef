"""Reading proposals, vacancies and the training catalogue for matching. Object getters are
limited to the actor's gemeenten, so another gemeente's object does not exist (404)."""

from uuid import UUID

from django.db.models import Prefetch, QuerySet

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.koppelen.services import mag_opleidingen_beheren
from meedoen.werk.models import Opleiding, Vacature, Voorstel, VoorstelStatus


def vacatures(*, actor: Actor) -> QuerySet[Vacature]:
    actor.vereis_een(Bevoegdheid.MATCHEN, Bevoegdheid.WERKGEVERS_BEHEREN)
    return Vacature.objects.filter(gemeente_id__in=actor.gemeente_ids)


def open_vacatures(*, actor: Actor, gemeente_ids=None) -> QuerySet[Vacature]:
    rijen = vacatures(actor=actor).filter(status=Vacature.Status.OPEN)
    if gemeente_ids is not None:
        rijen = rijen.filter(gemeente_id__in=gemeente_ids)
    return rijen


def vacature(*, actor: Actor, vacature_id: UUID) -> Vacature:
    return vacatures(actor=actor).select_related("werkgever", "gemeente").get(pk=vacature_id)


def _met_statussen(rijen: QuerySet[Voorstel]) -> QuerySet[Voorstel]:
    return rijen.select_related(
        "persoon", "vacature__werkgever", "baan", "voorgesteld_door"
    ).prefetch_related(
        Prefetch("statussen", queryset=VoorstelStatus.objects.select_related("door"))
    )


def voorstellen(*, actor: Actor) -> QuerySet[Voorstel]:
    actor.vereis(Bevoegdheid.MATCHEN)
    return Voorstel.objects.filter(gemeente_id__in=actor.gemeente_ids)


def voorstel(*, actor: Actor, voorstel_id: UUID) -> Voorstel:
    return _met_statussen(voorstellen(actor=actor)).get(pk=voorstel_id)


def voorstellen_van_persoon(*, persoon) -> list[Voorstel]:
    """A resident already opened (and audited) by the page."""
    return list(_met_statussen(Voorstel.objects.filter(persoon=persoon)))


def voorstellen_voor_vacature(*, actor: Actor, vacature: Vacature) -> list[Voorstel]:
    return list(_met_statussen(voorstellen(actor=actor).filter(vacature=vacature)))


def opleidingen(*, actor: Actor) -> QuerySet[Opleiding]:
    if not mag_opleidingen_beheren(actor):
        raise Geweigerd(Bevoegdheid.WERKGEVERS_BEHEREN)
    return Opleiding.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related("gemeente")


def opleiding(*, actor: Actor, opleiding_id: UUID) -> Opleiding:
    return opleidingen(actor=actor).get(pk=opleiding_id)
