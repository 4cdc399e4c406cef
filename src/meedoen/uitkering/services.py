"""Setting a gemeente's income policy (functioneel beheerder, own gemeenten only)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from stdnum import bic as stdnum_bic
from stdnum.exceptions import ValidationError as StdnumFout

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.aanvraag.services import iban_normaliseren
from meedoen.uitkering.models import Inkomensbeleid

UITVOERING_VELDEN = (
    "terugwerkende_kracht_maanden",
    "vier_ogen_grens_cent",
    "telefoonnummer",
    "postadres",
    "rekening_iban",
    "rekening_bic",
    "rekening_naam",
    "vakantiegeld_maand",
)


def _vereis_beheer(actor: Actor, gemeente: Gemeente) -> None:
    actor.vereis(Bevoegdheid.BEHEER)
    if gemeente.pk not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


@transaction.atomic
def rekenvarianten_instellen(
    *, actor: Actor, gemeente: Gemeente, rekenvarianten: list[str]
) -> Inkomensbeleid:
    _vereis_beheer(actor, gemeente)
    beleid, _nieuw = Inkomensbeleid.objects.select_for_update().get_or_create(gemeente=gemeente)
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


def _bic(waarde: str) -> str:
    try:
        return stdnum_bic.validate(waarde or "")
    except StdnumFout as exc:
        raise ValidationError(
            {
                "rekening_bic": _(
                    "Deze BIC klopt niet. Een BIC heeft 8 of 11 tekens, zoals INGBNL2A."
                )
            }
        ) from exc


@transaction.atomic
def uitvoering_instellen(*, actor: Actor, gemeente: Gemeente, gegevens: dict) -> Inkomensbeleid:
    """The gemeente's settings for applications, decisions, letters and payments. The paying
    account is checked here, because a wrong one only shows when the bank refuses the file."""
    _vereis_beheer(actor, gemeente)
    try:
        iban = iban_normaliseren(gegevens["rekening_iban"])
    except ValidationError as exc:
        raise ValidationError({"rekening_iban": exc.message_dict["iban"]}) from exc
    gegevens = gegevens | {"rekening_iban": iban, "rekening_bic": _bic(gegevens["rekening_bic"])}
    beleid, _nieuw = Inkomensbeleid.objects.select_for_update().get_or_create(gemeente=gemeente)
    voor = {veld: getattr(beleid, veld) for veld in UITVOERING_VELDEN}
    for veld in UITVOERING_VELDEN:
        setattr(beleid, veld, gegevens[veld])
    beleid.full_clean()
    beleid.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel="configuratie inkomensbeleid",
        obj=beleid,
        gemeente=gemeente,
        wijzigingen=wijzigingen_tussen(voor, {v: getattr(beleid, v) for v in UITVOERING_VELDEN}),
    )
    return beleid
