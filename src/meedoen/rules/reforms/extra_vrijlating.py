"""Experiment arm "extra vrijlating": 50% of earnings from work, up to €200 a month, no time limit.

It comes on top of the legal vrijlatingen (sub n, sub r); the total disregard never exceeds the
earnings. The €200 is a policy amount of the experiment's design, not a legal amount, so it is a
parameter of this reform with that source.
"""

import numpy as np
from openfisca_core.parameters import ParameterNode
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform

from meedoen.rules.entities import Persoon
from meedoen.rules.helpers import EurocentVariable, basispunten, bedrag, deel_van

SOURCE = "Ontwerp van het experiment 'extra vrijlating' (beleidsbedrag, geen wettelijk bedrag)"

PARAMETERS = {
    "description": "Experiment extra vrijlating",
    "percentage": {
        "description": "Deel van de inkomsten uit arbeid dat extra wordt vrijgelaten",
        "metadata": {"reference": SOURCE, "unit": "/1"},
        "values": {"2025-01-01": {"value": 0.5, "metadata": {"publicatie": SOURCE}}},
    },
    "maximum": {
        "description": "Maximaal extra vrij te laten bedrag per maand",
        "metadata": {"reference": SOURCE, "unit": "currency-EUR"},
        "values": {"2025-01-01": {"value": 200.0, "metadata": {"publicatie": SOURCE}}},
    },
}


class vrijlating_experiment(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Extra vrijlating experiment: 50% van de inkomsten uit werk, tot een maximum"
    unit = "eurocent"

    def formula(persoon, period, parameters):
        percentage = basispunten(parameters, period, "experimenten.extra_vrijlating_50.percentage")
        maximum = bedrag(parameters, period, "experimenten.extra_vrijlating_50.maximum")
        werk = np.maximum(persoon("inkomen_uit_arbeid", period), 0)
        extra = np.minimum(deel_van(werk, percentage), maximum)
        return np.where(persoon("in_bijstandseenheid", period), extra, 0)


def _add_parameters(parameters: ParameterNode) -> ParameterNode:
    experimenten = parameters.children.get("experimenten")
    if experimenten is None:
        experimenten = ParameterNode("experimenten", data={"description": "Experimenten"})
        parameters.add_child("experimenten", experimenten)
    experimenten.add_child(
        "extra_vrijlating_50", ParameterNode("experimenten.extra_vrijlating_50", data=PARAMETERS)
    )
    return parameters


class ExtraVrijlating50(Reform):
    name = "Extra vrijlating 50% tot € 200 per maand, zonder termijn"

    def apply(self) -> None:
        self.modify_parameters(modifier_function=_add_parameters)
        self.update_variable(vrijlating_experiment)
