"""Reads for ending bijstand: which toekenning applies, which months after an einddatum were
already paid, and what the dossier shows once the bijstand has ended. Read-only: the page that
uses them records the read."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from meedoen.clients import selectors as clients_selectors
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.models import Besluit, Betaalvoorstel

# The decisions that set or end a household's monthly amount (the same as betalingen.maand).
SOORTEN = (Besluit.Soort.TOEKENNING, Besluit.Soort.WIJZIGING, Besluit.Soort.BEEINDIGING)


def _laatste(huishouden_id) -> Besluit | None:
    """The household's latest final decision about its monthly amount, ordered like
    betalingen.maand (by ingangsdatum, then the moment of deciding)."""
    return (
        Besluit.objects.filter(
            huishouden_id=huishouden_id, status=Besluit.Status.VASTGESTELD, soort__in=SOORTEN
        )
        .select_related("persoon", "huishouden", "gemeente")
        .order_by("-ingangsdatum", "-beslist_op")
        .first()
    )


def _huishoudens(persoon, vandaag: dt.date) -> list:
    """The households the person's bijstand can be in: the one they belong to today, then the
    households of decisions in their own name (they may have left it, e.g. after moving)."""
    ids = []
    lid = clients_selectors.huishouden_van(persoon=persoon, datum=vandaag)
    if lid is not None:
        ids.append(lid.huishouden.pk)
    eigen = (
        Besluit.objects.filter(persoon=persoon, soort__in=SOORTEN)
        .order_by("-beslist_op")
        .values_list("huishouden_id", flat=True)
    )
    for huishouden_id in eigen:
        if huishouden_id not in ids:
            ids.append(huishouden_id)
    return ids


def geldende_toekenning(*, persoon, vandaag: dt.date) -> Besluit | None:
    """The toekenning (or wijziging) that pays the household's bijstand and that no final
    beëindiging or einddatum has ended yet."""
    for huishouden_id in _huishoudens(persoon, vandaag):
        laatste = _laatste(huishouden_id)
        if laatste is None or laatste.soort == Besluit.Soort.BEEINDIGING:
            continue
        if laatste.einddatum is None:
            return laatste
    return None


def laatste_beeindiging(*, persoon, vandaag: dt.date) -> Besluit | None:
    """The final beëindiging that ended the bijstand of the person's household (its einddatum
    is the last day with bijstand), if no later decision started it again."""
    for huishouden_id in _huishoudens(persoon, vandaag):
        laatste = _laatste(huishouden_id)
        if laatste is not None and laatste.soort == Besluit.Soort.BEEINDIGING:
            return laatste
    return None


def betaalde_maanden_na(*, huishouden_id, einddatum: dt.date) -> list[Betaalvoorstel]:
    """Paid (or in a run that was paid out) months that start after the einddatum: over those
    months bijstand was paid that the household had no right to."""
    return list(
        Betaalvoorstel.objects.filter(
            Q(status=Betaalvoorstel.Status.BETAALD) | Q(betaling__isnull=False),
            huishouden_id=huishouden_id,
            maand__gt=einddatum,
        )
        .exclude(status=Betaalvoorstel.Status.VERVALLEN)
        .order_by("maand")
    )


def laatste_betaalde_maand(*, huishouden_id) -> dt.date | None:
    voorstel = (
        Betaalvoorstel.objects.filter(
            Q(status=Betaalvoorstel.Status.BETAALD) | Q(betaling__isnull=False),
            huishouden_id=huishouden_id,
        )
        .exclude(status=Betaalvoorstel.Status.VERVALLEN)
        .order_by("-maand")
        .first()
    )
    return voorstel.maand if voorstel else None


def maandnamen(voorstellen: list[Betaalvoorstel]) -> str:
    return ", ".join(maanden.maandnaam(v.maand) for v in voorstellen)


@dataclass(frozen=True)
class Paneelstand:
    """What the dossier panel "Uitkering" shows about ending: the beëindiging (when the
    bijstand has ended or will end) and whether the actor may end the current bijstand."""

    beeindiging: Besluit | None
    mag_beeindigen: bool


def paneelstand(*, actor, persoon, vandaag: dt.date) -> Paneelstand:
    beeindiging = laatste_beeindiging(persoon=persoon, vandaag=vandaag)
    mag = actor.mag(Bevoegdheid.UITKERING_BEHANDELEN) and (
        geldende_toekenning(persoon=persoon, vandaag=vandaag) is not None
    )
    return Paneelstand(beeindiging=beeindiging, mag_beeindigen=mag)
