"""Loonkostensubsidie for one worker: the front-layer function callers use (werk, recht op werk).

The amounts come from the OpenFisca variables in variables/loonkostensubsidie.py; this module
only validates the input, runs a one-person simulation and returns exact decimal text with the
steps explained.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from openfisca_core.simulation_builder import SimulationBuilder

from meedoen.rules import get_tax_benefit_system
from meedoen.rules.dates import parse_date, parse_period
from meedoen.rules.money import format_amount, format_euro_en, format_euro_nl
from meedoen.rules.periods import parameter_info, period_problem
from meedoen.rules.situation import SituationError

OUTPUTS = (
    "minimumloon_per_maand_naar_rato",
    "loonkostensubsidie_loon",
    "loonkostensubsidie_werkgeverslasten",
    "loonkostensubsidie",
)


@dataclass(frozen=True)
class _Invoer:
    period: str
    birth_date: str
    loonwaarde: int
    honderdsten: int


def _fout(veld: str, nl: str, en: str) -> SituationError:
    return SituationError({veld: [{"nl": nl, "en": en}]})


def _invoer(period: str, birth_date: str, loonwaarde_percentage, hours_per_week) -> _Invoer:
    if parse_period(str(period)) is None:
        raise _fout("period", "Geef de periode als JJJJ-MM.", "Give the period as YYYY-MM.")
    if (probleem := period_problem(str(period))) is not None:
        raise _fout("period", *probleem)
    if parse_date(birth_date) is None:
        raise _fout("birth_date", "Vul een geldige geboortedatum in.", "Enter a valid birth date.")
    try:
        loonwaarde = int(str(loonwaarde_percentage))
        uren = Decimal(str(hours_per_week))
    except (ValueError, InvalidOperation) as exc:
        raise _fout(
            "loonwaarde_percentage",
            "Loonwaarde en uren moeten getallen zijn.",
            "Loonwaarde and hours must be numbers.",
        ) from exc
    if not 0 <= loonwaarde <= 100:
        raise _fout(
            "loonwaarde_percentage",
            "De loonwaarde is een heel percentage van 0 tot en met 100.",
            "The loonwaarde is a whole percentage from 0 to 100.",
        )
    if not Decimal("0") < uren <= Decimal("60") or uren != uren.quantize(Decimal("0.01")):
        raise _fout(
            "hours_per_week",
            "Vul de uren per week in (meer dan 0, hoogstens 60, op 2 decimalen).",
            "Enter the hours per week (above 0, at most 60, 2 decimals).",
        )
    return _Invoer(str(period), str(birth_date), loonwaarde, int(uren * 100))


def bereken_loonkostensubsidie(
    *, period: str, birth_date: str, loonwaarde_percentage: int, hours_per_week
) -> dict:
    """Loonkostensubsidie per month for a worker with a loonwaarde (whole percent of the minimum
    wage, uniform loonwaardebepaling) and contract hours. Raises SituationError for bad input
    and ParameterOntbreekt when the minimum wage of the period is not confirmed."""
    invoer = _invoer(period, birth_date, loonwaarde_percentage, hours_per_week)
    simulation = SimulationBuilder().build_from_entities(
        get_tax_benefit_system(),
        {
            "personen": {
                "w": {
                    "geboortedatum": {invoer.period: invoer.birth_date},
                    "loonwaarde_percentage": {invoer.period: invoer.loonwaarde},
                    "arbeidsuren_per_week_honderdsten": {invoer.period: invoer.honderdsten},
                }
            },
            "huishoudens": {"h": {"aanvrager": ["w"]}},
        },
    )
    centen = {naam: int(simulation.calculate(naam, invoer.period)[0]) for naam in OUTPUTS}
    lasten = parameter_info("loonkostensubsidie.werkgeverslasten", invoer.period)
    uren = f"{invoer.honderdsten / 100:g}"
    subsidie_deel = 100 - invoer.loonwaarde
    return {
        "period": invoer.period,
        "loonwaarde_percentage": invoer.loonwaarde,
        "hours_per_week": f"{Decimal(invoer.honderdsten) / 100:.2f}",
        **{naam: format_amount(waarde) for naam, waarde in centen.items()},
        "explanation": [
            {
                "nl": f"Het minimumloon voor {uren} uur per week is "
                f"{format_euro_nl(centen['minimumloon_per_maand_naar_rato'])} per maand.",
                "en": f"The minimum wage for {uren} hours a week is "
                f"{format_euro_en(centen['minimumloon_per_maand_naar_rato'])} a month.",
                "article": "Wet minimumloon en minimumvakantiebijslag art. 8",
            },
            {
                "nl": f"De loonwaarde is {invoer.loonwaarde}%. De subsidie is het verschil: "
                f"{subsidie_deel}%, dat is {format_euro_nl(centen['loonkostensubsidie_loon'])}.",
                "en": f"The loonwaarde is {invoer.loonwaarde}%. The subsidy is the difference: "
                f"{subsidie_deel}%, that is {format_euro_en(centen['loonkostensubsidie_loon'])}.",
                "article": "Participatiewet art. 10d",
            },
            {
                "nl": "Voor werkgeverslasten komt er "
                f"{format_euro_nl(centen['loonkostensubsidie_werkgeverslasten'])} bij. Totaal: "
                f"{format_euro_nl(centen['loonkostensubsidie'])} per maand.",
                "en": "For employer costs "
                f"{format_euro_en(centen['loonkostensubsidie_werkgeverslasten'])} is added. "
                f"Total: {format_euro_en(centen['loonkostensubsidie'])} a month.",
                "article": lasten["reference"],
            },
        ],
    }
