"""Deciding on an application: the consulent computes, decides and states the grounds; a
decision above the gemeente's four-eyes limit, or with a manual correction, waits for a second
person. Only a final decision moves the application's status and produces the beschikking."""

import datetime as dt

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.money import parse_amount
from meedoen.rules.periods import last_period
from meedoen.rules.situation import SituationError
from meedoen.ui.templatetags.mdn import datum as datum_tekst
from meedoen.uitkering import selectors as uitkering_selectors
from meedoen.uitkering.aanvraag import bedragen, bezwaar, statusflow
from meedoen.uitkering.aanvraag import gegevens as gegevens_
from meedoen.uitkering.aanvraag.beschikking import beschikking_vastleggen
from meedoen.uitkering.aanvraag.selectors import beleid_van
from meedoen.uitkering.aanvraag.services import (
    controleer_ingangsdatum,
    status_wijzigen,
    vereis_behandelen,
)
from meedoen.uitkering.aanvraag.verplichtingen import verplichtingen_voor
from meedoen.uitkering.models import Aanvraag, Besluit

DOEL = "besluit bijstand"
# A decision without a calculation (buiten behandeling) keeps these empty.
LEGE_JSON = ["situatie", "berekening"]
SOORTEN_OP_AANVRAAG = (
    Besluit.Soort.TOEKENNING,
    Besluit.Soort.AFWIJZING,
    Besluit.Soort.BUITEN_BEHANDELING,
)


def rekenmaand(datum: dt.date) -> str:
    return datum.strftime("%Y-%m")


def laatste_bekende_maand() -> dt.date | None:
    """The first day of the last month whose legal amounts are known (None: no end)."""
    laatste = last_period()
    if laatste is None:
        return None
    jaar, maand = (int(x) for x in laatste.split("-"))
    return dt.date(jaar, maand, 1)


def berekenen(*, actor: Actor, aanvraag: Aanvraag, ingangsdatum: dt.date) -> tuple[dict, dict]:
    """The engine's situation and answer for the month of `ingangsdatum`, from what the
    application recorded. Raises SituationError or ParameterOntbreekt like the engine."""
    situatie = gegevens_.situatie(
        gegevens=aanvraag.gegevens,
        periode=rekenmaand(ingangsdatum),
        gemeente_code=aanvraag.gemeente.code,
    )
    return situatie, uitkering_selectors.berekening(actor=actor, situatie=situatie)


def _berekenen_voor_toekenning(actor: Actor, aanvraag: Aanvraag, ingangsdatum: dt.date):
    """As `berekenen`, but a month the engine cannot compute is a clear message on the start
    date (what is missing, who adds it), never an error page or another month's amount."""
    if melding := bedragen.ontbrekende_bedragen(ingangsdatum):
        raise _fout("ingangsdatum", melding)
    try:
        return berekenen(actor=actor, aanvraag=aanvraag, ingangsdatum=ingangsdatum)
    except ParameterOntbreekt as exc:
        raise _fout(
            "ingangsdatum",
            _(
                "Voor %(maand)s ontbreekt een bedrag in de rekenregels (%(parameter)s). Vraag "
                "de functioneel beheerder om het gepubliceerde bedrag toe te voegen."
            )
            % {"maand": bedragen.maandnaam(ingangsdatum), "parameter": exc.parameter},
        ) from exc
    except SituationError as exc:
        meldingen = [m["nl"] for ms in exc.errors.values() for m in ms]
        raise _fout("ingangsdatum", " ".join(meldingen)) from exc


def vier_ogen_nodig(*, gemeente, bedrag_cent: int | None, correctie_cent: int) -> bool:
    if bedrag_cent is None:
        return False
    return correctie_cent != 0 or bedrag_cent > beleid_van(gemeente).vier_ogen_grens_cent


def _audit(actor, actie, besluit, na: dict, voor: dict | None = None) -> None:
    audit_vastleggen(
        actor=actor,
        actie=actie,
        doel=DOEL,
        obj=besluit,
        persoon_id=besluit.persoon_id,
        gemeente=besluit.gemeente,
        wijzigingen=wijzigingen_tussen(voor or {}, na),
    )


def _fout(veld: str | None, tekst: str) -> ValidationError:
    return ValidationError({veld or NON_FIELD_ERRORS: tekst})


def _controleer_toekenning(aanvraag: Aanvraag, ingangsdatum, correctie_cent, correctie_reden):
    if ingangsdatum is None:
        raise _fout("ingangsdatum", _("Vul de ingangsdatum in."))
    controleer_ingangsdatum(
        ingangsdatum=ingangsdatum,
        ontvangen_op=aanvraag.ontvangen_op,
        gemeente=aanvraag.gemeente,
        veld="ingangsdatum",
    )
    if aanvraag.zoektermijn_tot and ingangsdatum < aanvraag.zoektermijn_tot:
        raise _fout(
            "ingangsdatum",
            _(
                "De inwoner is jonger dan 27. Bijstand kan pas ingaan na de zoektermijn van 4 "
                "weken, dus op of na %(datum)s (Participatiewet art. 41 lid 4)."
            )
            % {"datum": datum_tekst(aanvraag.zoektermijn_tot)},
        )
    if correctie_cent and not correctie_reden.strip():
        raise _fout("correctie_reden", _("Schrijf op waarom u het bedrag aanpast."))


@transaction.atomic
def besluit_nemen(
    *,
    actor: Actor,
    aanvraag: Aanvraag,
    soort: str,
    gronden: str,
    ingangsdatum: dt.date | None = None,
    correctie_cent: int = 0,
    correctie_reden: str = "",
    nu: dt.datetime | None = None,
) -> Besluit:
    """Decide on an application under investigation. A toekenning pays the engine's benefit
    for the month of the start date plus the correction; it is final at once unless four eyes
    are needed. The calculation is made here again from the stored data (never taken from the
    browser) and kept with the decision."""
    vereis_behandelen(actor, aanvraag.gemeente_id)
    nu = nu or timezone.now()
    aanvraag = (
        Aanvraag.objects.select_for_update()
        .select_related("gemeente", "persoon")
        .get(pk=aanvraag.pk)
    )
    if aanvraag.status != Aanvraag.Status.IN_ONDERZOEK:
        raise _fout(
            None,
            _("Neem de aanvraag eerst in onderzoek.")
            if aanvraag.status == Aanvraag.Status.INGEDIEND
            else _("Over deze aanvraag is al besloten."),
        )
    if aanvraag.besluiten.filter(status=Besluit.Status.WACHT_OP_ACCORDERING).exists():
        raise _fout(None, _("Er wacht al een besluit op accordering door een collega."))
    if soort not in SOORTEN_OP_AANVRAAG:
        raise _fout("soort", _("Kies toekennen, afwijzen of buiten behandeling stellen."))
    if not gronden.strip():
        raise _fout("gronden", _("Schrijf op waarom u dit besluit neemt."))

    situatie, berekening, bedrag, verplichtingen = {}, {}, None, []
    if soort == Besluit.Soort.TOEKENNING:
        _controleer_toekenning(aanvraag, ingangsdatum, correctie_cent, correctie_reden)
        situatie, berekening = _berekenen_voor_toekenning(actor, aanvraag, ingangsdatum)
        bedrag = parse_amount(berekening["benefit"]) + correctie_cent
        if bedrag <= 0:
            raise _fout(
                None,
                _(
                    "Volgens de berekening is er geen recht op bijstand. Wijs de aanvraag af, of "
                    "controleer de gegevens."
                ),
            )
        verplichtingen = verplichtingen_voor(persoon=aanvraag.persoon, datum=ingangsdatum)
    else:
        # An afwijzing or buiten behandeling has no amount; a correction does not apply.
        ingangsdatum, correctie_cent, correctie_reden = None, 0, ""
        if soort == Besluit.Soort.AFWIJZING:
            situatie, berekening = _berekening_bij_afwijzing(actor, aanvraag)

    wacht = vier_ogen_nodig(
        gemeente=aanvraag.gemeente, bedrag_cent=bedrag, correctie_cent=correctie_cent
    )
    beleid = beleid_van(aanvraag.gemeente)
    besluit = Besluit(
        gemeente_id=aanvraag.gemeente_id,
        aanvraag=aanvraag,
        persoon_id=aanvraag.persoon_id,
        huishouden_id=aanvraag.huishouden_id,
        soort=soort,
        status=Besluit.Status.WACHT_OP_ACCORDERING if wacht else Besluit.Status.VASTGESTELD,
        ingangsdatum=ingangsdatum,
        bedrag_per_maand_cent=bedrag,
        situatie=situatie,
        berekening=berekening,
        correctie_cent=correctie_cent,
        correctie_reden=correctie_reden.strip(),
        gronden=gronden.strip(),
        verplichtingen=verplichtingen,
        iban=aanvraag.iban,
        tenaamstelling=aanvraag.tenaamstelling,
        contactpersoon=actor.naam,
        contact_telefoon=beleid.telefoonnummer,
        beslist_door=actor.user,
        beslist_op=nu,
    )
    besluit.full_clean(exclude=LEGE_JSON)
    besluit.save()
    _audit(
        actor,
        Actie.AANGEMAAKT,
        besluit,
        {
            "soort": soort,
            "status": besluit.status,
            "ingangsdatum": ingangsdatum,
            "bedrag_per_maand_cent": bedrag,
            "correctie_cent": correctie_cent,
            "correctie_reden": besluit.correctie_reden or None,
            "aanvraag": aanvraag.pk,
        },
    )
    if not wacht:
        _vaststellen(actor, besluit)
    return besluit


def _berekening_bij_afwijzing(actor: Actor, aanvraag: Aanvraag) -> tuple[dict, dict]:
    """The calculation an afwijzing may rest on (assets above the limit, income above the
    norm) for the requested start month. An afwijzing can have other grounds, so a month
    without known amounts is no reason to refuse it: it is then stored without a calculation
    (never with another month's amounts)."""
    if not bedragen.bekend(aanvraag.gewenste_ingangsdatum):
        return {}, {}
    try:
        return berekenen(
            actor=actor, aanvraag=aanvraag, ingangsdatum=aanvraag.gewenste_ingangsdatum
        )
    except (SituationError, ParameterOntbreekt):
        return {}, {}


def _vaststellen(actor: Actor, besluit: Besluit) -> None:
    """A final decision: the application gets its outcome and the resident their letter."""
    status_wijzigen(
        actor=actor,
        aanvraag=besluit.aanvraag,
        naar=statusflow.STATUS_NA_BESLUIT[besluit.soort],
        reden=_("Besluit vastgesteld"),
        besluit=besluit,
    )
    beschikking_vastleggen(actor=actor, besluit=besluit)
    # After a gegrond bezwaar: this is the decision that replaces the revoked one.
    bezwaar.nieuw_besluit_vastleggen(besluit)


def _vergrendeld_wachtend(actor: Actor, besluit: Besluit) -> Besluit:
    actor.vereis(Bevoegdheid.UITKERING_ACCORDEREN)
    if besluit.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    # Lock the row: of two people approving at the same moment, the second waits here and
    # then sees the decision is no longer waiting.
    besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
    if besluit.status != Besluit.Status.WACHT_OP_ACCORDERING:
        raise _fout(
            None,
            _("Dit besluit wacht niet (meer) op accordering. Het is %(status)s.")
            % {"status": str(Besluit.Status(besluit.status).label).lower()},
        )
    if besluit.beslist_door_id == actor.user.pk:
        raise _fout(
            None,
            _(
                "U heeft dit besluit zelf genomen. Een collega moet het accorderen: vier ogen "
                "zien meer dan twee."
            ),
        )
    return besluit


@transaction.atomic
def besluit_accorderen(
    *, actor: Actor, besluit: Besluit, toelichting: str = "", nu: dt.datetime | None = None
) -> Besluit:
    """The second person approves: the decision becomes final."""
    besluit = _vergrendeld_wachtend(actor, besluit)
    besluit.status = Besluit.Status.VASTGESTELD
    besluit.geaccordeerd_door = actor.user
    besluit.geaccordeerd_op = nu or timezone.now()
    besluit.accordering_toelichting = toelichting.strip()
    besluit.full_clean(exclude=LEGE_JSON)
    besluit.save()
    _audit(
        actor,
        Actie.GEWIJZIGD,
        besluit,
        {"status": besluit.status, "geaccordeerd_door": actor.naam},
        voor={"status": Besluit.Status.WACHT_OP_ACCORDERING, "geaccordeerd_door": None},
    )
    _vaststellen(actor, besluit)
    return besluit


@transaction.atomic
def besluit_terugsturen(
    *, actor: Actor, besluit: Besluit, reden: str, nu: dt.datetime | None = None
) -> Besluit:
    """The second person does not approve and says why; the consulent can decide again."""
    if not reden.strip():
        raise _fout("reden", _("Schrijf op wat er anders moet."))
    besluit = _vergrendeld_wachtend(actor, besluit)
    besluit.status = Besluit.Status.TERUGGESTUURD
    # The reviewer is recorded in the same fields as an approver (a different person, too).
    besluit.geaccordeerd_door = actor.user
    besluit.geaccordeerd_op = nu or timezone.now()
    besluit.accordering_toelichting = reden.strip()
    besluit.full_clean(exclude=LEGE_JSON)
    besluit.save()
    _audit(
        actor,
        Actie.GEWIJZIGD,
        besluit,
        {"status": besluit.status, "reden": besluit.accordering_toelichting},
        voor={"status": Besluit.Status.WACHT_OP_ACCORDERING, "reden": None},
    )
    return besluit
