"""The life of a proposal as an explicit transition table.

    voorgesteld -> gesprek -> geplaatst
         \\            \\
          `-> afgewezen <'   (with a reason, from every open state)

Geplaatst and afgewezen are final: a new chance is a new proposal, so the report counts every
attempt once."""

from meedoen.werk.models import Voorstel

S = Voorstel.Status

OVERGANGEN: dict[str, frozenset[str]] = {
    S.VOORGESTELD: frozenset({S.GESPREK, S.AFGEWEZEN}),
    S.GESPREK: frozenset({S.GEPLAATST, S.AFGEWEZEN}),
    S.GEPLAATST: frozenset(),
    S.AFGEWEZEN: frozenset(),
}
OPEN = frozenset(s for s, volgende in OVERGANGEN.items() if volgende)


def mag_naar(van: str, naar: str) -> bool:
    return naar in OVERGANGEN.get(van, frozenset())


def volgende_statussen(van: str) -> list[str]:
    """In the order of the workflow, for the status form."""
    return [s for s in S.values if s in OVERGANGEN.get(van, frozenset())]
