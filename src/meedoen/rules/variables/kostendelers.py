"""Kostendelersnorm (art. 22a) and who counts as a kostendelende medebewoner (art. 19a)."""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from meedoen.rules.entities import Huishouden, Persoon
from meedoen.rules.helpers import (
    EurocentVariable,
    basispunten,
    bedrag,
    bereken_kostendelersnorm_per_persoon,
    bereken_kostendelerspercentage,
    getal,
)
from meedoen.rules.variables.leeftijd import AOW, JONGERE, VOLWASSENE


class commerciele_huur(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Woont er op basis van een schriftelijke commerciële (onder)huur- of kostgangersrelatie"


class student(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Volgt een opleiding met studiefinanciering of tegemoetkoming (of BBL)"


class is_kostendelende_medebewoner(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Telt als kostendelende medebewoner (art. 19a lid 1)"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=19a&lid=1"

    def formula(persoon, period, parameters):
        vanaf = getal(parameters, period, "kostendelersnorm.leeftijd_medebewoner")
        return (
            persoon.has_role(Huishouden.MEDEBEWONER)
            & (persoon("leeftijd", period) >= vanaf)
            & ~persoon("commerciele_huur", period)
            & ~persoon("student", period)
        )


class aantal_kostendelende_medebewoners(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal kostendelende medebewoners"

    def formula(huishouden, period):
        return huishouden.sum(huishouden.members("is_kostendelende_medebewoner", period))


class aantal_volwassenen_in_bijstandseenheid(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal van aanvrager en partner dat 21 jaar of ouder is"

    def formula(huishouden, period, parameters):
        vanaf = getal(parameters, period, "kostendelersnorm.minimumleeftijd_belanghebbende")
        persoon = huishouden.members
        volwassen = persoon("in_bijstandseenheid", period) & (persoon("leeftijd", period) >= vanaf)
        return huishouden.sum(volwassen)


class aantal_kostendelers(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "A: de belanghebbende, de echtgenoot van 21+ en de kostendelende medebewoners"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=22a&lid=1"

    def formula(huishouden, period):
        eenheid = np.maximum(huishouden("aantal_volwassenen_in_bijstandseenheid", period), 1)
        return eenheid + huishouden("aantal_kostendelende_medebewoners", period)


class kostendelersnorm_van_toepassing(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De kostendelersnorm geldt (er is een kostendeler en een belanghebbende van 21+)"

    def formula(huishouden, period):
        return (huishouden("aantal_kostendelende_medebewoners", period) > 0) & (
            huishouden("aantal_volwassenen_in_bijstandseenheid", period) > 0
        )


class kostendelerspercentage(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "(40% + A x 30%) / A in honderdsten van een procent, op twee decimalen afgerond"

    def formula(huishouden, period, parameters):
        a = huishouden("aantal_kostendelers", period).astype(np.int64)
        basis = basispunten(parameters, period, "kostendelersnorm.basispercentage")
        per_kostendeler = basispunten(
            parameters, period, "kostendelersnorm.percentage_per_kostendeler"
        )
        return bereken_kostendelerspercentage(a, basis, per_kostendeler)


def _b_per_echtgenoot(eigen, ander, nodig, parameters, period):
    """B of art. 22a lid 1 for one spouse: 21 b, 22 c (other at AOW age) or 22 b (own AOW)."""
    b = np.zeros(eigen.shape, dtype=np.int64)
    keuzes = [
        (nodig & (eigen == AOW), "normen.art22.gehuwden_beiden_aow"),
        (nodig & (eigen != AOW) & (ander == AOW), "normen.art22.gehuwden_een_aow"),
        (nodig & (eigen != AOW) & (ander != AOW), "normen.art21.gehuwden"),
    ]
    for masker, naam in keuzes:
        if masker.any():
            b[masker] = bedrag(parameters, period, naam, masker)
    return b


class kostendelersnorm(EurocentVariable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Kostendelersnorm: per belanghebbende B x percentage; voor gehuwden de som (art. 22a)"
    unit = "eurocent"
    reference = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=22a"

    def formula(huishouden, period, parameters):
        van_toepassing = huishouden("kostendelersnorm_van_toepassing", period)
        a = huishouden("categorie_aanvrager", period)
        p = huishouden("categorie_partner", period)
        percentage = huishouden("kostendelerspercentage", period)
        geen_partner = p < 0
        telt_a = van_toepassing & (a >= VOLWASSENE)
        telt_p = van_toepassing & (p >= VOLWASSENE)
        # A single claimant at AOW age has B = 22 b; below it B = 21 b (art. 22a lid 1 a/c).
        b_a = _b_per_echtgenoot(a, np.where(geen_partner, a, p), telt_a, parameters, period)
        b_p = _b_per_echtgenoot(p, a, telt_p, parameters, period)
        norm = np.where(telt_a, bereken_kostendelersnorm_per_persoon(b_a, percentage), 0)
        norm += np.where(telt_p, bereken_kostendelersnorm_per_persoon(b_p, percentage), 0)
        # Lid 3: a spouse of 18-20 next to one of 21+ has an amount of its own.
        jonge_echtgenoot = van_toepassing & ~geen_partner & ((a == JONGERE) | (p == JONGERE))
        kinderen = huishouden("aantal_kinderen", period) > 0
        for masker, naam in (
            (jonge_echtgenoot & kinderen, "kostendelersnorm.jongere_echtgenoot_met_kinderen"),
            (jonge_echtgenoot & ~kinderen, "kostendelersnorm.jongere_echtgenoot_zonder_kinderen"),
        ):
            if masker.any():
                norm = norm + np.where(masker, bedrag(parameters, period, naam, masker), 0)
        return norm
