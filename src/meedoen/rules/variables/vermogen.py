"""The asset test (art. 34): assets plus home equity above its limit, against the limit."""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from meedoen.rules.entities import Huishouden
from meedoen.rules.helpers import EurocentVariable, bedrag
from meedoen.rules.variables.huishoudtype import ALLEENSTAANDE_OUDER, GEHUWDEN


class bezittingen(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen van aanvrager en partner buiten de eigen woning"
    unit = "eurocent"


class vermogen_eigen_woning(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen in de eigen woning (overwaarde)"
    unit = "eurocent"


class grens_eigen_woning(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen in de eigen woning dat buiten beschouwing blijft (art. 34 lid 2 d)"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=34&lid=2"

    def formula(huishouden, period, parameters):
        return bedrag(parameters, period, "vermogen.grens_eigen_woning")


class vermogen_in_aanmerking(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen dat meetelt: bezittingen plus woningvermogen boven de grens"
    unit = "eurocent"

    def formula(huishouden, period):
        boven = huishouden("vermogen_eigen_woning", period) - huishouden(
            "grens_eigen_woning", period
        )
        return huishouden("bezittingen", period) + np.maximum(boven, 0)


class vermogensgrens(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogensgrens voor het huishoudtype (art. 34 lid 3)"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=34&lid=3"

    def formula(huishouden, period, parameters):
        soort = np.asarray(huishouden("huishoudtype", period))
        return np.select(
            [soort == GEHUWDEN, soort == ALLEENSTAANDE_OUDER],
            [
                bedrag(parameters, period, "vermogen.grens_gehuwden"),
                bedrag(parameters, period, "vermogen.grens_alleenstaande_ouder"),
            ],
            bedrag(parameters, period, "vermogen.grens_alleenstaande"),
        )


class vermogen_boven_grens(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Het vermogen dat meetelt is hoger dan de vermogensgrens"

    def formula(huishouden, period):
        return huishouden("vermogen_in_aanmerking", period) > huishouden("vermogensgrens", period)
