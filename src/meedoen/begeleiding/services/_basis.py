import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.roles import Bevoegdheid

DOEL_BEGELEIDING = "begeleiding"


def vereis_schrijven(actor: Actor, gemeente_id: int) -> None:
    actor.vereis(Bevoegdheid.DOSSIER_SCHRIJVEN)
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def vereis_beheer(actor: Actor, gemeente_id: int) -> None:
    actor.vereis(Bevoegdheid.BEHEER)
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def mag_caseload_verdelen(actor: Actor) -> bool:
    """Teamleiders reassign residents between klantmanagers."""
    return actor.mag(Bevoegdheid.CASELOAD_VERDELEN)


def niet_in_toekomst(datum: dt.date, vandaag: dt.date, veld: str = "datum") -> None:
    if datum > vandaag:
        raise ValidationError({veld: _("De datum ligt in de toekomst.")})
