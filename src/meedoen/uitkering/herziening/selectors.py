"""Reading herzieningen and recoveries, limited to the actor's gemeenten. Per-resident reads
take an already opened (and audited) persoon and write nothing."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import QuerySet

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.betalingen import nabetalingen
from meedoen.uitkering.herziening import verrekening
from meedoen.uitkering.models import (
    Aflossing,
    Betaling,
    Document,
    Herziening,
    Terugbetaling,
    Terugvordering,
)


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
    # Payments received (zelf betalen), reversing entries included, in the order received.
    terugbetalingen: list[Terugbetaling]
    ontvangen_cent: int


def stand_van(terugvordering: Terugvordering) -> TerugvorderingStand:
    afgelost = verrekening.afgelost_cent(terugvordering)
    terugbetalingen = list(
        terugvordering.terugbetalingen.select_related(
            "geregistreerd_door", "correctie_van", "correctie"
        ).order_by("ontvangen_op", "aangemaakt_op")
    )
    return TerugvorderingStand(
        terugvordering=terugvordering,
        afgelost_cent=afgelost,
        rest_cent=max(0, terugvordering.bedrag_cent - afgelost),
        aflossingen=list(
            terugvordering.aflossingen.exclude(betaalvoorstel__status="vervallen")
            .select_related("betaalvoorstel")
            .order_by("betaalvoorstel__maand")
        ),
        terugbetalingen=terugbetalingen,
        ontvangen_cent=sum(t.bedrag_cent for t in terugbetalingen),
    )


def terugvordering_van(*, herziening: Herziening) -> TerugvorderingStand | None:
    gevonden = Terugvordering.objects.filter(herziening=herziening).first()
    return stand_van(gevonden) if gevonden else None


# The decision letter about a herziening itself (bron_id = the herziening).
BESLUITBRIEVEN = (Document.Soort.TERUGVORDERING, Document.Soort.HERZIENING)


def brief_van(*, herziening: Herziening) -> Document | None:
    return (
        Document.objects.filter(
            bron_id=herziening.pk,
            soort__in=BESLUITBRIEVEN,
            gemeente_id=herziening.gemeente_id,
        )
        .order_by("-aangemaakt_op")
        .first()
    )


def brieven_van(*, herziening: Herziening, terugvordering: Terugvordering | None) -> list:
    """Every letter about this herziening: the decision, and for a recovery the later letters
    about its arrangement (kwijtschelding, changed arrangement), newest first."""
    bronnen = [herziening.pk] + ([terugvordering.pk] if terugvordering is not None else [])
    return list(
        Document.objects.filter(bron_id__in=bronnen, gemeente_id=herziening.gemeente_id)
        .only("id", "soort", "titel", "aangemaakt_op")
        .order_by("-aangemaakt_op")
    )


def document_van(*, herziening: Herziening, document_id: UUID) -> Document:
    """One letter about this herziening (404 via DoesNotExist when it is about something
    else)."""
    terugvordering = Terugvordering.objects.filter(herziening=herziening).first()
    bronnen = [herziening.pk] + ([terugvordering.pk] if terugvordering is not None else [])
    return Document.objects.get(
        pk=document_id, bron_id__in=bronnen, gemeente_id=herziening.gemeente_id
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
        for d in Document.objects.filter(persoon=persoon, soort__in=BESLUITBRIEVEN).only(
            "id", "bron_id", "titel", "aangemaakt_op"
        )
    }
    return {
        "open": [h for h in alle if h.status == Herziening.Status.VOORGESTELD],
        "beslist": [h for h in alle if h.status != Herziening.Status.VOORGESTELD][:10],
        "terugvorderingen": terugvorderingen,
        "brieven": brieven,
    }


def nabetaling_stand(herziening: Herziening) -> dict:
    """Whether a decided nabetaling still waits to be paid, and the payment that paid it on its
    own line when the household had no monthly payment to add it to."""
    return {
        "nabetaling_open": nabetalingen.open_nabetalingen().filter(pk=herziening.pk).exists(),
        "los_betaald": Betaling.objects.filter(herziening=herziening)
        .select_related("betaalrun")
        .first(),
    }
