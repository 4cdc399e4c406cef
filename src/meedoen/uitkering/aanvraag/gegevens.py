"""What an application records about the household (`Aanvraag.gegevens`), and the rules
engine's situation (docs/rules.md) made from it.

`gegevens` keeps the household as it was on the receipt date, so a later change in the
household never changes what the decision rests on:

    {"peildatum": "2026-01-05",
     "aanvrager": {"persoon_id", "naam", "geboortedatum",
                   "vrijlating_werk_maanden", "vrijlating_alleenstaande_ouder_maanden"},
     "partner": {... the same ...} | null,
     "kinderen": [{"persoon_id", "naam", "geboortedatum"}],
     "medebewoners": [{"persoon_id", "naam", "geboortedatum", "commerciele_huur", "student"}],
     "inkomsten": [{"persoon_id", "bron", "omschrijving", "netto_cent"}],
     "vermogen_cent": 0, "eigen_woning_cent": 0, "kan_niet_terugvallen_op_ouders": false}
"""

import calendar
import datetime as dt

from meedoen.clients.huishoudrollen import huishoudrollen, is_kind_ten_laste
from meedoen.rules.money import format_amount
from meedoen.uitkering.models import Inkomstenregel

# Income from work gets the vrijlating; every other source counts in full (art. 31-33).
WERK_BRONNEN = frozenset({Inkomstenregel.Bron.LOON})


def _persoon_gegevens(persoon) -> dict:
    return {
        "persoon_id": str(persoon.pk),
        "naam": persoon.volledige_naam,
        "geboortedatum": persoon.geboortedatum.isoformat(),
    }


def huishouden_indelen(*, persoon, leden) -> dict:
    """The applicant, partner, children and housemates from the household's members on the
    receipt date, by the one rule of `clients.huishoudrollen`: the applicant is the resident
    who applies, whatever their role in the household; the other adult in the role aanvrager or
    partner is the partner. Every kind is kept as a child here: the application covers several
    months, so `situatie` decides per month whether a child is 18 or older."""
    rollen = huishoudrollen(persoon=persoon, leden=leden, periode=None)
    return {
        "aanvrager": _persoon_gegevens(persoon),
        "partner": _persoon_gegevens(rollen.partner.persoon) if rollen.partner else None,
        "kinderen": [_persoon_gegevens(lid.persoon) for lid in rollen.kinderen],
        "medebewoners": [_persoon_gegevens(lid.persoon) for lid in rollen.medebewoners],
    }


def _laatste_dag(periode: str) -> dt.date:
    jaar, maand = (int(x) for x in periode.split("-"))
    return dt.date(jaar, maand, calendar.monthrange(jaar, maand)[1])


def _inkomen(gegevens: dict, persoon_id: str) -> dict:
    werk = overig = 0
    for regel in gegevens.get("inkomsten", []):
        if regel["persoon_id"] != persoon_id:
            continue
        if regel["bron"] in WERK_BRONNEN:
            werk += regel["netto_cent"]
        else:
            overig += regel["netto_cent"]
    return {"work": format_amount(werk), "other": format_amount(overig)}


def _persoon(gegevens: dict, rol: str) -> dict | None:
    lid = gegevens.get(rol)
    if not lid:
        return None
    return {
        "birth_date": lid["geboortedatum"],
        "income": _inkomen(gegevens, lid["persoon_id"]),
        "work_disregard_months_used": lid.get("vrijlating_werk_maanden", 0),
        "single_parent_disregard_months_used": lid.get("vrijlating_alleenstaande_ouder_maanden", 0),
    }


def situatie(*, gegevens: dict, periode: str, gemeente_code: str) -> dict:
    """The engine's situation for one month. A child who is 18 or older in that month lives
    in the household as an adult, so the engine sees them as a housemate."""
    kinderen, medebewoners = [], []
    for kind in gegevens.get("kinderen", []):
        geboren = dt.date.fromisoformat(kind["geboortedatum"])
        if geboren > _laatste_dag(periode):  # born after a retroactive first month
            continue
        if is_kind_ten_laste(geboren, periode):
            kinderen.append({"birth_date": kind["geboortedatum"]})
        else:
            medebewoners.append(
                {"birth_date": kind["geboortedatum"], "commercial_rent": False, "student": False}
            )
    for mb in gegevens.get("medebewoners", []):
        medebewoners.append(
            {
                "birth_date": mb["geboortedatum"],
                "commercial_rent": bool(mb.get("commerciele_huur")),
                "student": bool(mb.get("student")),
            }
        )
    return {
        "period": periode,
        "gemeente": gemeente_code,
        "applicant": _persoon(gegevens, "aanvrager"),
        "partner": _persoon(gegevens, "partner"),
        "children": kinderen,
        "housemates": medebewoners,
        "assets": format_amount(gegevens.get("vermogen_cent", 0)),
        "home_equity": format_amount(gegevens.get("eigen_woning_cent", 0)),
        "cannot_rely_on_parents": bool(gegevens.get("kan_niet_terugvallen_op_ouders")),
    }
