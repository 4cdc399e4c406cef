"""Writes for maatschappelijke banen, placements, loonkostensubsidie and recht op werk. Each
service checks capability and gemeente, runs full_clean() before save() and records an audit
event in the same transaction."""

from meedoen.werk.banen.services.banen import baan_opslaan, verdringingstoets_bevestigen
from meedoen.werk.banen.services.contract import (
    Beeindigingsreden,
    contract_aanmaken,
    contract_beeindigen,
    contract_doorrekenen,
    recht_op_werk_aangeboden,
)
from meedoen.werk.banen.services.plaatsingen import (
    loonwaarde_vastleggen,
    plaatsing_aanmaken,
    plaatsing_beeindigen,
    plaatsing_contact_vastleggen,
)

__all__ = [
    "Beeindigingsreden",
    "baan_opslaan",
    "contract_aanmaken",
    "contract_beeindigen",
    "contract_doorrekenen",
    "loonwaarde_vastleggen",
    "plaatsing_aanmaken",
    "plaatsing_beeindigen",
    "plaatsing_contact_vastleggen",
    "recht_op_werk_aangeboden",
    "verdringingstoets_bevestigen",
]
