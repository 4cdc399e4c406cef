"""The registry of signal sources. An app registers a function that proposes tasks derived
from its own data (e.g. begeleiding: an ontheffing ending); `signalen_bijwerken` turns the
proposals into tasks, at most one per `sleutel`. This keeps signalen free of imports from the
apps that feed it."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID


@dataclass(frozen=True)
class TaakVoorstel:
    gemeente_id: int
    soort: str
    omschrijving: str
    vervaldatum: dt.date
    sleutel: str  # unique per gemeente: the same event never makes two tasks
    persoon_id: UUID | None = None
    schoolverlater_id: UUID | None = None


# bron(*, gemeente_ids, vandaag) -> iterable of TaakVoorstel
Bron = Callable[..., Iterable[TaakVoorstel]]
# behandelaars(*, persoon_ids) -> {persoon_id: (user_id | None, team_id | None)}
Behandelaars = Callable[..., dict[UUID, tuple[Any, Any]]]

_bronnen: dict[str, Bron] = {}
_behandelaars: list[Behandelaars] = []


def registreer_bron(naam: str, bron: Bron) -> None:
    _bronnen[naam] = bron


def bronnen() -> dict[str, Bron]:
    return dict(_bronnen)


def registreer_behandelaars(functie: Behandelaars) -> None:
    """An app that knows who guides a resident (begeleiding: the klantmanager) registers it,
    so derived tasks land with that person."""
    _behandelaars.append(functie)


def behandelaars_van(persoon_ids: Iterable[UUID]) -> dict[UUID, tuple[Any, Any]]:
    ids = [p for p in persoon_ids if p is not None]
    resultaat: dict[UUID, tuple[Any, Any]] = {}
    for functie in _behandelaars:
        resultaat.update(functie(persoon_ids=ids))
    return resultaat
