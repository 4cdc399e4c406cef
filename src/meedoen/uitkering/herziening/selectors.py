"""Reading herzieningen and recoveries, limited to the actor's gemeenten. Per-resident reads
take an already opened (and audited) persoon and write nothing."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import QuerySet

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.herziening import verrekening
from meedoen.uitkering.models import Aflossing, Document, Herziening, Terugvordering


def herzieningen(*, actor: Actor) -> QuerySet[Herziening]:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    return Herziening.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related(
        "persoon", "gemeente", "beslist_door"
    )


def herziening(*, actor: Actor, herziening_id: UUID) -> Herziening:
    return herzieningen(actor=actor).select_related("huishouden").get(pk=herziening_id)


def te_beslissen(*, actor: Actor) -> QuerySet[Herziening]:
    """Open proposals, oldest month first: the longer it waits, the harder repaying gets."""
    return (
        herzieningen(actor=actor)
        .filter(status=Herziening.Status.VOORGESTELD)
        .order_by("maand", "aangemaakt_op")
    )


@dataclass(frozen=True)
class TerugvorderingStand:
    terugvordering: Terugvordering
    afgelost_cent: int
    rest_cent: int
    aflossingen: list[Aflossing]


def stand_van(terugvordering: Terugvordering) -> TerugvorderingStand:
    afgelost = verrekening.afgelost_cent(terugvordering)
    return TerugvorderingStand(
        terugvordering=terugvordering,
        afgelost_cent=afgelost,
        rest_cent=max(0, terugvordering.bedrag_cent - afgelost),
        aflossingen=list(
            terugvordering.aflossingen.exclude(betaalvoorstel__status="vervallen")
            .select_related("betaalvoorstel")
            .order_by("betaalvoorstel__maand")
        ),
    )


def terugvordering_van(*, herziening: Herziening) -> TerugvorderingStand | None:
    gevonden = Terugvordering.objects.filter(herziening=herziening).first()
    return stand_van(gevonden) if gevonden else None


def brief_van(*, herziening: Herziening) -> Document | None:
    return (
        Document.objects.filter(
            bron_id=herziening.pk,
            soort=Document.Soort.TERUGVORDERING,
            gemeente_id=herziening.gemeente_id,
        )
        .order_by("-aangemaakt_op")
        .first()
    )


def voor_persoon(*, persoon) -> dict:
    """Open herzieningen, running recoveries with what is left, and decided ones, for the
    dossier panel."""
    alle = list(
        Herziening.objects.filter(persoon=persoon)
        .exclude(status=Herziening.Status.VERVALLEN)
        .order_by("-maand", "-aangemaakt_op")
    )
    terugvorderingen = [
        stand_van(t)
        for t in Terugvordering.objects.filter(persoon=persoon)
        .select_related("herziening")
        .order_by("-eerste_maand")
    ]
    brieven = {
        d.bron_id: d
        for d in Document.objects.filter(persoon=persoon, soort=Document.Soort.TERUGVORDERING).only(
            "id", "bron_id", "titel", "aangemaakt_op"
        )
    }
    return {
        "open": [h for h in alle if h.status == Herziening.Status.VOORGESTELD],
        "beslist": [h for h in alle if h.status != Herziening.Status.VOORGESTELD][:10],
        "terugvorderingen": terugvorderingen,
        "brieven": brieven,
    }
