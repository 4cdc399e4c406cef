"""The norm of art. 20, 21 and 22 (without kostendelers) and the 2026 youth increase."""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from meedoen.rules.entities import Huishouden
from meedoen.rules.helpers import EurocentVariable, bedrag
from meedoen.rules.variables.leeftijd import AOW, JONGERE, VOLWASSENE

# The norm categories, so that explanations can say which article applies.
NORMCATEGORIEEN = (
    "normen.art20.alleenstaande_18_20",
    "normen.art20.alleenstaande_ouder_18_20",
    "normen.art20.gehuwden_beiden_18_20",
    "normen.art20.gehuwden_beiden_18_20_met_kinderen",
    "normen.art20.gehuwden_een_18_20",
    "normen.art20.gehuwden_een_18_20_met_kinderen",
    "normen.art21.alleenstaande",
    "normen.art21.gehuwden",
    "normen.art22.alleenstaande",
    "normen.art22.gehuwden_beiden_aow",
    "normen.art22.gehuwden_een_aow",
)


class normcategorie(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Welke norm van art. 20-22 geldt (index in NORMCATEGORIEEN)"

    def formula(huishouden, period):
        a = huishouden("categorie_aanvrager", period)
        p = huishouden("categorie_partner", period)
        gehuwd = huishouden("heeft_partner", period)
        kinderen = huishouden("aantal_kinderen", period) > 0
        alleen = ~gehuwd
        een_aow = gehuwd & ((a == AOW) != (p == AOW))
        beiden_jong = gehuwd & (a == JONGERE) & (p == JONGERE)
        een_jong = gehuwd & ~een_aow & ((a == JONGERE) != (p == JONGERE))
        condities = [
            alleen & (a == JONGERE) & ~kinderen,
            alleen & (a == JONGERE) & kinderen,
            beiden_jong & ~kinderen,
            beiden_jong & kinderen,
            een_jong & ~kinderen,
            een_jong & kinderen,
            alleen & (a == VOLWASSENE),
            gehuwd & (a == VOLWASSENE) & (p == VOLWASSENE),
            alleen & (a == AOW),
            gehuwd & (a == AOW) & (p == AOW),
            een_aow,
        ]
        return np.select(condities, list(range(len(NORMCATEGORIEEN))), -1)


class norm_zonder_kostendelers(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Norm van art. 20, 21 of 22, zonder kostendelers en zonder jongerenverhoging"
    unit = "eurocent"

    def formula(huishouden, period, parameters):
        categorie = huishouden("normcategorie", period)
        resultaat = np.zeros(categorie.shape, dtype=np.int64)
        for index, naam in enumerate(NORMCATEGORIEEN):
            nodig = categorie == index
            if nodig.any():
                resultaat[nodig] = bedrag(parameters, period, naam, nodig)
        return resultaat


class vergelijkbare_norm_21_plus(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Norm van art. 21 voor een vergelijkbare persoon van 21 jaar of ouder (art. 20 lid 4)"
    unit = "eurocent"

    def formula(huishouden, period, parameters):
        gehuwd = huishouden("heeft_partner", period)
        return np.where(
            gehuwd,
            bedrag(parameters, period, "normen.art21.gehuwden"),
            bedrag(parameters, period, "normen.art21.alleenstaande"),
        )


class aantal_jongeren_niet_op_ouders_aangewezen(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = (
        "Aantal jongeren (18-20) in de bijstandseenheid die niet op hun ouders kunnen terugvallen"
    )

    def formula(huishouden, period):
        jongeren = (huishouden("categorie_aanvrager", period) == JONGERE).astype(np.int64) + (
            huishouden("categorie_partner", period) == JONGERE
        )
        return np.where(huishouden("niet_op_ouders_aangewezen", period), jongeren, 0)


class jongerenverhoging(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Verhoging voor jongeren die niet op hun ouders kunnen terugvallen (art. 20 lid 3 en 4)"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=20&lid=3"

    def formula(huishouden, period, parameters):
        aantal = huishouden("aantal_jongeren_niet_op_ouders_aangewezen", period)
        verhoging = bedrag(
            parameters, period, "normen.art20.verhoging_niet_op_ouders_aangewezen", aantal > 0
        )
        basis = huishouden("norm_zonder_kostendelers", period)
        ruimte = np.maximum(huishouden("vergelijkbare_norm_21_plus", period) - basis, 0)
        return np.minimum(aantal * verhoging, ruimte)


class norm(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "De bijstandsnorm van het huishouden (incl. 5% vakantietoeslag)"
    unit = "eurocent"

    def formula(huishouden, period):
        return np.where(
            huishouden("kostendelersnorm_van_toepassing", period),
            huishouden("kostendelersnorm", period),
            huishouden("norm_zonder_kostendelers", period)
            + huishouden("jongerenverhoging", period),
        )
