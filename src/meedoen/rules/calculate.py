"""Calculate one situation: parse, run the same vectorised engine as the batch (n = 1), explain."""

import numpy as np

from meedoen.rules import get_tax_benefit_system
from meedoen.rules.engine import AANVRAGER, KIND, MEDEBEWONER, PARTNER, Caseload, simulate
from meedoen.rules.explanation import build_explanation
from meedoen.rules.money import format_amount
from meedoen.rules.periods import as_text, parameter_info
from meedoen.rules.reforms import validate_reform_names
from meedoen.rules.situation import Situation, parse_situation
from meedoen.rules.variables.huishoudtype import Huishoudtype
from meedoen.rules.variables.normen import NORMCATEGORIEEN
from meedoen.rules.variables.uitkering import RedenGeenRecht

HOUSEHOLD_TYPES = [item.name for item in Huishoudtype]
REASONS = {
    "vermogen_boven_grens": (
        "VERMOGEN_BOVEN_GRENS",
        "Het vermogen is hoger dan de vermogensgrens.",
        "The assets are above the asset limit.",
    ),
    "inkomen_boven_norm": (
        "INKOMEN_BOVEN_NORM",
        "Het inkomen dat meetelt is gelijk aan of hoger dan de bijstandsnorm.",
        "The income that counts is equal to or above the norm.",
    ),
}
REASON_NAMES = [item.name for item in RedenGeenRecht]


def caseload_from_situations(situations: list[Situation]) -> Caseload:
    """Flat arrays for situations of one period; persons in the order applicant, partner,
    children, housemates within each household."""
    rows: list[tuple] = []  # (household, role, birth, work, other, n, r, commercial, student)
    for index, s in enumerate(situations):
        for role, person in ((AANVRAGER, s.applicant), (PARTNER, s.partner)):
            if person is not None:
                rows.append(
                    (
                        index,
                        role,
                        person.birth_date,
                        person.income.work,
                        person.income.other,
                        person.work_disregard_months_used,
                        person.single_parent_disregard_months_used,
                        False,
                        False,
                    )
                )
        rows.extend((index, KIND, born, 0, 0, 0, 0, False, False) for born in s.children)
        rows.extend(
            (index, MEDEBEWONER, h.birth_date, 0, 0, 0, 0, h.commercial_rent, h.student)
            for h in s.housemates
        )
    columns = list(zip(*rows, strict=True))
    return Caseload(
        period=situations[0].period,
        bezittingen=np.array([s.assets for s in situations], dtype=np.int64),
        vermogen_eigen_woning=np.array([s.home_equity for s in situations], dtype=np.int64),
        niet_op_ouders_aangewezen=np.array([s.cannot_rely_on_parents for s in situations]),
        huishouden_index=np.array(columns[0], dtype=np.int64),
        rol=np.array(columns[1], dtype=np.int8),
        geboortedatum=np.array(columns[2], dtype="datetime64[D]"),
        inkomen_uit_arbeid=np.array(columns[3], dtype=np.int64),
        overig_inkomen=np.array(columns[4], dtype=np.int64),
        maanden_n=np.array(columns[5], dtype=np.int32),
        maanden_r=np.array(columns[6], dtype=np.int32),
        commerciele_huur=np.array(columns[7], dtype=bool),
        student=np.array(columns[8], dtype=bool),
    )


def _person_values(persons: dict, caseload: Caseload, index: int) -> dict:
    value = {name: array[index].item() for name, array in persons.items()}
    value.update(
        work=int(caseload.inkomen_uit_arbeid[index]),
        other=int(caseload.overig_inkomen[index]),
        maanden_n=int(caseload.maanden_n[index]),
        maanden_r=int(caseload.maanden_r[index]),
    )
    return value


def _disregards(person: dict | None) -> dict | None:
    if person is None:
        return None
    n_applied = bool(person["vrijlating_arbeid_toegepast"])
    r_applied = bool(person["vrijlating_alleenstaande_ouder_toegepast"])
    return {
        "work_disregard": format_amount(person["vrijlating_arbeid"]),
        "work_disregard_applied": n_applied,
        "work_disregard_months_used_next": person["maanden_n"] + int(n_applied),
        "single_parent_disregard": format_amount(person["vrijlating_alleenstaande_ouder"]),
        "single_parent_disregard_applied": r_applied,
        "single_parent_disregard_months_used_next": person["maanden_r"] + int(r_applied),
        "experiment_disregard": format_amount(person["vrijlating_experiment"]),
        "income_counted": format_amount(person["inkomen_in_aanmerking"]),
    }


def _parameters_used(situation: Situation, hh: dict) -> dict:
    names = [
        NORMCATEGORIEEN[int(hh["normcategorie"])],
        "vermogen.grens_eigen_woning",
        "vakantietoeslag.percentage",
    ]
    soort = HOUSEHOLD_TYPES[int(hh["huishoudtype"])]
    names.append(
        {
            "alleenstaande": "vermogen.grens_alleenstaande",
            "alleenstaande_ouder": "vermogen.grens_alleenstaande_ouder",
            "gehuwden": "vermogen.grens_gehuwden",
        }[soort]
    )
    if hh["kostendelersnorm_van_toepassing"]:
        names += [
            "kostendelersnorm.basispercentage",
            "kostendelersnorm.percentage_per_kostendeler",
            "normen.art21.gehuwden"
            if int(hh["categorie_aanvrager"]) < 3
            else "normen.art22.gehuwden_beiden_aow",
        ]
    if int(hh["jongerenverhoging"]) > 0:
        names.append("normen.art20.verhoging_niet_op_ouders_aangewezen")
    if int(hh["vrijgelaten_inkomen"]) > 0:
        names += ["vrijlating.art31_lid2_n.maximum", "vrijlating.art31_lid2_r.maximum"]
    used = {}
    for name in names:
        info = parameter_info(name, situation.period)
        used[name] = {
            key: info.get(key) for key in ("since", "reference", "url", "publication")
        } | {"value": as_text(info.get("value"), info.get("unit"))}
    return used


def calculate(
    situation_dict: dict, *, reforms: tuple[str, ...] | list[str] = (), lang: str = "nl"
) -> dict:
    """The contract answer for one situation. Raises SituationError, ParameterOntbreekt or
    UnknownReform (all with Dutch and English messages)."""
    reforms = tuple(reforms)
    validate_reform_names(reforms)
    situation = parse_situation(situation_dict)
    caseload = caseload_from_situations([situation])
    households, persons = simulate(get_tax_benefit_system(reforms), caseload)
    hh = {name: array[0].item() for name, array in households.items()}
    applicant = _person_values(persons, caseload, 0)
    partner = _person_values(persons, caseload, 1) if situation.partner is not None else None
    people = [_person_values(persons, caseload, i) for i in range(len(caseload.rol))]

    reason = REASON_NAMES[int(hh["reden_geen_recht"])]
    reasons = []
    if reason in REASONS:
        code, nl, en = REASONS[reason]
        reasons.append({"code": code, "nl": nl, "en": en, "text": en if lang == "en" else nl})
    explanation = build_explanation(situation, hh, people, reforms)
    for step in explanation:
        step["text"] = step["en"] if lang == "en" else step["nl"]
    return {
        "period": situation.period,
        "gemeente": situation.gemeente,
        "eligible": reason == "geen",
        "reasons": reasons,
        "household_type": HOUSEHOLD_TYPES[int(hh["huishoudtype"])],
        "norm": format_amount(hh["norm"]),
        "kostendelers": int(hh["aantal_kostendelers"]),
        "kostendelersnorm_applied": bool(hh["kostendelersnorm_van_toepassing"]),
        "income_counted": format_amount(hh["middelen"]),
        "income_disregarded": format_amount(hh["vrijgelaten_inkomen"]),
        "assets_counted": format_amount(hh["vermogen_in_aanmerking"]),
        "asset_limit": format_amount(hh["vermogensgrens"]),
        "benefit": format_amount(hh["bijstand"]),
        "vakantietoeslag_reservering": format_amount(hh["vakantietoeslag_reservering"]),
        "disregards": {"applicant": _disregards(applicant), "partner": _disregards(partner)},
        "reforms": list(reforms),
        "parameters_used": _parameters_used(situation, hh),
        "explanation": explanation,
    }
