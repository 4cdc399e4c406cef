"""Matches both ways, for the pages: the best open vacancies for one resident, and the best
residents seeking work for one vacancy. One vectorised ranking call per page (the engine's
`top_vacatures` / `top_kandidaten`), never a Python loop over pairs."""

from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.koppelen import kandidaten as adapter
from meedoen.werk.koppelen import redenen, selectors
from meedoen.werk.koppelen.overgangen import OPEN
from meedoen.werk.matching import score_paar, top_kandidaten, top_vacatures, uitgesloten_omdat
from meedoen.werk.matching.types import Match, Reden
from meedoen.werk.models import Vacature, Voorstel, Werkprofiel

AANTAL = 20


@dataclass(frozen=True)
class Regel:
    """One line of a ranking: the other side (a Vacature or a Werkprofiel with its Persoon),
    the match, its reasons in words and the open proposal for this pair, if any."""

    object: object
    match: Match
    redenen: list[str]
    open_voorstel: Voorstel | None

    @property
    def score(self) -> Decimal:
        return Decimal(str(self.match.score)).quantize(Decimal("0.1"))


def _open_voorstellen(**filters) -> dict:
    rijen = Voorstel.objects.filter(status__in=OPEN, **filters)
    return {(str(v.persoon_id), str(v.vacature_id)): v for v in rijen}


def vacatures_voor_persoon(*, actor: Actor, persoon, aantal: int = AANTAL) -> list[Regel] | None:
    """The best open vacancies in the actor's gemeenten for a resident already opened by the
    page; None when the resident has no work profile yet."""
    actor.vereis(Bevoegdheid.MATCHEN)
    kandidaat = adapter.kandidaat_voor(persoon=persoon)
    if kandidaat is None:
        return None
    open_vacatures = selectors.open_vacatures(actor=actor)
    plekken = adapter.vacatures_uit(open_vacatures)
    inv = adapter.invoer(kandidaten=[kandidaat], vacatures=plekken, gemeente_id=persoon.gemeente_id)
    matches = top_vacatures(
        inv.kandidaten, inv.vacatures, inv.gewichten, inv.verwantschap, k=aantal
    ).get(kandidaat.id, [])
    objecten = open_vacatures.select_related("werkgever", "gemeente").in_bulk(
        [m.vacature_id for m in matches]
    )
    lopend = _open_voorstellen(persoon=persoon)
    return [
        Regel(
            object=objecten[_uuid(m.vacature_id)],
            match=m,
            redenen=redenen.teksten(m.redenen),
            open_voorstel=lopend.get((m.kandidaat_id, m.vacature_id)),
        )
        for m in matches
    ]


def kandidaten_voor_vacature(
    *, actor: Actor, vacature: Vacature, aantal: int = AANTAL
) -> list[Regel]:
    """The best residents seeking work (current route with `zoekt_werk`) in the actor's
    gemeenten for one vacancy, with the vacancy's gemeente's weights."""
    actor.vereis_een(Bevoegdheid.MATCHEN, Bevoegdheid.WERKGEVERS_BEHEREN)
    profielen = adapter.zoekende_profielen(gemeente_ids=actor.gemeente_ids)
    kandidaten = adapter.kandidaten_uit(profielen)
    plek = adapter.vacatures_uit(Vacature.objects.filter(pk=vacature.pk))
    inv = adapter.invoer(kandidaten=kandidaten, vacatures=plek, gemeente_id=vacature.gemeente_id)
    matches = top_kandidaten(
        inv.kandidaten, inv.vacatures, inv.gewichten, inv.verwantschap, k=aantal
    ).get(str(vacature.pk), [])
    objecten = {
        str(p.persoon_id): p
        for p in Werkprofiel.objects.filter(
            persoon_id__in=[_uuid(m.kandidaat_id) for m in matches]
        ).select_related("persoon")
    }
    lopend = _open_voorstellen(vacature=vacature)
    return [
        Regel(
            object=objecten[m.kandidaat_id],
            match=m,
            redenen=redenen.teksten(m.redenen),
            open_voorstel=lopend.get((m.kandidaat_id, m.vacature_id)),
        )
        for m in matches
    ]


@dataclass(frozen=True)
class Paar:
    """One resident and one place scored for a proposal: the match, or why it is excluded."""

    match: Match | None
    uitgesloten: Reden | None


def paar(*, persoon, vacature: Vacature) -> Paar:
    """Score one pair as the ranking would (the pair reference gives the same score)."""
    kandidaat = adapter.kandidaat_voor(persoon=persoon)
    if kandidaat is None:
        return Paar(None, None)
    plek = adapter.vacatures_uit(Vacature.objects.filter(pk=vacature.pk))[0]
    inv = adapter.invoer(kandidaten=[kandidaat], vacatures=[plek], gemeente_id=vacature.gemeente_id)
    match = score_paar(kandidaat, plek, inv.gewichten, inv.verwantschap)
    return Paar(match, None if match else uitgesloten_omdat(kandidaat, plek))


def _uuid(tekst: str) -> UUID:
    return UUID(tekst)
