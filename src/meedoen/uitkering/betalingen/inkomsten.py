"""The inkomstenopgave: what a household earned in one month, per person and source, with the
payslips. Staff enter it (the resident portal comes later).

One opgave per household and month (a database constraint): entering the month again corrects
it. The old rows are never deleted: they are marked replaced (`vervangen_op`, `vervangen_door`)
and keep their payslips, so what a paid month was calculated on stays visible and downloadable
(the opgave page's history, the proposal page). Only current rows count in any calculation
(`Inkomstenregel.objects`). The audit event keeps the amounts before and after, and then:

- the month was not paid yet: its proposal is made again (`maand.voorstel_herberekenen`);
- the month was paid: the proposal stays as paid, and the herziening checks the month
  again (an overpayment becomes a proposed herziening, never an automatic recovery).

Payslips are checked on size and content (PDF, JPEG or PNG, at most 10 MB; the same rules and
messages as bijzondere bijstand's evidence) and stored under a random name. They are only
served through `selectors.loonstrook` and an audited view, never as public media."""

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients import selectors as clients_selectors
from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.bijzondere.bestanden import valideer_bewijs, veilige_naam
from meedoen.uitkering.herziening import services as herziening_services
from meedoen.uitkering.models import (
    Betaalvoorstel,
    Herziening,
    Inkomstenopgave,
    Inkomstenregel,
)

DOEL = "inkomstenopgave"
WERK = Inkomstenregel.Bron.LOON


@dataclass(frozen=True)
class Regel:
    """One row as entered. `vorige_regel_id` names a row of the opgave being corrected whose
    payslip stays with this row when no new file is chosen."""

    persoon_id: UUID
    bron: str
    netto_cent: int
    omschrijving: str = ""
    loonstrook: object | None = None  # an uploaded file
    vorige_regel_id: UUID | None = None


@dataclass
class Opgaveuitkomst:
    opgave: Inkomstenopgave
    gecorrigeerd: bool
    voorstel: Betaalvoorstel | None = None
    herziening: Herziening | None = None
    # Why no new proposal was made (Dutch), e.g. the month cannot be calculated yet.
    melding: str = ""


def loonstrook_controleren(bestand) -> None:
    valideer_bewijs(bestand)


def _samenvatting(regels) -> list[dict]:
    return [
        {
            "persoon": str(r.persoon_id),
            "bron": r.bron,
            "omschrijving": r.omschrijving,
            "netto_cent": r.netto_cent,
            "loonstrook": bool(r.loonstrook),
        }
        for r in regels
    ]


def _huishouden_en_besluit(persoon, maand: dt.date):
    huishouden = clients_selectors.huishouden_van(persoon=persoon, datum=maand)
    besluit = (
        maand_.geldend_besluit(huishouden_id=huishouden.huishouden.pk, maand=maand)
        if huishouden
        else None
    )
    if besluit is None:
        raise ValidationError(
            {
                "maand": _(
                    "Dit huishouden heeft over %(maand)s geen vastgestelde bijstand. Kies een "
                    "maand waarin de bijstand loopt."
                )
                % {"maand": maanden.maandnaam(maand)}
            }
        )
    return huishouden, besluit


def _controleer(regels: list[Regel], leden: set, oude: dict) -> list[dict]:
    """Per-row errors ({} for a good row), so a form can show them next to each row."""
    fouten = []
    for regel in regels:
        fout = {}
        if regel.persoon_id not in leden:
            fout["persoon"] = _("Kies iemand die in deze maand bij het huishouden hoort.")
        if regel.bron not in Inkomstenregel.Bron.values:
            fout["bron"] = _("Kies de soort inkomsten.")
        if regel.netto_cent <= 0:
            fout["bedrag"] = _("Vul een bedrag in dat groter is dan € 0,00.")
        if regel.loonstrook is not None:
            try:
                loonstrook_controleren(regel.loonstrook)
            except ValidationError as exc:
                fout["loonstrook"] = " ".join(exc.messages)
        elif regel.bron == WERK:
            vorige = oude.get(regel.vorige_regel_id)
            if vorige is None or not vorige.loonstrook:
                fout["loonstrook"] = _("Voeg de loonstrook toe (PDF, JPG of PNG).")
        fouten.append(fout)
    return fouten


class Opgavefout(ValidationError):
    """Errors per row (`regelfouten`, one dict per row) besides the usual ValidationError."""

    def __init__(self, regelfouten: list[dict]) -> None:
        super().__init__(_("Verbeter de regels die rood gemarkeerd zijn."))
        self.regelfouten = regelfouten


@transaction.atomic
def inkomstenopgave_opslaan(
    *,
    actor: Actor,
    persoon,
    maand: dt.date,
    regels: list[Regel],
    toelichting: str = "",
) -> Opgaveuitkomst:
    """Record (or correct) the household's income for `maand` and update its proposal."""
    maand_.vereis_behandelen(actor, persoon.gemeente_id)
    maand = maanden.maand_van(maand)
    huishouden, besluit = _huishouden_en_besluit(persoon, maand)
    leden = {
        lid.persoon_id
        for lid in clients_selectors.samenstelling_op(huishouden=huishouden.huishouden, datum=maand)
    }
    opgave = (
        Inkomstenopgave.objects.select_for_update()
        .filter(huishouden=huishouden.huishouden, maand=maand)
        .first()
    )
    oude = {r.pk: r for r in opgave.regels.all()} if opgave else {}
    fouten = _controleer(regels, leden, oude)
    if any(fouten):
        raise Opgavefout(fouten)

    gecorrigeerd = opgave is not None
    voor = _samenvatting(oude.values())
    toelichting_voor = opgave.toelichting if gecorrigeerd else None
    if opgave is None:
        opgave = Inkomstenopgave(
            gemeente_id=besluit.gemeente_id,
            huishouden=huishouden.huishouden,
            persoon_id=besluit.persoon_id,
            maand=maand,
            ingevoerd_door=actor.user,
            toelichting=toelichting.strip(),
        )
    else:
        opgave.ingevoerd_door = actor.user
        opgave.toelichting = toelichting.strip()
    opgave.full_clean()
    opgave.save()

    nieuwe = []
    for regel in regels:
        rij = Inkomstenregel(
            opgave=opgave,
            persoon_id=regel.persoon_id,
            bron=regel.bron,
            omschrijving=regel.omschrijving.strip(),
            netto_cent=regel.netto_cent,
        )
        if regel.loonstrook is not None:
            veilige_naam(regel.loonstrook)
            rij.loonstrook.save(regel.loonstrook.name, regel.loonstrook, save=False)
        elif regel.vorige_regel_id in oude and oude[regel.vorige_regel_id].loonstrook:
            rij.loonstrook = oude[regel.vorige_regel_id].loonstrook.name
        rij.full_clean()
        nieuwe.append(rij)
    # The rows entered before stay, marked replaced, with their payslips (evidence of what
    # was known when a month was paid); a payslip kept for a new row is shared by both.
    Inkomstenregel.objects.filter(opgave=opgave).update(
        vervangen_op=timezone.now(), vervangen_door=actor.user
    )
    for rij in nieuwe:
        rij.save()

    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD if gecorrigeerd else Actie.AANGEMAAKT,
        doel=DOEL,
        obj=opgave,
        persoon_id=opgave.persoon_id,
        wijzigingen={
            "regels": [voor if gecorrigeerd else None, _samenvatting(nieuwe)],
            "toelichting": [toelichting_voor, opgave.toelichting],
        }
        | ({} if gecorrigeerd else {"maand": [None, maand.isoformat()]}),
    )
    uitkomst = Opgaveuitkomst(opgave=opgave, gecorrigeerd=gecorrigeerd)
    betaald = (
        Betaalvoorstel.objects.filter(
            huishouden=huishouden.huishouden, maand=maand, status=Betaalvoorstel.Status.BETAALD
        )
        .select_related("persoon", "huishouden")
        .first()
    )
    if betaald is not None:
        uitkomst.voorstel = betaald
        uitkomst.herziening = herziening_services.inkomstenopgave_gewijzigd(
            actor=actor, opgave=opgave
        )
        return uitkomst
    try:
        with transaction.atomic():
            uitkomst.voorstel = maand_.voorstel_herberekenen(
                actor=actor, huishouden=huishouden.huishouden, maand=maand
            )
    except ValidationError as exc:
        uitkomst.melding = " ".join(exc.messages)
    return uitkomst
