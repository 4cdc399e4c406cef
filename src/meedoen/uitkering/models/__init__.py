"""Uitkering: the income side. An aanvraag leads to a besluit (with its beschikking); each month
an inkomstenopgave leads to a betaalvoorstel, paid in a betaalrun; a later correction is a
herziening, and recovery a separate terugvordering decision. Bijzondere bijstand is paid
through the same runs."""

from meedoen.uitkering.models.aanvraag import Aanvraag, AanvraagStatus, Bezwaar

# valideer_rekenvarianten is referenced by migration 0001.
from meedoen.uitkering.models.beleid import (
    Inkomensbeleid,
    KostenCategorie,
    valideer_rekenvarianten,
)
from meedoen.uitkering.models.besluit import Besluit
from meedoen.uitkering.models.betaling import (
    Betaalopdracht,
    Betaalrun,
    Betaalvoorstel,
    Betaling,
    Maandberekening,
    Rekeningwijziging,
)
from meedoen.uitkering.models.bijzondere import BijzondereBijstand
from meedoen.uitkering.models.document import Document
from meedoen.uitkering.models.inkomsten import Inkomstenopgave, Inkomstenregel
from meedoen.uitkering.models.terugvordering import (
    Aflossing,
    Herziening,
    Terugbetaling,
    Terugvordering,
)

__all__ = [
    "Aanvraag",
    "AanvraagStatus",
    "Bezwaar",
    "Aflossing",
    "Besluit",
    "Betaalopdracht",
    "Betaalrun",
    "Betaalvoorstel",
    "Betaling",
    "BijzondereBijstand",
    "Document",
    "Herziening",
    "Inkomensbeleid",
    "Inkomstenopgave",
    "Inkomstenregel",
    "Maandberekening",
    "KostenCategorie",
    "Rekeningwijziging",
    "Terugbetaling",
    "Terugvordering",
    "valideer_rekenvarianten",
]
