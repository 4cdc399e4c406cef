"""Pages assembled from parts that apps register, so that a new app (begeleiding, uitkering,
werk) adds its part in its AppConfig.ready() without editing the page:

- the resident dossier shows `DossierPanel`s;
- the staff start page shows `StartSectie`s (e.g. today's tasks).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid


@dataclass(frozen=True)
class DossierPanel:
    key: str
    titel: Any  # a lazy translation
    template: str
    volgorde: int
    # context(actor=..., persoon=...) -> dict for the template; reads through the app's selectors
    # and must not write audit events (the dossier view already recorded the read).
    context: Callable[..., dict[str, Any]]
    bevoegdheden: frozenset[Bevoegdheid] = field(
        default_factory=lambda: frozenset({Bevoegdheid.DOSSIER_LEZEN})
    )


@dataclass(frozen=True)
class StartSectie:
    key: str
    titel: Any
    template: str
    volgorde: int
    context: Callable[..., dict[str, Any]]  # context(actor=...) -> dict
    bevoegdheden: frozenset[Bevoegdheid] = field(
        default_factory=lambda: frozenset({Bevoegdheid.DOSSIER_LEZEN})
    )


_panels: dict[str, DossierPanel] = {}
_startsecties: dict[str, StartSectie] = {}


def registreer_panel(panel: DossierPanel) -> None:
    _panels[panel.key] = panel


def registreer_startsectie(sectie: StartSectie) -> None:
    _startsecties[sectie.key] = sectie


def _zichtbaar(onderdelen, actor: Actor) -> list:
    zichtbaar = [o for o in onderdelen if actor.mag_een(*o.bevoegdheden)]
    return sorted(zichtbaar, key=lambda o: (o.volgorde, o.key))


def panels_voor(actor: Actor) -> list[DossierPanel]:
    return _zichtbaar(_panels.values(), actor)


def startsecties_voor(actor: Actor) -> list[StartSectie]:
    return _zichtbaar(_startsecties.values(), actor)
