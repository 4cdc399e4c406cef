"""The rules engine for the monthly recalculation: one household through the gemeente's
calculation (`uitkering.selectors.berekening`: full answer with explanation), or a whole month
of a gemeente through the batch engine (`meedoen.rules.batch.calculate_table`: the same
vectorised simulation, without the explanation text, about 800 times faster per household).

Both give the fields the proposal needs, in the contract's format; a batch answer is marked
`"batch": true` and has no `explanation` (the proposal page computes it again on demand)."""

from dataclasses import dataclass

import pyarrow as pa

from meedoen.core.actor import Actor
from meedoen.core.taal import taal as schermtaal
from meedoen.rules.batch import COLUMNS, calculate_table
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.situation import SituationError
from meedoen.uitkering import selectors as uitkering_selectors
from meedoen.uitkering.betalingen.situatie import als_rij


class Rekenfout(Exception):
    """The engine cannot calculate this month for this household; `tekst` says why (Dutch)."""

    def __init__(self, tekst: str) -> None:
        super().__init__(tekst)
        self.tekst = tekst


def een_huishouden(*, actor: Actor, situatie: dict) -> dict:
    try:
        return uitkering_selectors.berekening(actor=actor, situatie=situatie)
    except SituationError as exc:
        taal = schermtaal()
        meldingen = [m.get(taal) or m["nl"] for fouten in exc.errors.values() for m in fouten]
        raise Rekenfout(" ".join(meldingen)) from exc
    except ParameterOntbreekt as exc:
        raise Rekenfout(exc.en if schermtaal() == "en" else exc.nl) from exc


@dataclass
class Batchuitkomst:
    antwoorden: list[dict | None]  # per situation, None when it could not be calculated
    fouten: list[str | None]  # the Dutch reason for each None


def _bedrag(waarde) -> str:
    return format(waarde, "f") if waarde is not None else "0.00"


def veel_huishoudens(*, situaties: list[dict], gemeente_code: str) -> Batchuitkomst:
    """All situations of one gemeente and one month in one simulation."""
    if not situaties:
        return Batchuitkomst([], [])
    rijen = [als_rij(s) for s in situaties]
    tabel = pa.table({kolom: [rij[kolom] for rij in rijen] for kolom in COLUMNS})
    reforms = uitkering_selectors.rekenvarianten_van(gemeente_code=gemeente_code)
    uitkomst, _rapport = calculate_table(tabel, reforms=reforms)
    kolommen = uitkomst.to_pydict()
    antwoorden: list[dict | None] = []
    fouten: list[str | None] = []
    for i, situatie in enumerate(situaties):
        if kolommen["status"][i] != "ok":
            antwoorden.append(None)
            # "field: message"; the field name is for developers, the message for people.
            fouten.append(kolommen["message"][i].split(": ", 1)[-1])
            continue
        disregards = {}
        for wie in ("applicant", "partner"):
            persoon = situatie.get(wie)
            if not persoon:
                disregards[wie] = None
                continue
            n = bool(kolommen[f"{wie}_work_disregard_applied"][i])
            r = bool(kolommen[f"{wie}_single_parent_disregard_applied"][i])
            disregards[wie] = {
                "work_disregard_applied": n,
                "work_disregard_months_used_next": persoon["work_disregard_months_used"] + n,
                "single_parent_disregard_applied": r,
                "single_parent_disregard_months_used_next": (
                    persoon["single_parent_disregard_months_used"] + r
                ),
            }
        reden = kolommen["reason_code"][i]
        antwoorden.append(
            {
                "period": situatie["period"],
                "gemeente": situatie.get("gemeente"),
                "eligible": bool(kolommen["eligible"][i]),
                "reasons": [{"code": reden}] if reden else [],
                "household_type": kolommen["household_type"][i],
                "norm": _bedrag(kolommen["norm"][i]),
                "kostendelers": int(kolommen["kostendelers"][i]),
                "income_counted": _bedrag(kolommen["income_counted"][i]),
                "income_disregarded": _bedrag(kolommen["income_disregarded"][i]),
                "asset_limit": _bedrag(kolommen["asset_limit"][i]),
                "benefit": _bedrag(kolommen["benefit"][i]),
                "vakantietoeslag_reservering": _bedrag(kolommen["vakantietoeslag_reservering"][i]),
                "disregards": disregards,
                "reforms": list(reforms),
                "explanation": [],
                "batch": True,
            }
        )
        fouten.append(None)
    return Batchuitkomst(antwoorden, fouten)
