"""Reading work profiles. The per-resident reads take an already opened (and audited) persoon
and write nothing; object getters are limited to the actor's gemeenten."""

from dataclasses import dataclass
from uuid import UUID

from meedoen.begeleiding import selectors as begeleiding_selectors
from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.werk import taxonomie
from meedoen.werk.models import Werkervaring, Werkprofiel


def werkprofiel(*, persoon) -> Werkprofiel | None:
    return (
        Werkprofiel.objects.filter(persoon=persoon)
        .select_related("bijgewerkt_door")
        .prefetch_related("ervaringen")
        .first()
    )


def werkervaring(*, actor: Actor, werkervaring_id: UUID) -> Werkervaring:
    actor.vereis(Bevoegdheid.DOSSIER_LEZEN)
    return Werkervaring.objects.select_related("profiel__persoon__gemeente").get(
        pk=werkervaring_id, gemeente_id__in=actor.gemeente_ids
    )


@dataclass(frozen=True)
class Voorinvulling:
    """What the latest ambitiegesprek already says, to start a new profile with."""

    datum: object
    initial: dict
    werkervaring: str


def voorinvulling(*, persoon) -> Voorinvulling | None:
    gesprek = begeleiding_selectors.laatste_ambitiegesprek(persoon=persoon)
    if gesprek is None:
        return None
    wensen = "\n".join(t for t in (gesprek.ambities, gesprek.wensen) if t)
    return Voorinvulling(
        datum=gesprek.datum,
        initial={"uren_per_week": gesprek.uren_beschikbaar, "wensen": wensen},
        werkervaring=gesprek.werkervaring,
    )


@dataclass(frozen=True)
class ErvaringRegel:
    ervaring: Werkervaring
    beroep_label: str
    # "gekozen" (by a person), "voorgesteld" (mapped automatically), "open" (not mapped yet)
    koppeling: str


def ervaringen(*, profiel: Werkprofiel | None, lang: str = "nl") -> list[ErvaringRegel]:
    if profiel is None:
        return []
    regels = []
    for ervaring in profiel.ervaringen.all():
        if not ervaring.beroep:
            status = "open"
        elif ervaring.handmatig_gekoppeld:
            status = "gekozen"
        else:
            status = "voorgesteld"
        label = taxonomie.label(ervaring.beroep, lang) if ervaring.beroep else ""
        regels.append(ErvaringRegel(ervaring, label, status))
    return regels


def labels(codes, lang: str = "nl") -> list[str]:
    return [taxonomie.label(c, lang) for c in codes or []]
