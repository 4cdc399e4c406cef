"""Writes for matching: proposals and their status, the gemeente's weights and the training
catalogue. Each service checks capability and gemeente, runs full_clean() before save() and
records an audit event in the same transaction."""

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.banen.services import plaatsing_aanmaken
from meedoen.werk.banen.services.plaatsingen import overlappend
from meedoen.werk.koppelen.overgangen import OPEN, mag_naar
from meedoen.werk.models import (
    MaatschappelijkeBaan,
    Opleiding,
    Plaatsing,
    Vacature,
    Voorstel,
    VoorstelStatus,
    Werkbeleid,
)

DOEL_MATCHEN = "werk: matchen en voorstellen"
DOEL_BELEID = "configuratie werkbeleid"
DOEL_OPLEIDINGEN = "opleidingencatalogus"

GEWICHT_VELDEN = (
    "gewicht_beroep_exact",
    "gewicht_beroep_verwant",
    "gewicht_vaardigheden",
    "gewicht_uren",
    "gewicht_afstand",
    "gewicht_opleiding",
    "gewicht_wensen",
)
BELEID_VELDEN = ("recht_op_werk", *GEWICHT_VELDEN)
OPLEIDING_VELDEN = (
    "naam",
    "soort",
    "aanbieder",
    "vaardigheden",
    "beroepen",
    "duur_weken",
    "kosten_cent",
    "actief",
)


def _in_bereik(actor: Actor, gemeente_id: int) -> None:
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def _snapshot(obj, velden) -> dict[str, Any]:
    return {v: getattr(obj, v) for v in velden}


# Proposals -----------------------------------------------------------------------------------


@transaction.atomic
def voorstel_doen(
    *,
    actor: Actor,
    persoon,
    vacature: Vacature | None = None,
    baan: MaatschappelijkeBaan | None = None,
    score: Decimal | float | None,
    redenen: Sequence[Mapping[str, Any]],
    toelichting: str = "",
) -> Voorstel:
    """Propose a resident for an open vacancy or a maatschappelijke baan. The score and reasons
    are kept as they were at this moment, so the report can later compare them with what
    happened. One open proposal per resident and place."""
    actor.vereis(Bevoegdheid.MATCHEN)
    _in_bereik(actor, persoon.gemeente_id)
    if (vacature is None) == (baan is None):
        raise ValidationError(_("Kies een vacature of een maatschappelijke baan."))
    plek = vacature or baan
    _in_bereik(actor, plek.gemeente_id)
    if vacature is not None:
        vacature = Vacature.objects.select_for_update().get(pk=vacature.pk)
        if vacature.status != Vacature.Status.OPEN:
            raise ValidationError(
                {"vacature": _("Deze vacature is niet meer open: voorstellen kan niet meer.")}
            )
    dubbel = Voorstel.objects.filter(persoon=persoon, vacature=vacature, baan=baan, status__in=OPEN)
    if dubbel.exists():
        raise ValidationError(_("Deze inwoner is hier al voorgesteld; dat voorstel loopt nog."))
    voorstel = Voorstel(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        vacature=vacature,
        baan=baan,
        status=Voorstel.Status.VOORGESTELD,
        score=None if score is None else Decimal(str(score)).quantize(Decimal("0.1")),
        redenen=[dict(r) for r in redenen],
        voorgesteld_door=actor.user,
    )
    voorstel.full_clean()
    voorstel.save()
    _status_rij(actor, voorstel, Voorstel.Status.VOORGESTELD, toelichting=toelichting)
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL_MATCHEN,
        obj=voorstel,
        persoon_id=persoon.pk,
        wijzigingen=wijzigingen_tussen(
            {},
            {
                "vacature": vacature,
                "baan": baan,
                "status": voorstel.status,
                "score": voorstel.score,
                "toelichting": toelichting.strip() or None,
            },
        ),
    )
    return voorstel


def _status_rij(actor, voorstel, status, *, afwijsreden="", toelichting="") -> VoorstelStatus:
    rij = VoorstelStatus(
        voorstel=voorstel,
        status=status,
        afwijsreden=afwijsreden.strip(),
        toelichting=toelichting.strip(),
        door=actor.user,
    )
    rij.full_clean()
    rij.save()
    return rij


def _vergrendeld(actor: Actor, voorstel: Voorstel) -> Voorstel:
    actor.vereis(Bevoegdheid.MATCHEN)
    _in_bereik(actor, voorstel.gemeente_id)
    # Lock: two people recording an outcome at once cannot both move the same proposal.
    return Voorstel.objects.select_for_update().get(pk=voorstel.pk)


def _overgang_controleren(voorstel: Voorstel, naar: str) -> None:
    if not mag_naar(voorstel.status, naar):
        raise ValidationError(
            {
                "status": _("Een voorstel met status %(van)s kan niet naar %(naar)s.")
                % {
                    "van": Voorstel.Status(voorstel.status).label,
                    "naar": Voorstel.Status(naar).label,
                }
            }
        )


def _status_zetten(actor, voorstel, naar, *, afwijsreden="", toelichting="") -> Voorstel:
    van = voorstel.status
    _status_rij(actor, voorstel, naar, afwijsreden=afwijsreden, toelichting=toelichting)
    voorstel.status = naar
    voorstel.full_clean()
    voorstel.save(update_fields=["status", "gewijzigd_op"])
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL_MATCHEN,
        obj=voorstel,
        persoon_id=voorstel.persoon_id,
        wijzigingen=wijzigingen_tussen(
            {"status": van},
            {
                "status": naar,
                "afwijsreden": afwijsreden.strip() or None,
                "toelichting": toelichting.strip() or None,
            },
        ),
    )
    return voorstel


@transaction.atomic
def voorstel_status_wijzigen(
    *, actor: Actor, voorstel: Voorstel, status: str, afwijsreden: str = "", toelichting: str = ""
) -> Voorstel:
    """Record the next step of a proposal: an interview, or a rejection with its reason.
    Placing goes through voorstel_geplaatst (it needs a start date and creates the placement)."""
    voorstel = _vergrendeld(actor, voorstel)
    _overgang_controleren(voorstel, status)
    if status == Voorstel.Status.GEPLAATST:
        raise ValidationError({"begindatum": _("Vul de begindatum van het werk in.")})
    if status == Voorstel.Status.AFGEWEZEN and not afwijsreden.strip():
        raise ValidationError({"afwijsreden": _("Schrijf op waarom het niet doorgaat.")})
    return _status_zetten(actor, voorstel, status, afwijsreden=afwijsreden, toelichting=toelichting)


@transaction.atomic
def voorstel_geplaatst(
    actor: Actor,
    voorstel: Voorstel,
    begindatum: dt.date,
    *,
    uren_per_week: int | None = None,
    einddatum: dt.date | None = None,
    toelichting: str = "",
) -> Plaatsing:
    """The proposal led to work: record "geplaatst", create the placement (the banen part checks
    capacity and, for a maatschappelijke baan, the verdringingstoets) and mark the vacancy
    "vervuld" once all its places are taken."""
    voorstel = _vergrendeld(actor, voorstel)
    _overgang_controleren(voorstel, Voorstel.Status.GEPLAATST)
    plek = voorstel.vacature or voorstel.baan
    plaatsing = plaatsing_aanmaken(
        actor,
        persoon=voorstel.persoon,
        soort=Plaatsing.Soort.REGULIER
        if voorstel.vacature_id
        else Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN,
        vacature=voorstel.vacature,
        baan=voorstel.baan,
        voorstel=voorstel,
        begindatum=begindatum,
        einddatum=einddatum,
        uren_per_week=uren_per_week or plek.uren_per_week,
    )
    _status_zetten(actor, voorstel, Voorstel.Status.GEPLAATST, toelichting=toelichting)
    if voorstel.vacature_id:
        _vacature_bijwerken(actor, voorstel.vacature_id, begindatum)
    return plaatsing


def _vacature_bijwerken(actor: Actor, vacature_id, begindatum: dt.date) -> None:
    vacature = Vacature.objects.select_for_update().get(pk=vacature_id)
    bezet = vacature.plaatsingen.filter(overlappend(begindatum, None)).count()
    if bezet >= vacature.plaatsen and vacature.status == Vacature.Status.OPEN:
        vacature.status = Vacature.Status.VERVULD
        vacature.full_clean()
        vacature.save(update_fields=["status", "gewijzigd_op"])
        audit_vastleggen(
            actor=actor,
            actie=Actie.GEWIJZIGD,
            doel=DOEL_MATCHEN,
            obj=vacature,
            wijzigingen={"status": [Vacature.Status.OPEN.value, Vacature.Status.VERVULD.value]},
        )


# Weights per gemeente ------------------------------------------------------------------------


def werkbeleid_van(*, gemeente) -> Werkbeleid:
    """The gemeente's policy, or the model's defaults (unsaved) when none was set."""
    return Werkbeleid.objects.filter(gemeente=gemeente).first() or Werkbeleid(gemeente=gemeente)


@transaction.atomic
def werkbeleid_opslaan(*, actor: Actor, gemeente, gegevens: Mapping[str, Any]) -> Werkbeleid:
    actor.vereis(Bevoegdheid.BEHEER)
    _in_bereik(actor, gemeente.pk)
    beleid = Werkbeleid.objects.select_for_update().filter(gemeente=gemeente).first()
    nieuw = beleid is None
    beleid = beleid or Werkbeleid(gemeente=gemeente)
    voor = {} if nieuw else _snapshot(beleid, BELEID_VELDEN)
    for veld in BELEID_VELDEN:
        if veld in gegevens:
            setattr(beleid, veld, gegevens[veld])
    beleid.full_clean()
    if not any(getattr(beleid, v) for v in GEWICHT_VELDEN):
        # with every weight 0 no score can be computed
        raise ValidationError(_("Geef minstens één onderdeel een gewicht boven 0."))
    beleid.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        doel=DOEL_BELEID,
        obj=beleid,
        gemeente=gemeente,
        wijzigingen=wijzigingen_tussen(voor, _snapshot(beleid, BELEID_VELDEN)),
    )
    return beleid


# Training catalogue --------------------------------------------------------------------------


def mag_opleidingen_beheren(actor: Actor) -> bool:
    return actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN) or actor.mag(Bevoegdheid.BEHEER)


@transaction.atomic
def opleiding_opslaan(
    *, actor: Actor, gemeente, gegevens: Mapping[str, Any], opleiding: Opleiding | None = None
) -> Opleiding:
    if not mag_opleidingen_beheren(actor):
        raise Geweigerd(Bevoegdheid.WERKGEVERS_BEHEREN)
    _in_bereik(actor, gemeente.pk)
    nieuw = opleiding is None
    opleiding = opleiding or Opleiding(gemeente=gemeente)
    if opleiding.gemeente_id != gemeente.pk:
        raise Geweigerd("andere gemeente")
    voor = {} if nieuw else _snapshot(opleiding, OPLEIDING_VELDEN)
    for veld in OPLEIDING_VELDEN:
        if veld in gegevens:
            setattr(opleiding, veld, gegevens[veld])
    opleiding.full_clean()
    opleiding.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        doel=DOEL_OPLEIDINGEN,
        obj=opleiding,
        wijzigingen=wijzigingen_tussen(voor, _snapshot(opleiding, OPLEIDING_VELDEN)),
    )
    return opleiding
