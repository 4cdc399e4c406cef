from meedoen.intake.models.intake import Gezondheid, Intake, Taalvaardigheid, Woonrisico
from meedoen.intake.models.verwijzing import (
    VERWIJZING_OVERGANGEN,
    Partner,
    PartnerSoort,
    Verwijzing,
    VerwijzingStatus,
    VerwijzingStatusWijziging,
)
from meedoen.intake.models.zrm import ZrmDomein, ZrmMeting, ZrmNiveau, ZrmScore

__all__ = [
    "VERWIJZING_OVERGANGEN",
    "Gezondheid",
    "Intake",
    "Partner",
    "PartnerSoort",
    "Taalvaardigheid",
    "Verwijzing",
    "VerwijzingStatus",
    "VerwijzingStatusWijziging",
    "Woonrisico",
    "ZrmDomein",
    "ZrmMeting",
    "ZrmNiveau",
    "ZrmScore",
]
