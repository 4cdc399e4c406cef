"""The benefit: norm minus counted income, never below zero; nothing above the asset limit."""

import numpy as np
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from meedoen.rules.entities import Huishouden
from meedoen.rules.helpers import EurocentVariable, basispunten
from meedoen.rules.money import divide_round_half_up


class RedenGeenRecht(Enum):
    geen = "Er is recht op bijstand"
    vermogen_boven_grens = "Het vermogen is hoger dan de vermogensgrens"
    inkomen_boven_norm = "Het inkomen dat meetelt is gelijk aan of hoger dan de norm"


class aanvulling(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Norm min het inkomen dat meetelt, niet lager dan nul (art. 19 lid 2)"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=19&lid=2"

    def formula(huishouden, period):
        return np.maximum(huishouden("norm", period) - huishouden("middelen", period), 0)


class bijstand(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Bijstand per maand (incl. 5% vakantietoeslag)"
    unit = "eurocent"

    def formula(huishouden, period):
        return np.where(
            huishouden("vermogen_boven_grens", period), 0, huishouden("aanvulling", period)
        )


class reden_geen_recht(Variable):
    value_type = Enum
    possible_values = RedenGeenRecht
    default_value = RedenGeenRecht.geen
    entity = Huishouden
    definition_period = MONTH
    label = "Waarom er geen recht op bijstand is (het eerste dat geldt)"

    def formula(huishouden, period):
        codes = np.select(
            [huishouden("vermogen_boven_grens", period), huishouden("aanvulling", period) <= 0],
            [1, 2],
            0,
        ).astype(np.int16)
        return EnumArray(codes, RedenGeenRecht)


class recht_op_bijstand(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Er is recht op bijstand in deze maand"

    def formula(huishouden, period):
        return huishouden("bijstand", period) > 0


class vakantietoeslag_reservering(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Vakantietoeslag in de bijstand: bijstand x 5/105, op de cent (art. 19 lid 3)"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=19&lid=3"

    def formula(huishouden, period, parameters):
        percentage = basispunten(parameters, period, "vakantietoeslag.percentage")
        return divide_round_half_up(
            huishouden("bijstand", period) * percentage, 10_000 + percentage
        )
