"""Writing applications: registration, the status flow and postponing the decision. Each
service checks capability and gemeente, validates with a clear Dutch message, and records an
audit event in the same transaction."""

import datetime as dt
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumFout

from meedoen.clients import selectors as clients_selectors
from meedoen.clients.models import Huishouden
from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.roles import Bevoegdheid
from meedoen.ui.templatetags.mdn import datum as datum_tekst
from meedoen.uitkering.aanvraag import gegevens as gegevens_
from meedoen.uitkering.aanvraag import statusflow, termijnen, verdaging
from meedoen.uitkering.aanvraag.selectors import beleid_van
from meedoen.uitkering.models import Aanvraag, AanvraagStatus, Besluit

DOEL = "aanvraag bijstand"


def vereis_behandelen(actor: Actor, gemeente_id: int) -> None:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def iban_normaliseren(waarde: str) -> str:
    """A valid IBAN without spaces, in capitals; a clear message otherwise."""
    try:
        return stdnum_iban.validate(waarde or "")
    except StdnumFout as exc:
        raise ValidationError(
            {
                "iban": _(
                    "Dit IBAN klopt niet. Controleer het nummer, bijvoorbeeld "
                    "NL91 ABNA 0417 1643 00."
                )
            }
        ) from exc


def _vroegste_ingangsdatum_fout(ontvangen_op: dt.date, maanden: int) -> str:
    if maanden == 0:
        return _(
            "De ingangsdatum kan niet vóór de ontvangstdatum liggen: de gemeente geeft geen "
            "bijstand met terugwerkende kracht."
        )
    return _(
        "De ingangsdatum kan hoogstens %(maanden)s maanden vóór de ontvangstdatum liggen, dus "
        "niet vóór %(datum)s."
    ) % {
        "maanden": maanden,
        "datum": datum_tekst(termijnen.vroegste_ingangsdatum(ontvangen_op, maanden)),
    }


def controleer_ingangsdatum(
    *, ingangsdatum: dt.date, ontvangen_op: dt.date, gemeente, veld: str
) -> None:
    maanden = beleid_van(gemeente).terugwerkende_kracht_maanden
    if ingangsdatum < termijnen.vroegste_ingangsdatum(ontvangen_op, maanden):
        raise ValidationError({veld: _vroegste_ingangsdatum_fout(ontvangen_op, maanden)})


def _inkomsten(inkomsten: list[dict], toegestaan: set[str]) -> list[dict]:
    regels = []
    for regel in inkomsten:
        if str(regel["persoon_id"]) not in toegestaan:
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: _(
                        "Vul alleen inkomen in van de aanvrager en een eventuele partner."
                    )
                }
            )
        if regel["netto_cent"] < 0:
            raise ValidationError({NON_FIELD_ERRORS: _("Een bedrag kan niet negatief zijn.")})
        if regel["netto_cent"] == 0:
            continue
        regels.append(
            {
                "persoon_id": str(regel["persoon_id"]),
                "bron": str(regel["bron"]),
                "omschrijving": regel.get("omschrijving", ""),
                "netto_cent": int(regel["netto_cent"]),
            }
        )
    return regels


def _geen_andere_open_aanvraag(huishouden) -> None:
    """One open application per household: a second one would be decided and paid twice. The
    household row is locked so that two registrations at the same moment cannot both pass."""
    Huishouden.objects.select_for_update().filter(pk=huishouden.pk).first()
    lopend = (
        Aanvraag.objects.filter(huishouden=huishouden, status__in=statusflow.OPEN)
        .select_related("persoon")
        .order_by("ontvangen_op")
        .first()
    )
    if lopend is not None:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Voor dit huishouden loopt al een aanvraag: die van %(naam)s, ontvangen op "
                    "%(datum)s. Een huishouden kan maar één aanvraag tegelijk hebben. Behandel "
                    "eerst die aanvraag, of leg nieuwe gegevens daarin vast."
                )
                % {"naam": lopend.persoon.volledige_naam, "datum": datum_tekst(lopend.ontvangen_op)}
            }
        )


@transaction.atomic
def aanvraag_registreren(
    *,
    actor: Actor,
    persoon,
    ontvangen_op: dt.date,
    gewenste_ingangsdatum: dt.date,
    iban: str,
    tenaamstelling: str,
    inkomsten: list[dict],
    vermogen_cent: int,
    eigen_woning_cent: int,
    medebewoners: dict[str, dict] | None = None,
    kan_niet_terugvallen_op_ouders: bool = False,
    vrijlating_werk_maanden: int = 0,
    vrijlating_alleenstaande_ouder_maanden: int = 0,
    partner_vrijlating_werk_maanden: int = 0,
    zoektermijn_maatwerk: bool = False,
    zoektermijn_maatwerk_reden: str = "",
    vandaag: dt.date,
) -> Aanvraag:
    """Register an application for algemene bijstand with the household as it was on the
    receipt date. `inkomsten`: [{"persoon_id", "bron", "omschrijving", "netto_cent"}];
    `medebewoners`: {persoon_id: {"commerciele_huur": bool, "student": bool}}."""
    vereis_behandelen(actor, persoon.gemeente_id)
    if ontvangen_op > vandaag:
        raise ValidationError({"ontvangen_op": _("De ontvangstdatum ligt in de toekomst.")})
    controleer_ingangsdatum(
        ingangsdatum=gewenste_ingangsdatum,
        ontvangen_op=ontvangen_op,
        gemeente=persoon.gemeente,
        veld="gewenste_ingangsdatum",
    )
    iban = iban_normaliseren(iban)
    if zoektermijn_maatwerk and not zoektermijn_maatwerk_reden.strip():
        raise ValidationError(
            {"zoektermijn_maatwerk_reden": _("Schrijf op waarom de zoektermijn niet geldt.")}
        )
    if min(vermogen_cent, eigen_woning_cent) < 0:
        raise ValidationError({"vermogen": _("Een bedrag kan niet negatief zijn.")})

    huishouden = clients_selectors.huishouden_van(persoon=persoon, datum=ontvangen_op)
    if huishouden is None:
        raise ValidationError(
            {
                "ontvangen_op": _(
                    "Op deze datum hoort de inwoner niet bij een huishouden. Leg eerst het "
                    "huishouden vast in het dossier."
                )
            }
        )
    _geen_andere_open_aanvraag(huishouden.huishouden)
    indeling = gegevens_.huishouden_indelen(persoon=persoon, leden=huishouden.leden)
    indeling["aanvrager"] |= {
        "vrijlating_werk_maanden": vrijlating_werk_maanden,
        "vrijlating_alleenstaande_ouder_maanden": vrijlating_alleenstaande_ouder_maanden,
    }
    if indeling["partner"]:
        indeling["partner"] |= {
            "vrijlating_werk_maanden": partner_vrijlating_werk_maanden,
            "vrijlating_alleenstaande_ouder_maanden": 0,
        }
    keuzes = medebewoners or {}
    for mb in indeling["medebewoners"]:
        vlaggen = keuzes.get(mb["persoon_id"], {})
        mb["commerciele_huur"] = bool(vlaggen.get("commerciele_huur"))
        mb["student"] = bool(vlaggen.get("student"))
    inkomen_van = {indeling["aanvrager"]["persoon_id"]}
    if indeling["partner"]:
        inkomen_van.add(indeling["partner"]["persoon_id"])

    termijn = termijnen.beslistermijn(ontvangen_op)
    aanvraag = Aanvraag(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        huishouden=huishouden.huishouden,
        ontvangen_op=ontvangen_op,
        gewenste_ingangsdatum=gewenste_ingangsdatum,
        iban=iban,
        tenaamstelling=tenaamstelling.strip(),
        gegevens=indeling
        | {
            "peildatum": ontvangen_op.isoformat(),
            "inkomsten": _inkomsten(inkomsten, inkomen_van),
            "vermogen_cent": int(vermogen_cent),
            "eigen_woning_cent": int(eigen_woning_cent),
            "kan_niet_terugvallen_op_ouders": bool(kan_niet_terugvallen_op_ouders),
        },
        status=Aanvraag.Status.INGEDIEND,
        behandelaar=actor.user,
        beslistermijn=termijn,
        zoektermijn_tot=termijnen.zoektermijn_tot(
            geboortedatum=persoon.geboortedatum,
            ontvangen_op=ontvangen_op,
            maatwerk=zoektermijn_maatwerk,
        ),
        zoektermijn_maatwerk=zoektermijn_maatwerk,
        zoektermijn_maatwerk_reden=zoektermijn_maatwerk_reden.strip()
        if zoektermijn_maatwerk
        else "",
    )
    aanvraag.full_clean()
    aanvraag.save()
    AanvraagStatus.objects.create(
        aanvraag=aanvraag, van="", naar=Aanvraag.Status.INGEDIEND, door=actor.user
    )
    _audit(
        actor,
        Actie.AANGEMAAKT,
        aanvraag,
        {
            "ontvangen_op": ontvangen_op,
            "gewenste_ingangsdatum": gewenste_ingangsdatum,
            "beslistermijn": termijn,
            "zoektermijn_tot": aanvraag.zoektermijn_tot,
            "zoektermijn_maatwerk": zoektermijn_maatwerk,
            "status": aanvraag.status,
        },
    )
    return aanvraag


def _audit(actor, actie, aanvraag, na: dict[str, Any], voor: dict[str, Any] | None = None):
    audit_vastleggen(
        actor=actor,
        actie=actie,
        doel=DOEL,
        obj=aanvraag,
        persoon_id=aanvraag.persoon_id,
        gemeente=aanvraag.gemeente,
        wijzigingen=wijzigingen_tussen(voor or {}, na),
    )


def _vergrendeld(aanvraag: Aanvraag) -> Aanvraag:
    return Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)


def _gegrond_bezwaar_open(aanvraag: Aanvraag) -> bool:
    """The latest bezwaar was (partly) upheld and its decision not yet revoked."""
    laatste = aanvraag.bezwaren.order_by("-ontvangen_op", "-aangemaakt_op").first()
    return laatste is not None and laatste.gegrond and laatste.heroverweging_op is None


@transaction.atomic
def status_wijzigen(
    *,
    actor: Actor,
    aanvraag: Aanvraag,
    naar: str,
    reden: str = "",
    besluit: Besluit | None = None,
    vastleggen: dict[str, Any] | None = None,
) -> Aanvraag:
    """Move an application along the transition table (statusflow.OVERGANGEN); anything else
    is refused. Appends an AanvraagStatus row and an audit event (with `vastleggen`: facts that
    belong to the change, such as the date a bezwaar came in)."""
    if aanvraag.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    aanvraag = _vergrendeld(aanvraag)
    van = aanvraag.status
    regel = statusflow.overgang(van, naar)
    if regel is None:
        raise ValidationError(
            {
                "naar": _("Een aanvraag met status '%(van)s' kan niet naar '%(naar)s'.")
                % {"van": Aanvraag.Status(van).label, "naar": Aanvraag.Status(naar).label}
            }
        )
    actor.vereis_een(*regel.bevoegdheden)
    if regel.besluit_soort is not None and not (
        besluit is not None
        and besluit.aanvraag_id == aanvraag.pk
        and besluit.soort == regel.besluit_soort
        and besluit.status == Besluit.Status.VASTGESTELD
    ):
        raise ValidationError(
            {
                "naar": _(
                    "De status '%(naar)s' volgt alleen uit een vastgesteld besluit. Neem eerst "
                    "een besluit."
                )
                % {"naar": Aanvraag.Status(naar).label}
            }
        )
    if regel.na_gegrond_bezwaar and not _gegrond_bezwaar_open(aanvraag):
        raise ValidationError(
            {
                "naar": _(
                    "Opnieuw in onderzoek kan alleen na een bezwaar dat (deels) gegrond is, en "
                    "maar één keer per bezwaar."
                )
            }
        )
    if regel.reden_verplicht and not reden.strip():
        raise ValidationError({"reden": _("Schrijf kort op waarom de status verandert.")})
    aanvraag.status = naar
    if naar == Aanvraag.Status.IN_ONDERZOEK and aanvraag.behandelaar_id is None:
        aanvraag.behandelaar = actor.user
    aanvraag.full_clean()
    aanvraag.save(update_fields=["status", "behandelaar", "gewijzigd_op"])
    AanvraagStatus.objects.create(
        aanvraag=aanvraag, van=van, naar=naar, reden=reden.strip(), door=actor.user
    )
    _audit(
        actor,
        Actie.GEWIJZIGD,
        aanvraag,
        {
            "status": naar,
            "reden": reden.strip() or None,
            "besluit": besluit.pk if besluit else None,
        }
        | (vastleggen or {}),
        voor={"status": van},
    )
    return aanvraag


@transaction.atomic
def verdagen(
    *, actor: Actor, aanvraag: Aanvraag, verdaagd_tot: dt.date, reden: str, vandaag: dt.date
) -> Aanvraag:
    """Postpone the decision once, with a reason, by at most 8 weeks, and only while the term
    still runs (Awb art. 4:14). The applicant gets a letter with the new date and the reason."""
    vereis_behandelen(actor, aanvraag.gemeente_id)
    aanvraag = _vergrendeld(aanvraag)
    if aanvraag.status not in statusflow.OPEN:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Over deze aanvraag is al besloten. Verdagen kan dan niet meer.")}
        )
    if aanvraag.verdaagd_tot is not None:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "De beslistermijn is al een keer verdaagd, tot %(datum)s. Dat kan maar één "
                    "keer (Awb art. 4:14)."
                )
                % {"datum": datum_tekst(aanvraag.verdaagd_tot)}
            }
        )
    if vandaag > aanvraag.beslistermijn:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "De beslistermijn is al voorbij. Verdagen moet vóór het einde van de termijn "
                    "(Awb art. 4:14)."
                )
            }
        )
    uiterst = termijnen.uiterste_verdaging(aanvraag.beslistermijn)
    if verdaagd_tot <= aanvraag.beslistermijn:
        raise ValidationError(
            {
                "verdaagd_tot": _("Kies een datum na de huidige beslistermijn (%(datum)s).")
                % {"datum": datum_tekst(aanvraag.beslistermijn)}
            }
        )
    if verdaagd_tot > uiterst:
        raise ValidationError(
            {
                "verdaagd_tot": _("U kunt hoogstens 8 weken verdagen, dus tot en met %(datum)s.")
                % {"datum": datum_tekst(uiterst)}
            }
        )
    if not reden.strip():
        raise ValidationError(
            {
                "verdagingsreden": _(
                    "Schrijf op waarom het besluit later komt. De inwoner krijgt dit te horen."
                )
            }
        )
    aanvraag.verdaagd_tot = verdaagd_tot
    aanvraag.verdagingsreden = reden.strip()
    aanvraag.full_clean()
    aanvraag.save(update_fields=["verdaagd_tot", "verdagingsreden", "gewijzigd_op"])
    _audit(
        actor,
        Actie.GEWIJZIGD,
        aanvraag,
        {"verdaagd_tot": verdaagd_tot, "verdagingsreden": aanvraag.verdagingsreden},
        voor={"verdaagd_tot": None, "verdagingsreden": ""},
    )
    # The applicant is told, with the new date and the reason (Awb art. 4:14).
    verdaging.verdagingsbrief_vastleggen(
        actor=actor, aanvraag=aanvraag, oude_termijn=aanvraag.beslistermijn, datum=vandaag
    )
    return aanvraag
