"""Wages under a recht-op-werk contract: the legal minimum for the resident's age and the gross
monthly wage. Amounts are integer eurocent; the legal amounts are the rules engine's dated
parameters (never literals here)."""

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from meedoen.rules.dates import years_old
from meedoen.rules.money import (
    divide_round_half_up,
    parameter_to_cents,
    rate_to_basis_points,
)
from meedoen.rules.periods import parameter_info

BASISPUNTEN = 10_000  # 100% in hundredths of a percent
# Calendar facts, not legal amounts: a month is 52/12 weeks (as the engine's loonkostensubsidie).
WEKEN_PER_JAAR = 52
MAANDEN_PER_JAAR = 12
JEUGDLEEFTIJDEN = (18, 19, 20)  # Wml art. 9: the youth percentages the parameters hold


@dataclass(frozen=True)
class Minimumloon:
    periode: str
    leeftijd: int
    uurloon_cent: int  # for this age
    volwassen_uurloon_cent: int
    percentage_basispunten: int  # 10,000 = 100%
    artikel: str


def periode_van(datum: dt.date) -> str:
    return f"{datum.year:04d}-{datum.month:02d}"


def leeftijd_op(geboortedatum: dt.date, periode: str) -> int:
    """Completed years on the first day of the month: the engine's peildatum (docs/rules.md)."""
    jaar, maand = (int(deel) for deel in periode.split("-"))
    return int(years_old(np.array([geboortedatum]), jaar, maand)[0])


def _parameter(naam: str, periode: str, melding: str):
    info = parameter_info(naam, periode)
    if info["value"] is None:
        raise ValidationError({"begindatum": melding})
    return info


def minimumloon_per_uur(*, geboortedatum: dt.date, periode: str) -> Minimumloon:
    """The Wml hourly minimum for the resident's age in `periode` (youth percentage at 18-20),
    rounded to the cent, half up, exactly as the engine's `minimumloon_per_uur`."""
    leeftijd = leeftijd_op(geboortedatum, periode)
    if leeftijd < min(JEUGDLEEFTIJDEN):
        raise ValidationError(
            {
                "begindatum": _(
                    "De inwoner is op %(periode)s jonger dan 18 jaar. Recht op werk is er "
                    "vanaf 18 jaar."
                )
                % {"periode": periode}
            }
        )
    onbevestigd = _("Het minimumloon voor %(periode)s is nog niet bevestigd gepubliceerd.") % {
        "periode": periode
    }
    uur = _parameter("minimumloon.per_uur", periode, onbevestigd)
    volwassen = parameter_to_cents(uur["value"])
    percentage = BASISPUNTEN
    artikel = uur["reference"]
    if leeftijd in JEUGDLEEFTIJDEN:
        jeugd = _parameter(f"minimumloon.jeugdpercentage_{leeftijd}", periode, onbevestigd)
        percentage = rate_to_basis_points(jeugd["value"])
        artikel = jeugd["reference"]
    return Minimumloon(
        periode=periode,
        leeftijd=leeftijd,
        uurloon_cent=int(divide_round_half_up(volwassen * percentage, BASISPUNTEN)),
        volwassen_uurloon_cent=volwassen,
        percentage_basispunten=percentage,
        artikel=artikel,
    )


def bruto_maandloon_cent(*, uren_per_week: int, bruto_uurloon_cent: int) -> int:
    """Hours a week x hourly wage x 52 / 12, rounded to the cent (half up)."""
    return int(
        divide_round_half_up(uren_per_week * bruto_uurloon_cent * WEKEN_PER_JAAR, MAANDEN_PER_JAAR)
    )
