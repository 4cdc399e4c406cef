"""Tools shared by the formulas: eurocent variables and strict parameter access."""

import numpy as np
from openfisca_core.variables import Variable

from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.money import divide_round_half_up, parameter_to_cents, rate_to_basis_points

BASIS_POINTS = 10_000  # 100% expressed in hundredths of a percent


class EurocentVariable(Variable):
    """A money variable (`value_type = int`) stored as int64 eurocent; OpenFisca's int is int32."""

    def __init__(self, baseline_variable=None) -> None:
        super().__init__(baseline_variable)
        self.dtype = np.int64


def _waarde(parameters, period, naam: str, nodig: np.ndarray | None):
    node = parameters(period.start)
    for deel in naam.split("."):
        node = getattr(node, deel, None)
        if node is None:
            break
    if node is None and (nodig is None or bool(np.any(nodig))):
        raise ParameterOntbreekt(naam, str(period), nodig)
    return node


def bedrag(parameters, period, naam: str, nodig: np.ndarray | None = None) -> int:
    """A parameter amount in eurocent. Missing -> ParameterOntbreekt, unless no one needs it."""
    waarde = _waarde(parameters, period, naam, nodig)
    return 0 if waarde is None else parameter_to_cents(waarde)


def getal(parameters, period, naam: str, nodig: np.ndarray | None = None) -> int:
    """A whole-number parameter (an age, a number of months)."""
    waarde = _waarde(parameters, period, naam, nodig)
    return 0 if waarde is None else int(waarde)


def basispunten(parameters, period, naam: str, nodig: np.ndarray | None = None) -> int:
    """A rate parameter as hundredths of a percent (0.125 -> 1250), so money stays integer."""
    waarde = _waarde(parameters, period, naam, nodig)
    return 0 if waarde is None else rate_to_basis_points(waarde)


def deel_van(bedrag_in_centen, basispunten_waarde: int):
    """`basispunten_waarde` / 10,000 of an amount, rounded to the cent (half up)."""
    return divide_round_half_up(
        np.asarray(bedrag_in_centen, dtype=np.int64) * basispunten_waarde, BASIS_POINTS
    )


def bereken_kostendelerspercentage(a, basis: int, per_kostendeler: int):
    """(basis + A x per_kostendeler) / A in hundredths of a percent, rounded half up.

    Rounding the percentage to two decimals (43.33%, 36.67%) is what the published tables do
    (docs/rules.md); `basis` and `per_kostendeler` are basis points (4000 and 3000).
    """
    a = np.asarray(a, dtype=np.int64)
    return divide_round_half_up(basis + a * per_kostendeler, a)


def bereken_kostendelersnorm_per_persoon(b, percentage):
    """B x percentage, rounded to the cent (half up); B in eurocent, percentage in basis points."""
    return divide_round_half_up(np.asarray(b, dtype=np.int64) * percentage, BASIS_POINTS)
