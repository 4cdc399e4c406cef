"""The acting user as services and selectors see it: who, for which organisation, which
gemeenten they may see and which roles they hold."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied

from meedoen.core.roles import Bevoegdheid, heeft_bevoegdheid


class Geweigerd(PermissionDenied):
    """The actor's roles do not allow this action; Django answers 403."""


@dataclass(frozen=True)
class Actor:
    user: Any
    organisatie: Any
    gemeenten: tuple = ()
    rollen: frozenset[str] = field(default_factory=frozenset)
    request_id: str = "-"

    @property
    def gemeente_ids(self) -> frozenset[int]:
        return frozenset(g.pk for g in self.gemeenten)

    def mag(self, bevoegdheid: Bevoegdheid) -> bool:
        return heeft_bevoegdheid(self.rollen, bevoegdheid)

    def vereis(self, bevoegdheid: Bevoegdheid) -> None:
        if not self.mag(bevoegdheid):
            raise Geweigerd(bevoegdheid)

    def mag_een(self, *bevoegdheden: Bevoegdheid) -> bool:
        """At least one of the capabilities (pages that several roles may read)."""
        return any(self.mag(b) for b in bevoegdheden)

    def vereis_een(self, *bevoegdheden: Bevoegdheid) -> None:
        if not self.mag_een(*bevoegdheden):
            raise Geweigerd(bevoegdheden)

    @property
    def naam(self) -> str:
        if self.user is None:
            return "systeem"
        return self.user.get_full_name() or self.user.get_username()
