"""Calculations with the rules engine, for the gemeenten the acting user works for, and the
household's bijstand as seen from the dossier of a member who is not its applicant."""

import datetime as dt
from dataclasses import dataclass

from meedoen.clients import selectors as clients_selectors
from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.core.taal import taal as schermtaal
from meedoen.rules.calculate import calculate
from meedoen.rules.situation import SituationError
from meedoen.uitkering.aanvraag.statusflow import OPEN
from meedoen.uitkering.models import Aanvraag, Besluit, Inkomensbeleid


def berekening(*, actor: Actor, situatie: dict) -> dict:
    """The engine's answer for a situation (the contract in docs/rules.md). Raises
    SituationError for invalid input, ParameterOntbreekt when the law's amount for the period is
    not known, and Geweigerd without the role."""
    actor.vereis(Bevoegdheid.BEREKENEN)
    codes = {g.code for g in actor.gemeenten}
    if situatie.get("gemeente") not in codes:
        raise SituationError(
            {
                "gemeente": [
                    {
                        "nl": "Kies een gemeente waarvoor u werkt.",
                        "en": "Choose a municipality you work for.",
                    }
                ]
            }
        )
    taal = schermtaal()
    return calculate(
        situatie, reforms=rekenvarianten_van(gemeente_code=situatie["gemeente"]), lang=taal
    )


def rekenvarianten_van(*, gemeente_code: str) -> tuple[str, ...]:
    """The reforms a gemeente's policy applies to every calculation (none by default)."""
    beleid = Inkomensbeleid.objects.filter(gemeente__code=gemeente_code).first()
    return tuple(beleid.rekenvarianten) if beleid else ()


# The decisions that set (or end) a household's monthly amount.
MAANDBEDRAG_SOORTEN = (Besluit.Soort.TOEKENNING, Besluit.Soort.WIJZIGING, Besluit.Soort.BEEINDIGING)


@dataclass(frozen=True)
class Huishoudbijstand:
    """The bijstand of a household a person belongs to, in another member's name."""

    aanvrager: object  # the Persoon the decision or application is in the name of
    toekenning: Besluit | None
    open_aanvraag: Aanvraag | None


def _geldende_toekenning(*, huishouden, datum: dt.date) -> Besluit | None:
    """The household's final decision that sets its monthly amount now (or from a later
    ingangsdatum); none when the latest one ends the right or has ended. A beëindiging counts
    from its ingangsdatum (the day after the last day with bijstand), not before."""
    laatste = (
        Besluit.objects.filter(
            huishouden=huishouden,
            status=Besluit.Status.VASTGESTELD,
            soort__in=MAANDBEDRAG_SOORTEN,
        )
        .exclude(soort=Besluit.Soort.BEEINDIGING, ingangsdatum__gt=datum)
        .select_related("persoon")
        .order_by("-ingangsdatum", "-beslist_op")
        .first()
    )
    if laatste is None or laatste.soort == Besluit.Soort.BEEINDIGING:
        return None
    if laatste.einddatum is not None and laatste.einddatum < datum:
        return None
    return laatste


def bijstand_van_huishouden(*, persoon, datum: dt.date) -> Huishoudbijstand | None:
    """For the dossier of a partner (or other member): the bijstand of the household the person
    belongs to on `datum` when it is in someone else's name. None when the person has no
    household, when the household has neither a current toekenning nor an open application,
    or when they are in the person's own name (the "Uitkering" panel shows those). Reads only:
    the dossier view recorded the read."""
    eigen = clients_selectors.huishouden_van(persoon=persoon, datum=datum)
    if eigen is None:
        return None
    toekenning = _geldende_toekenning(huishouden=eigen.huishouden, datum=datum)
    open_aanvraag = (
        Aanvraag.objects.filter(huishouden=eigen.huishouden, status__in=OPEN)
        .select_related("persoon")
        .order_by("-ontvangen_op")
        .first()
    )
    bron = toekenning or open_aanvraag
    if bron is None or bron.persoon_id == persoon.pk:
        return None
    aanvrager = bron.persoon
    return Huishoudbijstand(aanvrager=aanvrager, toekenning=toekenning, open_aanvraag=open_aanvraag)
