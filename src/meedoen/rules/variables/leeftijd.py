"""Age on the first day of the calendar month, and the age category the norms use.

Peildatum: the law works per day; this monthly engine takes the age on the first day of the
month, so a birthday in the month takes effect from the next calendar month (docs/rules.md).
"""

from datetime import date

import numpy as np
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from meedoen.rules.dates import months_old
from meedoen.rules.entities import Persoon
from meedoen.rules.helpers import getal


class LeeftijdsCategorie(Enum):
    minderjarig = "Jonger dan 18 jaar"
    jongere = "18, 19 of 20 jaar (art. 20)"
    volwassene = "21 jaar tot de AOW-leeftijd (art. 21)"
    aow = "AOW-leeftijd bereikt (art. 22)"


# Index of each category in LeeftijdsCategorie, for fast integer comparisons in formulas.
MINDERJARIG, JONGERE, VOLWASSENE, AOW = range(4)


class geboortedatum(Variable):
    value_type = date
    entity = Persoon
    definition_period = ETERNITY
    label = "Geboortedatum"


class leeftijd_in_maanden(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Leeftijd in volle maanden op de eerste dag van de maand"

    def formula(persoon, period):
        peil = period.start
        return months_old(persoon("geboortedatum", period), peil.year, peil.month)


class leeftijd(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Leeftijd in jaren op de eerste dag van de maand"

    def formula(persoon, period):
        return persoon("leeftijd_in_maanden", period) // 12


class heeft_aow_leeftijd(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Heeft de pensioengerechtigde leeftijd bereikt"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0002221&artikel=7a"

    def formula(persoon, period, parameters):
        aow_maanden = getal(parameters, period, "leeftijden.aow_leeftijd_in_maanden")
        return persoon("leeftijd_in_maanden", period) >= aow_maanden


class leeftijdscategorie(Variable):
    value_type = Enum
    possible_values = LeeftijdsCategorie
    default_value = LeeftijdsCategorie.minderjarig
    entity = Persoon
    definition_period = MONTH
    label = "Leeftijdscategorie voor de normen"

    def formula(persoon, period, parameters):
        jaren = persoon("leeftijd", period)
        minimum = getal(parameters, period, "leeftijden.minimumleeftijd_bijstand")
        jong_tot = getal(parameters, period, "leeftijden.jongerennorm_tot")
        codes = np.select(
            [persoon("heeft_aow_leeftijd", period), jaren >= jong_tot, jaren >= minimum],
            [AOW, VOLWASSENE, JONGERE],
            MINDERJARIG,
        ).astype(np.int16)
        return EnumArray(codes, LeeftijdsCategorie)
