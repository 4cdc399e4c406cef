"""Writing intakes, ZRM measurements, partners and referrals. Every write checks role and
gemeente and records an audit event in the same transaction."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid
from meedoen.intake.delen import DEELBARE_FEITEN, feiten_waarden
from meedoen.intake.models import (
    VERWIJZING_OVERGANGEN,
    Intake,
    Partner,
    Verwijzing,
    VerwijzingStatus,
    VerwijzingStatusWijziging,
    ZrmDomein,
    ZrmMeting,
    ZrmScore,
)
from meedoen.intake.stress import stresscheck

DOEL_INTAKE = "brede intake"
DOEL_VERWIJZING = "verwijzing naar partner"
INTAKE_VELDEN = (
    "schulden_totaal",
    "aantal_schuldeisers",
    "deurwaarder",
    "achterstand_huur",
    "achterstand_energie",
    "achterstand_zorgverzekering",
    "schulden_toelichting",
    "woonrisico",
    "wonen_toelichting",
    "gezondheid",
    "gezondheid_toelichting",
    "zorgtaken",
    "taal",
    "hulpvraag",
)


def _vereis_schrijven(actor: Actor, gemeente_id: int) -> None:
    actor.vereis(Bevoegdheid.DOSSIER_SCHRIJVEN)
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def _controleer_datum(datum: dt.date, vandaag: dt.date, veld: str = "datum") -> None:
    if datum > vandaag:
        raise ValidationError({veld: _("De datum ligt in de toekomst.")})


@transaction.atomic
def zrm_meting_vastleggen(
    *,
    actor: Actor,
    persoon,
    datum: dt.date,
    scores: Mapping[str, tuple[int, str]],
    vandaag: dt.date,
) -> ZrmMeting:
    """A ZRM 2017 measurement: all 13 domains, each a level 1-5 and a short note."""
    _vereis_schrijven(actor, persoon.gemeente_id)
    _controleer_datum(datum, vandaag)
    ontbrekend = [d.label for d in ZrmDomein if d.value not in scores]
    if ontbrekend:
        raise ValidationError(
            _("Vul alle domeinen van de ZRM in. Nog leeg: %(domeinen)s.")
            % {"domeinen": ", ".join(str(o) for o in ontbrekend)}
        )
    meting = ZrmMeting(
        gemeente_id=persoon.gemeente_id, persoon=persoon, datum=datum, beoordelaar=actor.user
    )
    meting.full_clean()
    meting.save()
    for domein in ZrmDomein:
        niveau, toelichting = scores[domein.value]
        if not (toelichting or "").strip():
            raise ValidationError(
                {f"zrm_{domein.value}_toelichting": _("Schrijf een korte toelichting.")}
            )
        score = ZrmScore(meting=meting, domein=domein.value, niveau=niveau, toelichting=toelichting)
        score.full_clean()
        score.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL_INTAKE,
        obj=meting,
        persoon_id=persoon.pk,
        wijzigingen={d: [None, scores[d][0]] for d in sorted(scores)},
    )
    return meting


@transaction.atomic
def intake_vastleggen(
    *,
    actor: Actor,
    persoon,
    datum: dt.date,
    zrm: Mapping[str, tuple[int, str]],
    gegevens: Mapping[str, Any],
    vandaag: dt.date,
) -> Intake:
    """Record a brede intake with its ZRM and derive the stress check from it."""
    _vereis_schrijven(actor, persoon.gemeente_id)
    meting = zrm_meting_vastleggen(
        actor=actor, persoon=persoon, datum=datum, scores=zrm, vandaag=vandaag
    )
    intake = Intake(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        datum=datum,
        afgenomen_door=actor.user,
        zrm=meting,
        **{veld: gegevens[veld] for veld in INTAKE_VELDEN if veld in gegevens},
    )
    uitslag = stresscheck(
        deurwaarder=intake.deurwaarder,
        achterstand_huur=intake.achterstand_huur,
        achterstand_energie=intake.achterstand_energie,
        achterstand_zorgverzekering=intake.achterstand_zorgverzekering,
        woonrisico=intake.woonrisico,
        zrm={d: niveau for d, (niveau, _t) in zrm.items()},
    )
    intake.eerst_stabiliteit = uitslag.eerst_stabiliteit
    intake.stress_redenen = uitslag.redenen
    intake.full_clean()
    intake.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL_INTAKE,
        obj=intake,
        persoon_id=persoon.pk,
        wijzigingen=wijzigingen_tussen(
            {},
            {
                **{veld: getattr(intake, veld) for veld in INTAKE_VELDEN},
                "eerst_stabiliteit": intake.eerst_stabiliteit,
            },
        ),
    )
    return intake


def _vereis_beheer(actor: Actor, gemeente: Gemeente) -> None:
    actor.vereis(Bevoegdheid.BEHEER)
    if gemeente.pk not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


PARTNER_VELDEN = ("naam", "soort", "contact", "actief")


@transaction.atomic
def partner_opslaan(
    *, actor: Actor, gemeente: Gemeente, gegevens: Mapping[str, Any], partner: Partner | None = None
) -> Partner:
    _vereis_beheer(actor, gemeente)
    nieuw = partner is None
    partner = partner or Partner(gemeente=gemeente)
    if partner.gemeente_id != gemeente.pk:
        raise Geweigerd("gemeente buiten bereik")
    voor = {} if nieuw else {v: getattr(partner, v) for v in PARTNER_VELDEN}
    for veld in PARTNER_VELDEN:
        if veld in gegevens:
            setattr(partner, veld, gegevens[veld])
    partner.full_clean()
    partner.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        doel="configuratie partners",
        obj=partner,
        wijzigingen=wijzigingen_tussen(voor, {v: getattr(partner, v) for v in PARTNER_VELDEN}),
    )
    return partner


@transaction.atomic
def verwijzing_versturen(
    *,
    actor: Actor,
    persoon,
    partner: Partner,
    reden: str,
    feiten: list[str],
    intake: Intake | None,
    vandaag: dt.date,
) -> Verwijzing:
    """Refer a resident to a partner, sharing only the chosen facts. The audit trail gets a
    'gedeeld' event listing exactly those facts and their values."""
    _vereis_schrijven(actor, persoon.gemeente_id)
    if partner.gemeente_id != persoon.gemeente_id or not partner.actief:
        raise ValidationError({"partner": _("Kies een actieve partner van deze gemeente.")})
    if intake is not None and intake.persoon_id != persoon.pk:
        raise ValidationError({"intake": _("Deze intake hoort bij een andere inwoner.")})
    onbekend = [f for f in feiten if f not in DEELBARE_FEITEN]
    if onbekend or not feiten:
        raise ValidationError({"feiten": _("Kies welke gegevens de partner nodig heeft.")})
    gedeeld = feiten_waarden(persoon=persoon, intake=intake, feiten=feiten)
    verwijzing = Verwijzing(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        partner=partner,
        intake=intake,
        reden=reden,
        gedeelde_feiten=gedeeld,
        status=VerwijzingStatus.VERSTUURD,
        status_sinds=vandaag,
        verwezen_door=actor.user,
    )
    verwijzing.full_clean()
    verwijzing.save()
    VerwijzingStatusWijziging.objects.create(
        verwijzing=verwijzing, status=VerwijzingStatus.VERSTUURD, op=vandaag, door=actor.user
    )
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL_VERWIJZING,
        obj=verwijzing,
        persoon_id=persoon.pk,
        wijzigingen={"partner": [None, partner.naam], "reden": [None, reden]},
    )
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEDEELD,
        doel=DOEL_VERWIJZING,
        obj=verwijzing,
        persoon_id=persoon.pk,
        wijzigingen={
            "partner": [None, partner.naam],
            **{f"gedeeld.{feit}": [None, waarde] for feit, waarde in gedeeld.items()},
        },
    )
    return verwijzing


def verwijzing_overgang_toegestaan(van: str, naar: str) -> bool:
    return naar in VERWIJZING_OVERGANGEN.get(van, frozenset())


@transaction.atomic
def verwijzing_status_wijzigen(
    *,
    actor: Actor,
    verwijzing: Verwijzing,
    status: str,
    terugkoppeling: str,
    op: dt.date,
) -> Verwijzing:
    _vereis_schrijven(actor, verwijzing.gemeente_id)
    verwijzing = Verwijzing.objects.select_for_update().get(pk=verwijzing.pk)
    if not verwijzing_overgang_toegestaan(verwijzing.status, status):
        raise ValidationError(
            {
                "status": _("Een verwijzing die '%(van)s' is, kan niet naar '%(naar)s'.")
                % {
                    "van": VerwijzingStatus(verwijzing.status).label,
                    "naar": VerwijzingStatus(status).label,
                }
            }
        )
    if op < verwijzing.status_sinds:
        raise ValidationError({"op": _("De datum ligt voor de vorige statuswijziging.")})
    voor = verwijzing.status
    verwijzing.status = status
    verwijzing.status_sinds = op
    verwijzing.full_clean()
    verwijzing.save(update_fields=["status", "status_sinds", "gewijzigd_op"])
    rij = VerwijzingStatusWijziging(
        verwijzing=verwijzing, status=status, op=op, door=actor.user, terugkoppeling=terugkoppeling
    )
    rij.full_clean()
    rij.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL_VERWIJZING,
        obj=verwijzing,
        persoon_id=verwijzing.persoon_id,
        wijzigingen={"status": [voor, status], "terugkoppeling": [None, terugkoppeling]},
    )
    return verwijzing
