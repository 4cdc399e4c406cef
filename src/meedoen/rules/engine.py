"""One vectorised OpenFisca simulation for many households of one period.

Single cases and batches both come through here (a single case is a caseload of one), so the
two paths cannot drift apart. Entities are built from numpy arrays and every input is set with
one `set_input` per variable: the per-row dictionaries of SimulationBuilder dominate the cost
at a million households.
"""

from dataclasses import dataclass

import numpy as np
from openfisca_core.periods import ETERNITY
from openfisca_core.periods import period as make_period
from openfisca_core.simulations import Simulation
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from meedoen.rules.entities import Huishouden

# Role codes of the flat person layout, in the order of the entity's roles.
AANVRAGER, PARTNER, KIND, MEDEBEWONER = range(4)
ROLES = (Huishouden.AANVRAGER, Huishouden.PARTNER, Huishouden.KIND, Huishouden.MEDEBEWONER)


@dataclass
class Caseload:
    """Households of one period as flat arrays: one row per household, one per person."""

    period: str  # "YYYY-MM"
    # household level (length H)
    bezittingen: np.ndarray  # int64 eurocent
    vermogen_eigen_woning: np.ndarray  # int64 eurocent
    niet_op_ouders_aangewezen: np.ndarray  # bool
    # person level (length P)
    huishouden_index: np.ndarray  # int64, 0..H-1
    rol: np.ndarray  # int8, AANVRAGER..MEDEBEWONER
    geboortedatum: np.ndarray  # datetime64[D]
    inkomen_uit_arbeid: np.ndarray  # int64 eurocent
    overig_inkomen: np.ndarray  # int64 eurocent
    maanden_n: np.ndarray  # int32
    maanden_r: np.ndarray  # int32
    commerciele_huur: np.ndarray  # bool
    student: np.ndarray  # bool

    @property
    def households(self) -> int:
        return len(self.bezittingen)


HOUSEHOLD_OUTPUTS = (
    "huishoudtype",
    "normcategorie",
    "categorie_aanvrager",
    "categorie_partner",
    "aantal_kinderen",
    "norm_zonder_kostendelers",
    "jongerenverhoging",
    "vergelijkbare_norm_21_plus",
    "aantal_jongeren_niet_op_ouders_aangewezen",
    "aantal_kostendelende_medebewoners",
    "aantal_kostendelers",
    "kostendelersnorm_van_toepassing",
    "kostendelerspercentage",
    "norm",
    "middelen",
    "vrijgelaten_inkomen",
    "vermogen_in_aanmerking",
    "grens_eigen_woning",
    "vermogensgrens",
    "vermogen_boven_grens",
    "aanvulling",
    "bijstand",
    "reden_geen_recht",
    "vakantietoeslag_reservering",
)
PERSON_OUTPUTS = (
    "leeftijd",
    "inkomen_in_aanmerking",
    "vrijlating",
    "vrijlating_arbeid",
    "vrijlating_arbeid_toegepast",
    "vrijlating_alleenstaande_ouder",
    "vrijlating_alleenstaande_ouder_toegepast",
    "vrijlating_experiment",
    "is_kostendelende_medebewoner",
)


def build_simulation(system: TaxBenefitSystem, caseload: Caseload) -> Simulation:
    populations = system.instantiate_entities()
    personen = populations["persoon"]
    personen.count = len(caseload.rol)
    personen.ids = np.arange(personen.count)
    huishoudens = populations["huishouden"]
    huishoudens.count = caseload.households
    huishoudens.ids = np.arange(huishoudens.count)
    huishoudens.members_entity_id = caseload.huishouden_index
    # Setting the private array skips the setter's Python-list round trip of every Role.
    huishoudens._members_role = np.array(ROLES, dtype=object)[caseload.rol]
    simulation = Simulation(system, populations)

    maand = make_period(caseload.period)
    simulation.set_input("geboortedatum", make_period(ETERNITY), caseload.geboortedatum)
    person_inputs = {
        "inkomen_uit_arbeid": caseload.inkomen_uit_arbeid,
        "overig_inkomen": caseload.overig_inkomen,
        "maanden_vrijlating_arbeid_gebruikt": caseload.maanden_n,
        "maanden_vrijlating_alleenstaande_ouder_gebruikt": caseload.maanden_r,
        "commerciele_huur": caseload.commerciele_huur,
        "student": caseload.student,
    }
    household_inputs = {
        "bezittingen": caseload.bezittingen,
        "vermogen_eigen_woning": caseload.vermogen_eigen_woning,
        "niet_op_ouders_aangewezen": caseload.niet_op_ouders_aangewezen,
    }
    for name, values in {**person_inputs, **household_inputs}.items():
        simulation.set_input(name, maand, values)
    return simulation


def simulate(
    system: TaxBenefitSystem,
    caseload: Caseload,
    household_outputs=HOUSEHOLD_OUTPUTS,
    person_outputs=PERSON_OUTPUTS,
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Run the caseload; returns (household arrays, person arrays) by variable name.

    Raises ParameterOntbreekt when a household needs a parameter without a confirmed value.
    """
    simulation = build_simulation(system, caseload)
    maand = caseload.period
    households = {name: np.asarray(simulation.calculate(name, maand)) for name in household_outputs}
    persons = {name: np.asarray(simulation.calculate(name, maand)) for name in person_outputs}
    return households, persons
