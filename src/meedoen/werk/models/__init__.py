"""Werk: the resident's work profile, employers and vacancies, proposals, community jobs,
placements and work contracts. Occupations and skills are codes from the shipped taxonomy
(`meedoen.werk.taxonomie`), not rows: the taxonomy is reference data that changes only with a
release."""

from meedoen.werk.models.beleid import Werkbeleid
from meedoen.werk.models.contract import Arbeidscontract
from meedoen.werk.models.opleiding import Opleiding
from meedoen.werk.models.plaatsing import MaatschappelijkeBaan, Plaatsing, PlaatsingContact
from meedoen.werk.models.profiel import Werkervaring, Werkprofiel
from meedoen.werk.models.vacature import Contactpersoon, Vacature, Werkgever
from meedoen.werk.models.vacatureimport import VacatureImport
from meedoen.werk.models.voorstel import Voorstel, VoorstelStatus

__all__ = [
    "Arbeidscontract",
    "Contactpersoon",
    "MaatschappelijkeBaan",
    "Opleiding",
    "Plaatsing",
    "PlaatsingContact",
    "Vacature",
    "VacatureImport",
    "Voorstel",
    "VoorstelStatus",
    "Werkbeleid",
    "Werkervaring",
    "Werkgever",
    "Werkprofiel",
]
