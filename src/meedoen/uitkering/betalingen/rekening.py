"""A resident asks to be paid on another account. The decision keeps the account it was taken
with; from the chosen month the payment runs use the new one (`Rekeningen.voor`). A month that
is paid, or sits in a run a colleague already approved, keeps its account: changing where
approved money goes would bypass the four eyes."""

import datetime as dt
from collections import defaultdict

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.uitkering.aanvraag.selectors import huidige_toekenning
from meedoen.uitkering.aanvraag.services import iban_normaliseren
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.betalingen.maand import vereis_behandelen
from meedoen.uitkering.models import Betaalopdracht, Betaalrun, Betaling, Rekeningwijziging

DOEL = "rekeningnummer wijzigen"
GOEDGEKEURD = (Betaalrun.Status.GEACCORDEERD, Betaalrun.Status.IN_UITVOERING)


class Rekeningen:
    """The account changes of one gemeente, read once for a whole run."""

    def __init__(self, *, gemeente_id: int):
        self._per_huishouden = defaultdict(list)
        for wijziging in Rekeningwijziging.objects.filter(gemeente_id=gemeente_id).order_by(
            "vanaf", "aangemaakt_op"
        ):
            self._per_huishouden[wijziging.huishouden_id].append(wijziging)

    def voor(self, *, huishouden_id, maand: dt.date, iban: str, naam: str) -> tuple[str, str]:
        """The account for the household's payment over `maand`: the latest change from that
        month or before, else the decision's own (`iban`, `naam`)."""
        geldend = [w for w in self._per_huishouden.get(huishouden_id, []) if w.vanaf <= maand]
        if not geldend:
            return iban, naam
        return geldend[-1].iban, geldend[-1].tenaamstelling


def huidige_rekening(*, persoon) -> tuple[str, str] | None:
    """The account the next payment goes to, for the page; None without a toekenning."""
    besluit = huidige_toekenning(persoon=persoon)
    if besluit is None:
        return None
    laatste = (
        Rekeningwijziging.objects.filter(huishouden_id=besluit.huishouden_id)
        .order_by("-vanaf", "-aangemaakt_op")
        .first()
    )
    if laatste is None:
        return besluit.iban, besluit.tenaamstelling
    return laatste.iban, laatste.tenaamstelling


@transaction.atomic
def rekening_wijzigen(
    *, actor: Actor, persoon, iban: str, tenaamstelling: str, vanaf: dt.date, reden: str = ""
) -> Rekeningwijziging:
    vereis_behandelen(actor, persoon.gemeente_id)
    besluit = huidige_toekenning(persoon=persoon)
    if besluit is None:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Deze inwoner krijgt geen bijstand op eigen naam. Er is geen rekening om te "
                    "wijzigen."
                )
            }
        )
    iban = iban_normaliseren(iban)
    vanaf = maanden.maand_van(vanaf)
    fouten = {}
    if Betaling.objects.filter(huishouden_id=besluit.huishouden_id, maand__gte=vanaf).exists():
        fouten["vanaf"] = _(
            "Over %(maand)s of later is al betaald, op de oude rekening. Kies de eerste maand "
            "die nog niet betaald is."
        ) % {"maand": maanden.maandnaam(vanaf)}
    elif Betaalopdracht.objects.filter(
        huishouden_id=besluit.huishouden_id,
        maand__gte=vanaf,
        actief=True,
        betaalrun__status__in=GOEDGEKEURD,
    ).exists():
        fouten["vanaf"] = _(
            "Een collega heeft een betaalrun met deze inwoner vanaf %(maand)s al geaccordeerd, "
            "met de oude rekening. Trek die betaalrun eerst in, of kies een latere maand."
        ) % {"maand": maanden.maandnaam(vanaf)}
    if not tenaamstelling.strip():
        fouten["tenaamstelling"] = _("Vul in op wiens naam de rekening staat.")
    if fouten:
        raise ValidationError(fouten)
    oud = huidige_rekening(persoon=persoon)
    wijziging = Rekeningwijziging(
        gemeente_id=besluit.gemeente_id,
        huishouden_id=besluit.huishouden_id,
        persoon=persoon,
        iban=iban,
        tenaamstelling=tenaamstelling.strip(),
        vanaf=vanaf,
        reden=reden,
        vastgelegd_door=actor.user,
    )
    wijziging.full_clean()
    wijziging.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL,
        obj=wijziging,
        persoon_id=persoon.pk,
        wijzigingen={
            "iban": [oud[0] if oud else None, iban],
            "vanaf": [None, vanaf.isoformat()],
        },
    )
    return wijziging
