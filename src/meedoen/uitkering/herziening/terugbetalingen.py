"""Payments the resident makes to the gemeente towards a recovery (zelf betalen), as a
consulent records them from the bank statement. A payment cannot be more than what is still
owed; it is never edited or deleted: a mistake is undone by a reversing entry with a reason.
The recovery is 'afgelost' once nothing is left, and 'lopend' again when a reversal reopens
it."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.money import format_euro_nl
from meedoen.uitkering.herziening import verrekening
from meedoen.uitkering.models import Terugbetaling, Terugvordering

DOEL = "herziening"


def _vergrendeld(actor: Actor, terugvordering: Terugvordering) -> Terugvordering:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    if terugvordering.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    return Terugvordering.objects.select_for_update().get(pk=terugvordering.pk)


def _vastleggen(*, actor: Actor, betaling: Terugbetaling) -> None:
    betaling.full_clean()
    betaling.save()
    verrekening.terugvordering_status_bijwerken(terugvordering=betaling.terugvordering)
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL,
        obj=betaling,
        persoon_id=betaling.terugvordering.persoon_id,
        wijzigingen={
            "terugvordering": [None, str(betaling.terugvordering_id)],
            "ontvangen_op": [None, betaling.ontvangen_op.isoformat()],
            "bedrag_cent": [None, betaling.bedrag_cent],
            "correctie_van": [None, str(betaling.correctie_van_id or "") or None],
            "toelichting": [None, betaling.toelichting],
        },
    )


@transaction.atomic
def terugbetaling_registreren(
    *,
    actor: Actor,
    terugvordering: Terugvordering,
    ontvangen_op: dt.date,
    bedrag_cent: int,
    toelichting: str = "",
) -> Terugbetaling:
    """Record a payment received from the resident."""
    terugvordering = _vergrendeld(actor, terugvordering)
    if terugvordering.status != Terugvordering.Status.LOPEND:
        raise ValidationError(
            _("Deze terugvordering loopt niet meer: ze is afgelost of kwijtgescholden.")
        )
    fouten = {}
    if ontvangen_op > timezone.localdate():
        fouten["ontvangen_op"] = _("De datum van ontvangst kan niet in de toekomst liggen.")
    rest = verrekening.rest_cent(terugvordering)
    if bedrag_cent <= 0:
        fouten["bedrag"] = _("Vul een bedrag in van meer dan € 0.")
    elif bedrag_cent > rest:
        fouten["bedrag"] = _(
            "Dit is meer dan er nog terugbetaald moet worden: %(rest)s. Registreer hoogstens "
            "dat bedrag. Heeft de inwoner te veel betaald? Dan moet de gemeente het verschil "
            "terugbetalen."
        ) % {"rest": format_euro_nl(rest)}
    if fouten:
        raise ValidationError(fouten)
    betaling = Terugbetaling(
        gemeente_id=terugvordering.gemeente_id,
        terugvordering=terugvordering,
        ontvangen_op=ontvangen_op,
        bedrag_cent=bedrag_cent,
        toelichting=toelichting.strip(),
        geregistreerd_door=actor.user,
    )
    _vastleggen(actor=actor, betaling=betaling)
    return betaling


@transaction.atomic
def terugbetaling_corrigeren(
    *, actor: Actor, terugbetaling: Terugbetaling, toelichting: str
) -> Terugbetaling:
    """Undo a recorded payment (for example: it was booked on the wrong person) with a
    reversing entry. The original stays visible."""
    terugvordering = _vergrendeld(actor, terugbetaling.terugvordering)
    terugbetaling = Terugbetaling.objects.select_for_update().get(pk=terugbetaling.pk)
    if terugvordering.status == Terugvordering.Status.KWIJTGESCHOLDEN:
        raise ValidationError(
            _("Deze terugvordering is kwijtgescholden. Een betaling corrigeren kan dan niet meer.")
        )
    if terugbetaling.bedrag_cent < 0:
        raise ValidationError(_("Dit is zelf een correctie. Die kunt u niet corrigeren."))
    if Terugbetaling.objects.filter(correctie_van=terugbetaling).exists():
        raise ValidationError(_("Deze betaling is al gecorrigeerd."))
    toelichting = toelichting.strip()
    if not toelichting:
        raise ValidationError({"toelichting": _("Schrijf op waarom u deze betaling corrigeert.")})
    correctie = Terugbetaling(
        gemeente_id=terugvordering.gemeente_id,
        terugvordering=terugvordering,
        ontvangen_op=terugbetaling.ontvangen_op,
        bedrag_cent=-terugbetaling.bedrag_cent,
        correctie_van=terugbetaling,
        toelichting=toelichting,
        geregistreerd_door=actor.user,
    )
    _vastleggen(actor=actor, betaling=correctie)
    return correctie
