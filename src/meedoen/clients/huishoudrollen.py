"""Who in a resident's household is their partner, a child or a housemate, the way the rules
engine needs it (the situation contract, docs/rules.md). Every calculation made from a
household's memberships uses this one rule:

- the resident is the applicant, whatever their role in the household;
- when the resident is one of the household's couple (role aanvrager or partner), the other
  member in the role aanvrager or partner is the partner;
- a member in the role kind who is under 18 on the first day of the month is a child (the
  engine's peildatum: a birthday counts from the month after it, unless it falls on the 1st);
- everyone else is a housemate, including a kind of 18 or older.

The roles aanvrager, partner and kind describe the household's couple and their children. A
resident who lives in the household as kind or medebewoner (an adult child applying while living
with their parents, a lodger) is not part of that couple: the couple and their children are the
resident's housemates, never a partner or children ten laste. A resident who is not a member on
the date (a household looked at after they left) counts as one of the couple.

Pure functions on membership rows: no queries, no clock."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from meedoen.clients.models import HuishoudRol, Lidmaatschap
from meedoen.rules.dates import parse_period, years_old
from meedoen.rules.situation import CHILD_AGE_LIMIT

PAAR = frozenset({HuishoudRol.AANVRAGER, HuishoudRol.PARTNER})


@dataclass(frozen=True)
class Huishoudrollen:
    partner: Lidmaatschap | None
    kinderen: tuple[Lidmaatschap, ...]
    medebewoners: tuple[Lidmaatschap, ...]

    def kinderen_en_medebewoners(self) -> dict:
        """The situation's "children" and "housemates" (docs/rules.md). Housemates rent no
        room commercially and do not study unless the household declared so, which only an
        application records."""
        return {
            "children": [
                {"birth_date": k.persoon.geboortedatum.isoformat()} for k in self.kinderen
            ],
            "housemates": [
                {
                    "birth_date": m.persoon.geboortedatum.isoformat(),
                    "commercial_rent": False,
                    "student": False,
                }
                for m in self.medebewoners
            ],
        }


def is_kind_ten_laste(geboortedatum: dt.date, periode: str) -> bool:
    """Under 18 on the first day of `periode` ("YYYY-MM"), counted exactly as the engine counts
    ages (`rules.dates.years_old`)."""
    jaar_maand = parse_period(periode)
    if jaar_maand is None:
        raise ValueError(f"periode {periode!r} is geen JJJJ-MM")
    leeftijd = int(years_old(np.datetime64(geboortedatum, "D"), *jaar_maand))
    return leeftijd < CHILD_AGE_LIMIT


def huishoudrollen(
    *, persoon, leden: Iterable[Lidmaatschap], periode: str | None
) -> Huishoudrollen:
    """Partner, children and housemates of `persoon` among the household's `leden` (the
    memberships valid on the date that matters), in the order of `leden`.

    `periode` ("YYYY-MM") is the month calculated: a kind of 18 or older on its first day is a
    housemate. Without `periode` no age is applied and every kind of the couple is returned as a
    child, for a record of the household that is used for several months: the caller then
    applies `is_kind_ten_laste` per month."""
    leden = list(leden)
    eigen_rol = next((lid.rol for lid in leden if lid.persoon_id == persoon.pk), None)
    in_paar = eigen_rol is None or eigen_rol in PAAR
    partner = None
    kinderen, medebewoners = [], []
    for lid in leden:
        if lid.persoon_id == persoon.pk:
            continue
        if in_paar and partner is None and lid.rol in PAAR:
            partner = lid
        elif (
            in_paar
            and lid.rol == HuishoudRol.KIND
            and (periode is None or is_kind_ten_laste(lid.persoon.geboortedatum, periode))
        ):
            kinderen.append(lid)
        else:
            medebewoners.append(lid)
    return Huishoudrollen(
        partner=partner, kinderen=tuple(kinderen), medebewoners=tuple(medebewoners)
    )
