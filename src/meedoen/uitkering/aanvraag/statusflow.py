"""The status flow of an aanvraag: every allowed move, and what it takes to make it.

Anything not in OVERGANGEN is refused by `services.status_wijzigen`. The three outcomes of an
investigation (toegekend, afgewezen, buiten behandeling) are only reached through a final
Besluit: a status is the consequence of a person's decision, never a shortcut around it. After a
bezwaar that is (partly) upheld, the application goes back into investigation once, for a new
decision (heroverweging).
"""

from dataclasses import dataclass

from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.models import Aanvraag, Besluit

S = Aanvraag.Status

BEHANDELEN = frozenset({Bevoegdheid.UITKERING_BEHANDELEN})
# A decision becomes final when the deciding consulent takes it (below the four-eyes limit) or
# when the second person approves it: either may be the one whose action moves the status.
BESLISSEN = frozenset({Bevoegdheid.UITKERING_BEHANDELEN, Bevoegdheid.UITKERING_ACCORDEREN})


@dataclass(frozen=True)
class Overgang:
    bevoegdheden: frozenset[Bevoegdheid]  # any one of these
    # Only as the consequence of a final Besluit of this kind (besluiten.py), never by hand.
    besluit_soort: str | None = None
    reden_verplicht: bool = False
    # Only after a (partly) upheld bezwaar whose decision was not yet revoked (Awb art. 7:11).
    na_gegrond_bezwaar: bool = False


OVERGANGEN: dict[tuple[str, str], Overgang] = {
    (S.INGEDIEND, S.IN_ONDERZOEK): Overgang(BEHANDELEN),
    (S.IN_ONDERZOEK, S.TOEGEKEND): Overgang(BESLISSEN, besluit_soort=Besluit.Soort.TOEKENNING),
    (S.IN_ONDERZOEK, S.AFGEWEZEN): Overgang(BESLISSEN, besluit_soort=Besluit.Soort.AFWIJZING),
    (S.IN_ONDERZOEK, S.BUITEN_BEHANDELING): Overgang(
        BESLISSEN, besluit_soort=Besluit.Soort.BUITEN_BEHANDELING
    ),
    # Bezwaar (Awb art. 6:4) against any of the three outcomes, and its end.
    (S.TOEGEKEND, S.BEZWAAR): Overgang(BEHANDELEN, reden_verplicht=True),
    (S.AFGEWEZEN, S.BEZWAAR): Overgang(BEHANDELEN, reden_verplicht=True),
    (S.BUITEN_BEHANDELING, S.BEZWAAR): Overgang(BEHANDELEN, reden_verplicht=True),
    (S.BEZWAAR, S.BEZWAAR_AFGEHANDELD): Overgang(BEHANDELEN, reden_verplicht=True),
    # Heroverweging: a gegrond bezwaar revokes the decision; a new one is taken the normal way.
    (S.BEZWAAR_AFGEHANDELD, S.IN_ONDERZOEK): Overgang(
        BEHANDELEN, reden_verplicht=True, na_gegrond_bezwaar=True
    ),
}

# Statuses in which the application still waits for a decision (worklists, beslistermijn).
OPEN = frozenset({S.INGEDIEND, S.IN_ONDERZOEK})

# Which aanvraag status a final decision leads to.
STATUS_NA_BESLUIT = {
    Besluit.Soort.TOEKENNING: S.TOEGEKEND,
    Besluit.Soort.AFWIJZING: S.AFGEWEZEN,
    Besluit.Soort.BUITEN_BEHANDELING: S.BUITEN_BEHANDELING,
}


def overgang(van: str, naar: str) -> Overgang | None:
    return OVERGANGEN.get((van, naar))


def handmatige_overgangen(van: str) -> list[str]:
    """The statuses a consulent can choose by hand from `van` (not those that need a Besluit)."""
    return [
        naar
        for (bron, naar), regel in OVERGANGEN.items()
        if bron == van and regel.besluit_soort is None
    ]
