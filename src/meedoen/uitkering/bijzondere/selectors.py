"""Reading bijzondere bijstand and the cost catalogue, limited to the actor's gemeenten."""

from uuid import UUID

from django.db.models import QuerySet

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.bijzondere.norm import nog_geen_bedragen
from meedoen.uitkering.models import (
    Aanvraag,
    Besluit,
    Betaalvoorstel,
    BijzondereBijstand,
    Document,
    Inkomstenopgave,
    KostenCategorie,
)


def aanvragen(*, actor: Actor) -> QuerySet[BijzondereBijstand]:
    """Requests of the actor's gemeenten, for those who handle them or approve decisions."""
    actor.vereis_een(Bevoegdheid.UITKERING_BEHANDELEN, Bevoegdheid.UITKERING_ACCORDEREN)
    return BijzondereBijstand.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related(
        "persoon", "categorie", "gemeente", "beslist_door", "geaccordeerd_door"
    )


def aanvraag(*, actor: Actor, aanvraag_id: UUID) -> BijzondereBijstand:
    return aanvragen(actor=actor).get(pk=aanvraag_id)


def te_beslissen(*, actor: Actor) -> QuerySet[BijzondereBijstand]:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    return (
        aanvragen(actor=actor)
        .filter(status=BijzondereBijstand.Status.INGEDIEND)
        .order_by("ingediend_op", "aangemaakt_op")
    )


def te_accorderen(*, actor: Actor) -> QuerySet[BijzondereBijstand]:
    """Decisions waiting for a second person, without the actor's own (they cannot approve
    those)."""
    actor.vereis(Bevoegdheid.UITKERING_ACCORDEREN)
    return (
        aanvragen(actor=actor)
        .filter(status=BijzondereBijstand.Status.WACHT_OP_ACCORDERING)
        .exclude(beslist_door=actor.user)
        .order_by("beslist_op", "pk")
    )


def berekening_niet_mogelijk(*, aanvraag: BijzondereBijstand) -> str | None:
    """Why an undecided request has no draagkracht calculation yet (None when it has one)."""
    if aanvraag.draagkracht:
        return None
    return nog_geen_bedragen(aanvraag.ingediend_op.replace(day=1))


def categorieen(*, actor: Actor) -> QuerySet[KostenCategorie]:
    """The catalogue for its managers."""
    actor.vereis(Bevoegdheid.BEHEER)
    return KostenCategorie.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related(
        "gemeente"
    )


def categorie(*, actor: Actor, categorie_id: UUID) -> KostenCategorie:
    return categorieen(actor=actor).get(pk=categorie_id)


def kiesbare_categorieen(*, actor: Actor, gemeente_id: int) -> QuerySet[KostenCategorie]:
    """Active categories of the resident's gemeente, for a request."""
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    if gemeente_id not in actor.gemeente_ids:
        return KostenCategorie.objects.none()
    return KostenCategorie.objects.filter(gemeente_id=gemeente_id, actief=True)


def brief_van(*, aanvraag: BijzondereBijstand) -> Document | None:
    return (
        Document.objects.filter(
            bron_id=aanvraag.pk,
            soort=Document.Soort.BIJZONDERE_BIJSTAND,
            gemeente_id=aanvraag.gemeente_id,
        )
        .order_by("-aangemaakt_op")
        .first()
    )


def voor_persoon(*, persoon) -> dict:
    lijst = list(
        BijzondereBijstand.objects.filter(persoon=persoon)
        .select_related("categorie")
        .order_by("-ingediend_op", "-aangemaakt_op")[:20]
    )
    brieven = {
        d.bron_id: d
        for d in Document.objects.filter(
            persoon=persoon, soort=Document.Soort.BIJZONDERE_BIJSTAND
        ).only("id", "bron_id", "titel", "aangemaakt_op")
    }
    return {"aanvragen": lijst, "brieven": brieven}


def beginwaarden(*, persoon) -> dict:
    """Prefill for a request: the account from the latest decision or application, and the
    household's income in the latest paid or proposed month (benefit plus reported income)."""
    waarden: dict = {}
    bron = (
        Besluit.objects.filter(persoon=persoon).exclude(iban="").order_by("-beslist_op").first()
        or Aanvraag.objects.filter(persoon=persoon).order_by("-ontvangen_op").first()
    )
    if bron is not None:
        waarden |= {"iban": bron.iban, "tenaamstelling": bron.tenaamstelling}
    voorstel = (
        Betaalvoorstel.objects.filter(persoon=persoon)
        .exclude(status=Betaalvoorstel.Status.VERVALLEN)
        .order_by("-maand")
        .first()
    )
    if voorstel is not None:
        opgave = (
            Inkomstenopgave.objects.filter(
                huishouden_id=voorstel.huishouden_id, maand=voorstel.maand
            )
            .prefetch_related("regels")
            .first()
        )
        inkomen = sum(r.netto_cent for r in opgave.regels.all()) if opgave else 0
        waarden["inkomen_cent"] = voorstel.uitkering_cent + inkomen
    return waarden
