"""Household type (alleenstaande, alleenstaande ouder, gehuwden) and who is in the bijstand unit."""

import numpy as np
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from meedoen.rules.entities import Huishouden, Persoon


class Huishoudtype(Enum):
    alleenstaande = "Alleenstaande"
    alleenstaande_ouder = "Alleenstaande ouder"
    gehuwden = "Gehuwden (of samenwonend)"


ALLEENSTAANDE, ALLEENSTAANDE_OUDER, GEHUWDEN = range(3)


class is_aanvrager(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is de aanvrager"

    def formula(persoon, period):
        return persoon.has_role(Huishouden.AANVRAGER)


class is_partner(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is de partner (echtgenoot) van de aanvrager"

    def formula(persoon, period):
        return persoon.has_role(Huishouden.PARTNER)


class in_bijstandseenheid(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Hoort bij de bijstandseenheid (aanvrager of partner)"

    def formula(persoon, period):
        return persoon("is_aanvrager", period) | persoon("is_partner", period)


class is_kind_ten_laste(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is een kind ten laste"

    def formula(persoon, period):
        return persoon.has_role(Huishouden.KIND)


class heeft_partner(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De aanvrager is gehuwd of woont samen met een partner"

    def formula(huishouden, period):
        return huishouden.any(huishouden.members("is_partner", period))


class aantal_kinderen(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal kinderen ten laste"

    def formula(huishouden, period):
        return huishouden.sum(huishouden.members("is_kind_ten_laste", period))


class huishoudtype(Variable):
    value_type = Enum
    possible_values = Huishoudtype
    default_value = Huishoudtype.alleenstaande
    entity = Huishouden
    definition_period = MONTH
    label = "Huishoudtype voor norm en vermogensgrens"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=4"

    def formula(huishouden, period):
        codes = np.where(
            huishouden("heeft_partner", period),
            GEHUWDEN,
            np.where(huishouden("aantal_kinderen", period) > 0, ALLEENSTAANDE_OUDER, ALLEENSTAANDE),
        ).astype(np.int16)
        return EnumArray(codes, Huishoudtype)


class niet_op_ouders_aangewezen(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Een jongere (18-20) in de bijstandseenheid kan niet terugvallen op de ouders"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=20&lid=3"


class categorie_aanvrager(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Leeftijdscategorie van de aanvrager (index in LeeftijdsCategorie)"

    def formula(huishouden, period):
        categorie = huishouden.members("leeftijdscategorie", period)
        return huishouden.value_from_person(np.asarray(categorie), role=Huishouden.AANVRAGER)


class categorie_partner(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    default_value = -1
    label = "Leeftijdscategorie van de partner (index in LeeftijdsCategorie; -1: geen partner)"

    def formula(huishouden, period):
        categorie = huishouden.members("leeftijdscategorie", period)
        return huishouden.value_from_person(
            np.asarray(categorie), role=Huishouden.PARTNER, default=-1
        )
