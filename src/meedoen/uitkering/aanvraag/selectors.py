"""Reading applications, decisions and letters. Object getters are limited to the actor's
gemeenten (another gemeente's object raises DoesNotExist, which views turn into 404); the
per-resident reads take an already opened (and audited) persoon and write nothing."""

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce

from meedoen.clients import selectors as clients_selectors
from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.aanvraag.statusflow import OPEN
from meedoen.uitkering.models import Aanvraag, Besluit, Document, Inkomensbeleid

LEZERS = (Bevoegdheid.UITKERING_BEHANDELEN, Bevoegdheid.UITKERING_ACCORDEREN)
BIJNA_TE_LAAT = dt.timedelta(days=7)


def mag_lezen(actor: Actor) -> bool:
    return actor.mag_een(*LEZERS)


def vereis_lezen(actor: Actor) -> None:
    actor.vereis_een(*LEZERS)


def beleid_van(gemeente) -> Inkomensbeleid:
    """The gemeente's income policy; the defaults of the model when it has set none."""
    beleid = Inkomensbeleid.objects.filter(gemeente=gemeente).first()
    return beleid or Inkomensbeleid(gemeente=gemeente)


# Objects in scope ----------------------------------------------------------------------------


def aanvragen(*, actor: Actor) -> QuerySet[Aanvraag]:
    vereis_lezen(actor)
    return Aanvraag.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related(
        "persoon", "gemeente", "behandelaar"
    )


def aanvraag(*, actor: Actor, aanvraag_id: UUID) -> Aanvraag:
    return aanvragen(actor=actor).get(pk=aanvraag_id)


def besluiten(*, actor: Actor) -> QuerySet[Besluit]:
    vereis_lezen(actor)
    return Besluit.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related(
        "persoon", "gemeente", "aanvraag", "beslist_door", "geaccordeerd_door"
    )


def besluit(*, actor: Actor, besluit_id: UUID) -> Besluit:
    return besluiten(actor=actor).get(pk=besluit_id)


def document(*, actor: Actor, document_id: UUID) -> Document:
    vereis_lezen(actor)
    return Document.objects.select_related("persoon", "gemeente").get(
        pk=document_id, gemeente_id__in=actor.gemeente_ids
    )


def beschikking_van(*, besluit: Besluit) -> Document | None:
    return (
        Document.objects.filter(bron_id=besluit.pk, soort=Document.Soort.BESCHIKKING)
        .order_by("aangemaakt_op")
        .first()
    )


# Worklists -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Termijnregel:
    aanvraag: Aanvraag
    termijn: dt.date
    dagen_over: int  # negative: that many days too late

    @property
    def te_laat(self) -> bool:
        return self.dagen_over < 0

    @property
    def dagen_te_laat(self) -> int:
        return -self.dagen_over


def open_aanvragen(
    *, actor: Actor, vandaag: dt.date, behandelaar=None, termijn_tot: dt.date | None = None
) -> list[Termijnregel]:
    """Applications waiting for a decision, the nearest deadline (after a postponement: the new
    one) first. With `behandelaar`: only theirs; with `termijn_tot`: only those due by then."""
    rijen = (
        aanvragen(actor=actor)
        .filter(status__in=OPEN)
        .annotate(termijn=Coalesce(F("verdaagd_tot"), F("beslistermijn")))
        .order_by("termijn", "ontvangen_op", "pk")
    )
    if behandelaar is not None:
        rijen = rijen.filter(behandelaar=behandelaar)
    if termijn_tot is not None:
        rijen = rijen.filter(termijn__lte=termijn_tot)
    return [
        Termijnregel(aanvraag=a, termijn=a.termijn, dagen_over=(a.termijn - vandaag).days)
        for a in rijen
    ]


def bij_de_termijn(*, actor: Actor, vandaag: dt.date) -> list[Termijnregel]:
    """Open applications due within 7 days, or overdue."""
    return open_aanvragen(actor=actor, vandaag=vandaag, termijn_tot=vandaag + BIJNA_TE_LAAT)


def te_accorderen(*, actor: Actor) -> QuerySet[Besluit]:
    """Decisions waiting for a second person, without the actor's own (they cannot approve
    those)."""
    actor.vereis(Bevoegdheid.UITKERING_ACCORDEREN)
    return (
        besluiten(actor=actor)
        .filter(status=Besluit.Status.WACHT_OP_ACCORDERING)
        .exclude(beslist_door=actor.user)
        .order_by("beslist_op", "pk")
    )


# One resident --------------------------------------------------------------------------------


def huidige_toekenning(*, persoon) -> Besluit | None:
    """The latest final decision that sets the monthly amount; a decision revoked after a
    gegrond bezwaar and replaced by a new one no longer counts, even when the new one starts
    earlier."""
    return (
        Besluit.objects.filter(
            persoon=persoon,
            status=Besluit.Status.VASTGESTELD,
            soort__in=[Besluit.Soort.TOEKENNING, Besluit.Soort.WIJZIGING],
        )
        .exclude(bezwaren__nieuw_besluit__isnull=False)
        .order_by("-ingangsdatum", "-beslist_op")
        .first()
    )


def aanvragen_van(*, persoon) -> list[Aanvraag]:
    return list(Aanvraag.objects.filter(persoon=persoon).select_related("behandelaar"))


def besluiten_van(*, persoon) -> list[Besluit]:
    return list(Besluit.objects.filter(persoon=persoon).select_related("beslist_door"))


def documenten_van(*, persoon) -> list[Document]:
    return list(Document.objects.filter(persoon=persoon).defer("inhoud"))


def open_aanvraag_van_huishouden(*, persoon, datum: dt.date) -> Aanvraag | None:
    """The open application of the household the person belongs to on `datum`, in anyone's
    name (a household has at most one, services.aanvraag_registreren)."""
    lid = clients_selectors.huishouden_van(persoon=persoon, datum=datum)
    if lid is None:
        return None
    return (
        Aanvraag.objects.filter(huishouden=lid.huishouden, status__in=OPEN)
        .select_related("persoon")
        .order_by("ontvangen_op")
        .first()
    )
