"""The matching and allocation engine for werk: pure Python + numpy + OR-Tools, no Django.

- `types`: `Kandidaat`, `Vacature`, `Gewichten`, `Reden`, `Match` (protected attributes are not
  inputs);
- `score`: the transparent score of one pair, with its reasons (`score_paar`, the reference);
- `rangschikking`: top-k both ways at scale (`rangschik`, `top_vacatures`, `top_kandidaten`);
- `allocatie`: optimal allocation to places with capacities (`alloceer`, min-cost flow);
- `teksten`: reasons in words (`reden_tekst`, Dutch B1 and English).

See docs/werk-matching.md.
"""

from meedoen.werk.matching.allocatie import Allocatie, Toewijzing, alloceer, alloceer_paren
from meedoen.werk.matching.rangschikking import (
    Rangschikking,
    rangschik,
    score_matrix,
    top_kandidaten,
    top_vacatures,
)
from meedoen.werk.matching.score import ruwe_score, score_paar, uitgesloten_omdat
from meedoen.werk.matching.teksten import reden_tekst
from meedoen.werk.matching.types import (
    OPLEIDINGSNIVEAUS,
    Gewichten,
    Kandidaat,
    Match,
    Reden,
    Vacature,
    Verwantschap,
)

__all__ = [
    "OPLEIDINGSNIVEAUS",
    "Allocatie",
    "Gewichten",
    "Kandidaat",
    "Match",
    "Rangschikking",
    "Reden",
    "Toewijzing",
    "Vacature",
    "Verwantschap",
    "alloceer",
    "alloceer_paren",
    "rangschik",
    "reden_tekst",
    "ruwe_score",
    "score_matrix",
    "score_paar",
    "top_kandidaten",
    "top_vacatures",
    "uitgesloten_omdat",
]
