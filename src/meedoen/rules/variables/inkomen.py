"""Income of applicant and partner, counted after each person's own vrijlating (art. 31, 32)."""

import numpy as np
from openfisca_core.periods import MONTH

from meedoen.rules.entities import Huishouden, Persoon
from meedoen.rules.helpers import EurocentVariable


class inkomen_uit_arbeid(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Netto inkomsten uit arbeid in de maand"
    unit = "eurocent"


class overig_inkomen(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Ander netto inkomen in de maand (uitkering, alimentatie, ...)"
    unit = "eurocent"


class inkomen_in_aanmerking(EurocentVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Inkomen dat meetelt na vrijlating (alleen aanvrager en partner)"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=32"

    def formula(persoon, period):
        totaal = (
            persoon("inkomen_uit_arbeid", period)
            + persoon("overig_inkomen", period)
            - persoon("vrijlating", period)
        )
        return np.where(persoon("in_bijstandseenheid", period), totaal, 0)


class middelen(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Inkomen van aanvrager en partner samen dat meetelt"
    unit = "eurocent"

    def formula(huishouden, period):
        return huishouden.sum(huishouden.members("inkomen_in_aanmerking", period))


class vrijgelaten_inkomen(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Inkomen van aanvrager en partner samen dat is vrijgelaten"
    unit = "eurocent"

    def formula(huishouden, period):
        return huishouden.sum(huishouden.members("vrijlating", period))
