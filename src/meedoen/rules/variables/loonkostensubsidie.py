"""Loonkostensubsidie (art. 10c/10d): minimum wage pro rata minus the loonwaarde, plus 23.5%.

The minimum wage per hour is the legal basis (Wet minimumloon since 2024); a month has
52/12 weeks. The monthly minimum of 1 July 2025 is unconfirmed, the hourly one is not.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from meedoen.rules.entities import Persoon
from meedoen.rules.helpers import BASIS_POINTS, EurocentVariable, basispunten, bedrag, deel_van
from meedoen.rules.money import divide_round_half_up

WEEKS_PER_YEAR = 52  # calendar facts, not legal amounts
MONTHS_PER_YEAR = 12
HOURS_SCALE = 100  # hours are held in hundredths (32.5 h -> 3250)


class loonwaarde_percentage(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Loonwaarde als heel percentage van het minimumloon (uniforme loonwaardebepaling)"


class arbeidsuren_per_week_honderdsten(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Arbeidsuren per week, in honderdsten van een uur"


class minimumloon_per_uur(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Wettelijk minimum(jeugd)loon per uur voor deze persoon"
    unit = "eurocent"

    def formula(persoon, period, parameters):
        uurloon = bedrag(parameters, period, "minimumloon.per_uur")
        jaren = persoon("leeftijd", period)
        percentage = np.full(jaren.shape, BASIS_POINTS, dtype=np.int64)
        for leeftijd in (18, 19, 20):
            masker = jaren == leeftijd
            if masker.any():
                naam = f"minimumloon.jeugdpercentage_{leeftijd}"
                percentage[masker] = basispunten(parameters, period, naam, masker)
        onder_18 = jaren < 18
        if onder_18.any():
            basispunten(parameters, period, "minimumloon.jeugdpercentage_onder_18", onder_18)
        return divide_round_half_up(uurloon * percentage, BASIS_POINTS)


class minimumloon_per_maand_naar_rato(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Minimumloon per maand voor de gewerkte uren: uurloon x uren x 52 / 12"
    unit = "eurocent"

    def formula(persoon, period):
        uurloon = persoon("minimumloon_per_uur", period)
        uren = persoon("arbeidsuren_per_week_honderdsten", period).astype(np.int64)
        return divide_round_half_up(uurloon * uren * WEEKS_PER_YEAR, MONTHS_PER_YEAR * HOURS_SCALE)


class loonkostensubsidie_loon(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Loonkostensubsidie op het loon: minimumloon naar rato min de loonwaarde"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=10d"

    def formula(persoon, period):
        loonwaarde = np.clip(persoon("loonwaarde_percentage", period).astype(np.int64), 0, 100)
        return deel_van(
            persoon("minimumloon_per_maand_naar_rato", period), (100 - loonwaarde) * 100
        )


class loonkostensubsidie_werkgeverslasten(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Vergoeding werkgeverslasten: 23,5% van de gesubsidieerde loonkosten"
    unit = "eurocent"

    def formula(persoon, period, parameters):
        percentage = basispunten(parameters, period, "loonkostensubsidie.werkgeverslasten")
        return deel_van(persoon("loonkostensubsidie_loon", period), percentage)


class loonkostensubsidie(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Loonkostensubsidie per maand, inclusief werkgeverslasten"
    unit = "eurocent"

    def formula(persoon, period):
        return persoon("loonkostensubsidie_loon", period) + persoon(
            "loonkostensubsidie_werkgeverslasten", period
        )
