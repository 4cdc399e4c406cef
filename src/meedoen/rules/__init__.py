"""The Participatiewet as code: an OpenFisca country package plus a pure-Python front layer.

No Django imports anywhere in this package. Amounts inside the engine are int64 eurocent.
"""

import os
from functools import cache
from pathlib import Path

# numexpr (used by OpenFisca) logs a line about its thread count at import unless this is set;
# that line would end up in every CLI run and test log.
os.environ.setdefault("NUMEXPR_MAX_THREADS", str(os.cpu_count() or 1))

from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # noqa: E402

from meedoen.rules.entities import entities  # noqa: E402

PACKAGE_DIR = Path(__file__).parent
PARAMETERS_DIR = PACKAGE_DIR / "parameters"
VARIABLES_DIR = PACKAGE_DIR / "variables"


class ParticipatiewetSystem(TaxBenefitSystem):
    """The Participatiewet: entities, dated parameters and formulas."""

    def __init__(self) -> None:
        super().__init__(entities)
        self.add_variables_from_directory(str(VARIABLES_DIR))
        self.load_parameters(str(PARAMETERS_DIR))


@cache
def get_tax_benefit_system(reforms: tuple[str, ...] = ()) -> TaxBenefitSystem:
    """The (cached) system, with the named reforms applied in the given order."""
    system: TaxBenefitSystem = ParticipatiewetSystem()
    if reforms:
        from meedoen.rules.reforms import apply_reforms

        system = apply_reforms(system, reforms)
    return system
