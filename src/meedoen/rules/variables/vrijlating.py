"""Vrijlatingen of income from work: art. 31 lid 2 sub n and sub r, and a slot for experiments.

Months already used are inputs; the result says whether each vrijlating was applied this month,
so the caller can advance its counters. A vrijlating only "uses" a month when it is applied,
which needs income from work in that month.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from meedoen.rules.entities import Huishouden, Persoon
from meedoen.rules.helpers import EurocentVariable, basispunten, bedrag, deel_van, getal


class maanden_vrijlating_arbeid_gebruikt(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Maanden waarin de vrijlating van art. 31 lid 2 n al is toegepast (voor deze maand)"


class maanden_vrijlating_alleenstaande_ouder_gebruikt(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Maanden waarin de vrijlating van art. 31 lid 2 r al is toegepast (voor deze maand)"


class vrijlating_arbeid_toegepast(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "De vrijlating van art. 31 lid 2 n is deze maand toegepast"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=31&lid=2"

    def formula(persoon, period, parameters):
        maximum = getal(parameters, period, "vrijlating.art31_lid2_n.maximum_maanden")
        return (
            persoon("in_bijstandseenheid", period)
            & (persoon("inkomen_uit_arbeid", period) > 0)
            & ~persoon("heeft_aow_leeftijd", period)
            & (persoon("maanden_vrijlating_arbeid_gebruikt", period) < maximum)
        )


class vrijlating_arbeid(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Vrijlating inkomsten uit arbeid: 25%, met een maximum per maand (art. 31 lid 2 n)"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=31&lid=2"

    def formula(persoon, period, parameters):
        toegepast = persoon("vrijlating_arbeid_toegepast", period)
        percentage = basispunten(parameters, period, "vrijlating.art31_lid2_n.percentage")
        maximum = bedrag(parameters, period, "vrijlating.art31_lid2_n.maximum", toegepast)
        deel = deel_van(persoon("inkomen_uit_arbeid", period), percentage)
        return np.where(toegepast, np.minimum(deel, maximum), 0)


class heeft_kind_onder_12(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Er is een kind ten laste jonger dan 12 jaar (art. 31 lid 2 r)"

    def formula(huishouden, period, parameters):
        grens = getal(parameters, period, "vrijlating.art31_lid2_r.leeftijd_kind")
        persoon = huishouden.members
        jong = persoon("is_kind_ten_laste", period) & (persoon("leeftijd", period) < grens)
        return huishouden.any(jong)


class vrijlating_alleenstaande_ouder_toegepast(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "De vrijlating van art. 31 lid 2 r is deze maand toegepast"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=31&lid=2"

    def formula(persoon, period, parameters):
        n_maanden = getal(parameters, period, "vrijlating.art31_lid2_n.maximum_maanden")
        r_maanden = getal(parameters, period, "vrijlating.art31_lid2_r.maximum_maanden")
        # Projected from the household onto each of its members.
        huishouden = persoon.huishouden
        alleenstaande_ouder_met_jong_kind = huishouden("heeft_kind_onder_12", period) & ~huishouden(
            "heeft_partner", period
        )
        return (
            persoon("is_aanvrager", period)
            & alleenstaande_ouder_met_jong_kind
            & (persoon("inkomen_uit_arbeid", period) > 0)
            & (persoon("maanden_vrijlating_arbeid_gebruikt", period) >= n_maanden)
            & (persoon("maanden_vrijlating_alleenstaande_ouder_gebruikt", period) < r_maanden)
        )


class vrijlating_alleenstaande_ouder(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Vrijlating alleenstaande ouder: 12,5%, met een maximum per maand (art. 31 lid 2 r)"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=31&lid=2"

    def formula(persoon, period, parameters):
        toegepast = persoon("vrijlating_alleenstaande_ouder_toegepast", period)
        percentage = basispunten(parameters, period, "vrijlating.art31_lid2_r.percentage")
        maximum = bedrag(parameters, period, "vrijlating.art31_lid2_r.maximum", toegepast)
        deel = deel_van(persoon("inkomen_uit_arbeid", period), percentage)
        return np.where(toegepast, np.minimum(deel, maximum), 0)


class vrijlating_experiment(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Extra vrijlating van een experiment of beleidsvariant (0 zonder reform)"
    unit = "eurocent"


class vrijlating(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Totale vrijlating van inkomsten uit arbeid (nooit meer dan die inkomsten)"
    unit = "eurocent"

    def formula(persoon, period):
        totaal = (
            persoon("vrijlating_arbeid", period)
            + persoon("vrijlating_alleenstaande_ouder", period)
            + persoon("vrijlating_experiment", period)
        )
        return np.minimum(totaal, np.maximum(persoon("inkomen_uit_arbeid", period), 0))
