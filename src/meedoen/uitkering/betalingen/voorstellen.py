"""Approving proposals. A person with UITKERING_BEHANDELEN looks at a proposal (amounts and the
explanation of the difference) and approves it; only approved proposals go into a run. "All
without a difference" approves, in one go, the proposals whose amount equals the previous
month's: nothing changed that needs a look."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.betalingen.audit import audit_bulk
from meedoen.uitkering.betalingen.maand import DOEL, vereis_behandelen
from meedoen.uitkering.models import Betaalvoorstel

CONCEPT = Betaalvoorstel.Status.CONCEPT
GOEDGEKEURD = Betaalvoorstel.Status.GOEDGEKEURD


@transaction.atomic
def voorstel_goedkeuren(*, actor: Actor, voorstel: Betaalvoorstel) -> Betaalvoorstel:
    vereis_behandelen(actor, voorstel.gemeente_id)
    # The lock makes a second, simultaneous approval wait and then see the new status.
    voorstel = Betaalvoorstel.objects.select_for_update().get(pk=voorstel.pk)
    if voorstel.status != CONCEPT:
        raise ValidationError(
            _("Dit voorstel is al goedgekeurd.")
            if voorstel.status in (GOEDGEKEURD, Betaalvoorstel.Status.BETAALD)
            else _("Dit voorstel is vervangen door een nieuwer voorstel.")
        )
    voorstel.status = GOEDGEKEURD
    voorstel.goedgekeurd_door = actor.user
    voorstel.goedgekeurd_op = timezone.now()
    voorstel.save(update_fields=["status", "goedgekeurd_door", "goedgekeurd_op", "gewijzigd_op"])
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=voorstel,
        persoon_id=voorstel.persoon_id,
        wijzigingen={"status": [CONCEPT, GOEDGEKEURD]},
    )
    return voorstel


def zonder_verschil(qs):
    """Proposals to check whose amount equals the previous month's."""
    return qs.filter(status=CONCEPT, vorige_te_betalen_cent__isnull=False).filter(
        te_betalen_cent=F("vorige_te_betalen_cent")
    )


@transaction.atomic
def alles_zonder_verschil_goedkeuren(*, actor: Actor, gemeente, maand) -> int:
    """Approve every proposal of the gemeente for `maand` without a difference; returns how
    many."""
    vereis_behandelen(actor, gemeente.pk)
    maand = maanden.maand_van(maand)
    selectie = zonder_verschil(Betaalvoorstel.objects.filter(gemeente=gemeente, maand=maand))
    # Locked rows: a proposal superseded or approved meanwhile is not approved twice.
    voorstellen = list(selectie.select_for_update().only("pk", "gemeente_id", "persoon_id"))
    if not voorstellen:
        return 0
    nu = timezone.now()
    selectie.update(
        status=GOEDGEKEURD, goedgekeurd_door=actor.user, goedgekeurd_op=nu, gewijzigd_op=nu
    )
    audit_bulk(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        regels=((v, v.persoon_id, {"status": [CONCEPT, GOEDGEKEURD]}) for v in voorstellen),
    )
    return len(voorstellen)
