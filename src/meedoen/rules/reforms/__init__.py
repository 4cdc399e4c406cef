"""Named reforms: experiment arms and policy variants that change a parameter or a rule.

A caller (the experimenten app, a gemeente's configuration) picks reforms by name, e.g.
`calculate(situation, reforms=("extra_vrijlating_50",))`. Reforms apply in the given order.
"""

from dataclasses import dataclass

from openfisca_core.reforms import Reform
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from meedoen.rules.reforms.extra_vrijlating import ExtraVrijlating50


class UnknownReform(ValueError):
    def __init__(self, name: str) -> None:
        self.name = name
        self.nl = f"Onbekende rekenvariant: {name}. Bekend: {', '.join(sorted(REFORMS))}."
        self.en = f"Unknown reform: {name}. Known: {', '.join(sorted(REFORMS))}."
        super().__init__(self.nl)


@dataclass(frozen=True)
class RegisteredReform:
    name: str
    reform: type[Reform]
    title_nl: str
    title_en: str
    source: str


REFORMS: dict[str, RegisteredReform] = {
    "extra_vrijlating_50": RegisteredReform(
        name="extra_vrijlating_50",
        reform=ExtraVrijlating50,
        title_nl=(
            "Extra vrijlating: 50% van de inkomsten uit werk, tot € 200 per maand, zonder termijn"
        ),
        title_en="Extra disregard: 50% of earnings from work up to €200 a month, no time limit",
        source="Ontwerp van het experiment (beleidsbedrag, geen wettelijk bedrag)",
    ),
}


def validate_reform_names(names: tuple[str, ...]) -> None:
    for name in names:
        if name not in REFORMS:
            raise UnknownReform(name)


def apply_reforms(system: TaxBenefitSystem, names: tuple[str, ...]) -> TaxBenefitSystem:
    validate_reform_names(names)
    for name in names:
        system = REFORMS[name].reform(system)
    return system
