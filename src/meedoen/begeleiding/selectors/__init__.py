"""Reading a resident's guidance. Object getters are limited to the actor's gemeenten; the
per-resident reads take an already opened (and audited) persoon and write nothing."""

from uuid import UUID

from django.db.models import Prefetch, QuerySet

from meedoen.begeleiding.advies import Advies, feiten_voor_advies, route_advies
from meedoen.begeleiding.models import (
    AdviesRegel,
    Afspraak,
    AfspraakStatusWijziging,
    Ambitiegesprek,
    Begeleidingsstand,
    Contactmoment,
    LadderPositie,
    Maatregel,
    Ontheffing,
    PlanVanAanpak,
    Route,
    RouteKeuze,
    Toewijzing,
)
from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.intake import selectors as intake_selectors


def _scope(actor: Actor, queryset: QuerySet, bevoegdheid=Bevoegdheid.DOSSIER_LEZEN) -> QuerySet:
    actor.vereis(bevoegdheid)
    return queryset.filter(gemeente_id__in=actor.gemeente_ids)


# Configuration -------------------------------------------------------------------------------


def routes(*, actor: Actor, beheer: bool = False) -> QuerySet[Route]:
    bevoegdheid = Bevoegdheid.BEHEER if beheer else Bevoegdheid.DOSSIER_LEZEN
    return _scope(actor, Route.objects, bevoegdheid).select_related("team", "gemeente")


def route(*, actor: Actor, route_id: UUID) -> Route:
    return routes(actor=actor, beheer=True).get(pk=route_id)


def adviesregels(*, actor: Actor) -> QuerySet[AdviesRegel]:
    return _scope(actor, AdviesRegel.objects, Bevoegdheid.BEHEER).select_related(
        "route", "gemeente"
    )


def adviesregel(*, actor: Actor, adviesregel_id: UUID) -> AdviesRegel:
    return adviesregels(actor=actor).get(pk=adviesregel_id)


# One resident ---------------------------------------------------------------------------------


def laatste_ambitiegesprek(*, persoon) -> Ambitiegesprek | None:
    return (
        Ambitiegesprek.objects.filter(persoon=persoon)
        .select_related("voorkeursroute", "gevoerd_door")
        .first()
    )


def routegeschiedenis(*, persoon) -> list[RouteKeuze]:
    return list(
        RouteKeuze.objects.filter(persoon=persoon).select_related(
            "route", "geadviseerde_route", "vastgelegd_door"
        )
    )


def stand(*, persoon) -> Begeleidingsstand | None:
    return (
        Begeleidingsstand.objects.filter(persoon=persoon)
        .select_related("route__team", "klantmanager")
        .first()
    )


def ladder(*, persoon) -> list[LadderPositie]:
    return list(LadderPositie.objects.filter(persoon=persoon).select_related("beoordelaar"))


def ontheffingen(*, persoon) -> list[Ontheffing]:
    return list(Ontheffing.objects.filter(persoon=persoon))


def toewijzingen(*, persoon) -> list[Toewijzing]:
    return list(Toewijzing.objects.filter(persoon=persoon).select_related("klantmanager"))


def contactmomenten(*, persoon, limiet: int = 20) -> list[Contactmoment]:
    return list(Contactmoment.objects.filter(persoon=persoon).select_related("medewerker")[:limiet])


def huidig_plan(*, persoon) -> PlanVanAanpak | None:
    return (
        PlanVanAanpak.objects.filter(persoon=persoon)
        .prefetch_related(
            "doelen",
            "acties",
            Prefetch(
                "afspraken",
                queryset=Afspraak.objects.prefetch_related(
                    Prefetch(
                        "statussen",
                        queryset=AfspraakStatusWijziging.objects.select_related("door"),
                    )
                ),
            ),
        )
        .first()
    )


def maatregelen(*, persoon) -> list[Maatregel]:
    return list(Maatregel.objects.filter(persoon=persoon).select_related("besloten_door"))


def afspraak(*, actor: Actor, afspraak_id: UUID) -> Afspraak:
    actor.vereis(Bevoegdheid.DOSSIER_LEZEN)
    return Afspraak.objects.select_related("plan__persoon__gemeente").get(
        pk=afspraak_id, plan__gemeente_id__in=actor.gemeente_ids
    )


def advies_voor(*, persoon, ambitiegesprek=None) -> Advies | None:
    """The route advice from the gemeente's rules, on the latest intake and ambitiegesprek."""
    gesprek = ambitiegesprek or laatste_ambitiegesprek(persoon=persoon)
    posities = LadderPositie.objects.filter(persoon=persoon).order_by("-datum", "-aangemaakt_op")
    laatste_trede = posities.values_list("trede", flat=True).first()
    feiten = feiten_voor_advies(
        intake=intake_selectors.laatste_intake(persoon=persoon),
        ambitiegesprek=gesprek,
        ladder_trede=laatste_trede,
    )
    regels = AdviesRegel.objects.filter(
        gemeente_id=persoon.gemeente_id, actief=True
    ).select_related("route")
    return route_advies(regels=list(regels), feiten=feiten)
