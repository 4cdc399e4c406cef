"""A paid month's situation rebuilt with the facts known now: the month's (corrected) income
report and the household as the memberships now say it was on the first day of that month.

Everything else (assets, housemates' rent/student flags, the vrijlating counters used in that
month) stays as it was in the paid calculation: a herziening looks at what changed, not at a new
assessment. The engine is monthly, so the household counts as it was on the first day of the
month, like ages do (docs/rules.md)."""

import copy
import datetime as dt
from dataclasses import dataclass, field

from meedoen.clients.huishoudrollen import Huishoudrollen, huishoudrollen
from meedoen.clients.models import HuishoudRol, Lidmaatschap
from meedoen.rules.money import format_amount, format_euro_nl, parse_amount
from meedoen.uitkering.betalingen.maanden import maandnaam
from meedoen.uitkering.models import Inkomstenopgave, Inkomstenregel

ROLNAAM = {
    HuishoudRol.PARTNER: "partner",
    HuishoudRol.KIND: "kind",
    HuishoudRol.MEDEBEWONER: "medebewoner",
}


@dataclass
class Herberekening:
    situatie: dict
    inkomen_gewijzigd: bool = False
    huishouden_gewijzigd: bool = False
    uitleg: list[str] = field(default_factory=list)


def _inkomen_van(regels: list[Inkomstenregel], persoon_id) -> dict[str, int]:
    werk = sum(r.netto_cent for r in regels if r.persoon_id == persoon_id and r.bron == "loon")
    overig = sum(r.netto_cent for r in regels if r.persoon_id == persoon_id and r.bron != "loon")
    return {"work": werk, "other": overig}


def _oud_inkomen(persoon_situatie: dict | None) -> dict[str, int]:
    inkomen = (persoon_situatie or {}).get("income") or {}
    return {bron: parse_amount(inkomen.get(bron) or "0") for bron in ("work", "other")}


BRONNAAM = {"work": "inkomsten uit werk", "other": "ander inkomen"}


def _inkomen_bijwerken(
    uitkomst: Herberekening, wie: str, naam: str, oud: dict, nieuw: dict[str, int], persoon: dict
) -> None:
    vorig = _oud_inkomen(oud)
    persoon["income"] = {bron: format_amount(nieuw[bron]) for bron in ("work", "other")}
    for bron in ("work", "other"):
        if vorig[bron] != nieuw[bron]:
            uitkomst.inkomen_gewijzigd = True
            uitkomst.uitleg.append(
                f"{BRONNAAM[bron].capitalize()} van {naam} ({wie}): in de betaalde berekening "
                f"{format_euro_nl(vorig[bron])}, volgens de inkomstenopgave van nu "
                f"{format_euro_nl(nieuw[bron])}."
            )


def _medebewoners_met_kenmerken(oude: list[dict], nieuwe: tuple[Lidmaatschap, ...]) -> list[dict]:
    """Keep the rent/student flags of a housemate who was already there (same birth date)."""
    over = list(oude)
    uit = []
    for lid in nieuwe:
        geboren = lid.persoon.geboortedatum.isoformat()
        gevonden = next((m for m in over if m.get("birth_date") == geboren), None)
        if gevonden is not None:
            over.remove(gevonden)
            uit.append(dict(gevonden))
        else:
            uit.append({"birth_date": geboren, "commercial_rent": False, "student": False})
    return uit


def _geboortedata(rijen: list[dict]) -> list[str]:
    return sorted(r["birth_date"] for r in rijen)


def _samenstelling_uitleggen(
    uitkomst: Herberekening,
    oud: dict,
    nieuw: dict,
    rollen: Huishoudrollen,
    geschiedenis: list[Lidmaatschap],
    maand: dt.date,
) -> None:
    """Name who came or left, from the memberships (the situation only holds birth dates).
    Whoever came is among the members who count now (`rollen`), never the resident."""
    naam_maand = maandnaam(maand)

    def telt(situatie: dict) -> list[str]:
        partner = situatie.get("partner")
        return (
            ([partner["birth_date"]] if partner else [])
            + _geboortedata(situatie.get("children") or [])
            + _geboortedata(situatie.get("housemates") or [])
        )

    oude = telt(oud)
    nieuwe = telt(nieuw)
    erbij = list(nieuwe)
    eraf = []
    for geboren in oude:
        if geboren in erbij:
            erbij.remove(geboren)
        else:
            eraf.append(geboren)
    tellen = [rollen.partner] if rollen.partner else []
    tellen += [*rollen.kinderen, *rollen.medebewoners]
    for geboren in erbij:
        lid = next(
            (lid for lid in tellen if lid.persoon.geboortedatum.isoformat() == geboren), None
        )
        if lid is None:  # pragma: no cover - every new birth date comes from a membership
            continue
        # The partner may hold the role aanvrager when the resident holds the role partner.
        rol = "partner" if lid is rollen.partner else ROLNAAM.get(lid.rol, lid.rol)
        uitkomst.uitleg.append(
            f"{lid.persoon.volledige_naam} hoort sinds {lid.van:%d-%m-%Y} bij het huishouden "
            f"als {rol}. In de betaalde berekening over {naam_maand} telde die persoon niet mee."
        )
    for geboren in eraf:
        lid = next(
            (
                lid
                for lid in geschiedenis
                if lid.persoon.geboortedatum.isoformat() == geboren
                and lid.tot is not None
                and lid.tot <= maand
            ),
            None,
        )
        if lid is not None:
            uitkomst.uitleg.append(
                f"{lid.persoon.volledige_naam} hoort sinds {lid.tot:%d-%m-%Y} niet meer bij het "
                f"huishouden. In de betaalde berekening over {naam_maand} telde die persoon "
                "nog mee."
            )
        else:
            uitkomst.uitleg.append(
                f"In de betaalde berekening over {naam_maand} telde iemand mee (geboren op "
                f"{dt.date.fromisoformat(geboren):%d-%m-%Y}) die toen niet bij het huishouden "
                "hoorde."
            )
    if erbij or eraf:
        uitkomst.huishouden_gewijzigd = True


def herberekenen(
    *,
    situatie: dict,
    maand: dt.date,
    aanvrager,
    opgave: Inkomstenopgave | None,
    leden: list[Lidmaatschap],
    geschiedenis: list[Lidmaatschap],
) -> Herberekening:
    """The paid `situatie` with today's facts. `leden` are the memberships valid on the first
    day of `maand`; `geschiedenis` all memberships of the household (to name who left)."""
    oud = situatie
    nieuw = copy.deepcopy(situatie)
    uitkomst = Herberekening(situatie=nieuw)
    rollen = huishoudrollen(persoon=aanvrager, leden=leden, periode=maand.strftime("%Y-%m"))
    partner_lid = rollen.partner

    if partner_lid is None:
        nieuw["partner"] = None
    else:
        vorige = oud.get("partner") or {}
        nieuw["partner"] = {
            "birth_date": partner_lid.persoon.geboortedatum.isoformat(),
            "income": vorige.get("income") or {"work": "0.00", "other": "0.00"},
            "work_disregard_months_used": vorige.get("work_disregard_months_used", 0),
            "single_parent_disregard_months_used": vorige.get(
                "single_parent_disregard_months_used", 0
            ),
        }
    nieuw["children"] = [
        {"birth_date": k.persoon.geboortedatum.isoformat()} for k in rollen.kinderen
    ]
    nieuw["housemates"] = _medebewoners_met_kenmerken(
        oud.get("housemates") or [], rollen.medebewoners
    )
    _samenstelling_uitleggen(uitkomst, oud, nieuw, rollen, geschiedenis, maand)

    if opgave is not None:
        regels = list(opgave.regels.all())
        _inkomen_bijwerken(
            uitkomst,
            "aanvrager",
            aanvrager.volledige_naam,
            oud.get("applicant"),
            _inkomen_van(regels, aanvrager.pk),
            nieuw["applicant"],
        )
        if partner_lid is not None:
            # A partner who is new in this calculation had no income in it: compare with zero.
            _inkomen_bijwerken(
                uitkomst,
                "partner",
                partner_lid.persoon.volledige_naam,
                oud.get("partner") if oud.get("partner") else None,
                _inkomen_van(regels, partner_lid.persoon_id),
                nieuw["partner"],
            )
    return uitkomst
