"""Four eyes on bijzondere bijstand: a toekenning above the gemeente's limit
(Inkomensbeleid.bijzondere_vier_ogen_grens_cent) or with a maatwerk amount waits for a second
person. That colleague approves (the toekenning becomes final, the letter is made and the next
payment run pays it) or sends it back with a reason (the consulent decides again). Never the
person who decided: checked here and by the database (constraint bijzondere_vier_ogen)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.bijzondere.brief import bijzondere_brief_opslaan
from meedoen.uitkering.models import BijzondereBijstand

DOEL = "bijzondere bijstand"
WACHT = BijzondereBijstand.Status.WACHT_OP_ACCORDERING


def _vergrendeld_wachtend(actor: Actor, aanvraag: BijzondereBijstand) -> BijzondereBijstand:
    actor.vereis(Bevoegdheid.UITKERING_ACCORDEREN)
    if aanvraag.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    # Of two people approving at the same moment, the second waits here and then sees that the
    # decision no longer waits.
    aanvraag = BijzondereBijstand.objects.select_for_update().get(pk=aanvraag.pk)
    if aanvraag.status != WACHT:
        raise ValidationError(
            _("Dit besluit wacht niet (meer) op accordering. Het is %(status)s.")
            % {"status": str(BijzondereBijstand.Status(aanvraag.status).label).lower()}
        )
    if aanvraag.beslist_door_id == actor.user.pk:
        raise ValidationError(
            _(
                "U heeft dit besluit zelf genomen. Een collega moet het accorderen: vier ogen "
                "zien meer dan twee."
            )
        )
    return aanvraag


def _audit(actor: Actor, aanvraag: BijzondereBijstand, wijzigingen: dict) -> None:
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=aanvraag,
        persoon_id=aanvraag.persoon_id,
        wijzigingen=wijzigingen,
    )


@transaction.atomic
def accorderen(
    *, actor: Actor, aanvraag: BijzondereBijstand, toelichting: str = ""
) -> BijzondereBijstand:
    """The colleague approves: the toekenning is final, the letter is made, the run pays it."""
    aanvraag = _vergrendeld_wachtend(actor, aanvraag)
    aanvraag.status = BijzondereBijstand.Status.TOEGEKEND
    aanvraag.toegekend_cent = aanvraag.voorgesteld_cent
    aanvraag.geaccordeerd_door = actor.user
    aanvraag.geaccordeerd_op = timezone.now()
    aanvraag.accordering_toelichting = toelichting.strip()
    aanvraag.full_clean()
    aanvraag.save()
    bijzondere_brief_opslaan(aanvraag=aanvraag)
    _audit(
        actor,
        aanvraag,
        {
            "status": [WACHT, aanvraag.status],
            "toegekend_cent": [None, aanvraag.toegekend_cent],
            "geaccordeerd_door": [None, actor.naam],
        },
    )
    return aanvraag


@transaction.atomic
def terugsturen(*, actor: Actor, aanvraag: BijzondereBijstand, reden: str) -> BijzondereBijstand:
    """The colleague does not approve and says why; the request is undecided again."""
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": _("Schrijf op wat er anders moet.")})
    aanvraag = _vergrendeld_wachtend(actor, aanvraag)
    voorgesteld = aanvraag.voorgesteld_cent
    aanvraag.status = BijzondereBijstand.Status.INGEDIEND
    aanvraag.voorgesteld_cent = None
    aanvraag.maatwerk_reden = ""
    # Who sent it back, and why, in the approver's fields (also a different person).
    aanvraag.geaccordeerd_door = actor.user
    aanvraag.geaccordeerd_op = timezone.now()
    aanvraag.accordering_toelichting = reden
    aanvraag.full_clean()
    aanvraag.save()
    _audit(
        actor,
        aanvraag,
        {
            "status": [WACHT, aanvraag.status],
            "voorgesteld_cent": [voorgesteld, None],
            "reden": [None, reden],
        },
    )
    return aanvraag
