"""The month's situation for the rules engine (docs/rules.md): the decision's stored situation,
with that month's income from the inkomstenopgave and the vrijlating counters carried on from
the previous month's proposal.

The household itself is the one decided on: a change in the household is a new decision
(wijziging), not something a monthly recalculation guesses. Only what time does by itself is
applied: a child who is 18 on the first day of the month counts as a housemate from that month
(the engine's age rule)."""

import datetime as dt
import json
from dataclasses import dataclass, field
from uuid import UUID

from meedoen.rules.money import format_amount, parse_amount
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.models import Besluit, Betaalvoorstel, Inkomstenopgave, Inkomstenregel

VOLWASSEN = 18
WERK = Inkomstenregel.Bron.LOON


@dataclass
class Maandgegevens:
    """Everything one household's proposal for one month is made from."""

    besluit: Besluit
    maand: dt.date
    opgave: Inkomstenopgave | None = None
    regels: list[Inkomstenregel] = field(default_factory=list)
    # The partner's Persoon in that month: the opgave's rows name persons, the situation only
    # birth dates.
    partner_id: UUID | None = None
    # The latest proposal that counts (not superseded) for an earlier month.
    vorige: Betaalvoorstel | None = None
    # Vakantiegeld reserved in earlier months of the current holiday-allowance year.
    eerder_gereserveerd_cent: int = 0
    vakantiegeld_uitbetalen: bool = False


@dataclass
class Maandsituatie:
    situatie: dict
    # Where the income came from: the month's opgave, or (without one) the decision.
    inkomen_uit_opgave: bool
    # Income of children or housemates in the opgave: recorded, but it does not count.
    niet_meegeteld_cent: int = 0
    nu_medebewoner: list[str] = field(default_factory=list)  # birth dates of children now 18


def _leeftijd(geboren: dt.date, maand: dt.date) -> int:
    return maand.year - geboren.year - ((maand.month, maand.day) < (geboren.month, geboren.day))


def tellers(g: Maandgegevens) -> dict[str, tuple[int, int]]:
    """Vrijlating months used before this month (n, r) for applicant and partner. They carry
    on from the previous month's proposal when it belongs to the same decision or directly
    precedes this month; otherwise they are the decision's own."""
    situatie = g.besluit.situatie or {}
    uit = {}
    for wie, sleutel in (("applicant", "applicant"), ("partner", "partner")):
        persoon = situatie.get(sleutel) or {}
        uit[wie] = (
            int(persoon.get("work_disregard_months_used", 0)),
            int(persoon.get("single_parent_disregard_months_used", 0)),
        )
    vorige = g.vorige
    if vorige is not None and (
        vorige.besluit_id == g.besluit.pk or vorige.maand == maanden.plus(g.maand, -1)
    ):
        uit["applicant"] = (vorige.vrijlating_n_maanden, vorige.vrijlating_r_maanden)
        partner = ((vorige.berekening or {}).get("disregards") or {}).get("partner")
        if partner:
            uit["partner"] = (
                int(partner["work_disregard_months_used_next"]),
                int(partner["single_parent_disregard_months_used_next"]),
            )
    return uit


def _inkomen_uit_regels(g: Maandgegevens) -> tuple[dict, dict, int]:
    aanvrager = {"work": 0, "other": 0}
    partner = {"work": 0, "other": 0}
    niet_meegeteld = 0
    for regel in g.regels:
        bron = "work" if regel.bron == WERK else "other"
        if regel.persoon_id == g.besluit.persoon_id:
            aanvrager[bron] += regel.netto_cent
        elif g.partner_id is not None and regel.persoon_id == g.partner_id:
            partner[bron] += regel.netto_cent
        else:
            niet_meegeteld += regel.netto_cent
    return aanvrager, partner, niet_meegeteld


def maandsituatie(g: Maandgegevens) -> Maandsituatie:
    # A deep copy of plain JSON data (several times faster than copy.deepcopy).
    situatie = json.loads(json.dumps(g.besluit.situatie or {}))
    situatie["period"] = maanden.periode(g.maand)
    situatie["gemeente"] = g.besluit.gemeente.code
    uitkomst = Maandsituatie(situatie=situatie, inkomen_uit_opgave=g.opgave is not None)

    kinderen, medebewoners = [], list(situatie.get("housemates") or [])
    for kind in situatie.get("children") or []:
        if _leeftijd(dt.date.fromisoformat(kind["birth_date"]), g.maand) >= VOLWASSEN:
            medebewoners.append(
                {"birth_date": kind["birth_date"], "commercial_rent": False, "student": False}
            )
            uitkomst.nu_medebewoner.append(kind["birth_date"])
        else:
            kinderen.append(kind)
    situatie["children"] = kinderen
    situatie["housemates"] = medebewoners

    gebruikt = tellers(g)
    if g.opgave is not None:
        aanvrager, partner, uitkomst.niet_meegeteld_cent = _inkomen_uit_regels(g)
    for wie, inkomen in (("applicant", None), ("partner", None)):
        persoon = situatie.get(wie)
        if not persoon:
            continue
        if g.opgave is not None:
            inkomen = aanvrager if wie == "applicant" else partner
            persoon["income"] = {bron: format_amount(inkomen[bron]) for bron in ("work", "other")}
        n, r = gebruikt[wie]
        persoon["work_disregard_months_used"] = n
        persoon["single_parent_disregard_months_used"] = r
    return uitkomst


def inkomen_cent(situatie: dict, wie: str, bron: str) -> int:
    persoon = situatie.get(wie) or {}
    return parse_amount(((persoon.get("income") or {}).get(bron)) or "0")


def als_rij(situatie: dict) -> dict[str, str]:
    """The batch engine's flat row (docs/rules.md, "Batch flat layout") for one situation."""
    rij = {
        "period": situatie["period"],
        "gemeente": situatie.get("gemeente") or "",
        "children_birth_dates": ";".join(k["birth_date"] for k in situatie.get("children") or []),
        "assets": situatie.get("assets") or "0.00",
        "home_equity": situatie.get("home_equity") or "0.00",
        "cannot_rely_on_parents": "true" if situatie.get("cannot_rely_on_parents") else "false",
    }
    medebewoners = situatie.get("housemates") or []
    rij["housemates_birth_dates"] = ";".join(m["birth_date"] for m in medebewoners)
    for kolom, sleutel in (
        ("housemates_commercial_rent", "commercial_rent"),
        ("housemates_student", "student"),
    ):
        rij[kolom] = ";".join("true" if m.get(sleutel) else "false" for m in medebewoners)
    for wie, prefix in (("applicant", "applicant"), ("partner", "partner")):
        persoon = situatie.get(wie)
        if not persoon:
            for kolom in ("birth_date", "income_work", "income_other"):
                rij[f"{prefix}_{kolom}"] = ""
            rij[f"{prefix}_work_disregard_months_used"] = ""
            rij[f"{prefix}_single_parent_disregard_months_used"] = ""
            continue
        inkomen = persoon.get("income") or {}
        rij[f"{prefix}_birth_date"] = persoon["birth_date"]
        rij[f"{prefix}_income_work"] = inkomen.get("work") or "0.00"
        rij[f"{prefix}_income_other"] = inkomen.get("other") or "0.00"
        rij[f"{prefix}_work_disregard_months_used"] = str(
            persoon.get("work_disregard_months_used", 0)
        )
        rij[f"{prefix}_single_parent_disregard_months_used"] = str(
            persoon.get("single_parent_disregard_months_used", 0)
        )
    return rij
