"""Setting a gemeente's income policy (functioneel beheerder, own gemeenten only)."""

from django.db import transaction

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.models import Inkomensbeleid


@transaction.atomic
def rekenvarianten_instellen(
    *, actor: Actor, gemeente: Gemeente, rekenvarianten: list[str]
) -> Inkomensbeleid:
    actor.vereis(Bevoegdheid.BEHEER)
    if gemeente.pk not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    beleid, _ = Inkomensbeleid.objects.select_for_update().get_or_create(gemeente=gemeente)
    voor = list(beleid.rekenvarianten)
    beleid.rekenvarianten = list(rekenvarianten)
    beleid.full_clean()
    beleid.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel="configuratie inkomensbeleid",
        obj=beleid,
        gemeente=gemeente,
        wijzigingen={"rekenvarianten": [voor, beleid.rekenvarianten]},
    )
    return beleid
