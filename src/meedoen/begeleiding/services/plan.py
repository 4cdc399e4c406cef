"""Plan van aanpak: plan, goals, afspraken with their status table, actions, maatregel."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.begeleiding.models import (
    AFSPRAAK_OVERGANGEN,
    Actie,
    Afspraak,
    AfspraakStatus,
    AfspraakStatusWijziging,
    AuteurSoort,
    Doel,
    Maatregel,
    PlanVanAanpak,
)
from meedoen.begeleiding.services._basis import DOEL_BEGELEIDING, niet_in_toekomst, vereis_schrijven
from meedoen.begeleiding.services.stand import stand_bijwerken
from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie as AuditActie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.signalen.models import TaakBron, TaakSoort
from meedoen.signalen.services import taak_aanmaken

GESPREK_BINNEN = dt.timedelta(days=7)


def _audit(actor, actie, obj, persoon, waarden: dict[str, Any], voor=None) -> None:
    audit_vastleggen(
        actor=actor,
        actie=actie,
        doel=DOEL_BEGELEIDING,
        obj=obj,
        persoon_id=persoon.pk,
        gemeente=persoon.gemeente,
        wijzigingen=wijzigingen_tussen(voor or {}, waarden),
    )


def _auteur(actor: Actor, auteur_soort: str) -> dict[str, Any]:
    return {
        "auteur_soort": auteur_soort,
        "auteur_medewerker": actor.user if auteur_soort == AuteurSoort.MEDEWERKER else None,
    }


@transaction.atomic
def plan_opstellen(
    *, actor: Actor, persoon, opgesteld_op: dt.date, evaluatiedatum: dt.date, vandaag: dt.date
) -> PlanVanAanpak:
    vereis_schrijven(actor, persoon.gemeente_id)
    niet_in_toekomst(opgesteld_op, vandaag, "opgesteld_op")
    if evaluatiedatum <= opgesteld_op:
        raise ValidationError({"evaluatiedatum": _("De evaluatiedatum ligt na de opsteldatum.")})
    plan = PlanVanAanpak(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        opgesteld_op=opgesteld_op,
        evaluatiedatum=evaluatiedatum,
        aangemaakt_door=actor.user,
    )
    plan.full_clean()
    plan.save()
    _audit(
        actor,
        AuditActie.AANGEMAAKT,
        plan,
        persoon,
        {"opgesteld_op": opgesteld_op, "evaluatiedatum": evaluatiedatum},
    )
    return plan


@transaction.atomic
def doel_toevoegen(
    *, actor: Actor, plan: PlanVanAanpak, omschrijving: str, auteur_soort: str
) -> Doel:
    vereis_schrijven(actor, plan.gemeente_id)
    doel = Doel(plan=plan, omschrijving=omschrijving, **_auteur(actor, auteur_soort))
    doel.full_clean()
    doel.save()
    _audit(
        actor,
        AuditActie.AANGEMAAKT,
        doel,
        plan.persoon,
        {"doel": omschrijving, "auteur_soort": auteur_soort},
    )
    return doel


@transaction.atomic
def afspraak_toevoegen(
    *, actor: Actor, plan: PlanVanAanpak, wat: str, wie: str, uiterlijk: dt.date, auteur_soort: str
) -> Afspraak:
    vereis_schrijven(actor, plan.gemeente_id)
    afspraak = Afspraak(
        plan=plan, wat=wat, wie=wie, uiterlijk=uiterlijk, **_auteur(actor, auteur_soort)
    )
    afspraak.full_clean()
    afspraak.save()
    AfspraakStatusWijziging.objects.create(
        afspraak=afspraak, status=AfspraakStatus.OPEN, toelichting=_("Afgesproken"), door=actor.user
    )
    _audit(
        actor,
        AuditActie.AANGEMAAKT,
        afspraak,
        plan.persoon,
        {"wat": wat, "wie": wie, "uiterlijk": uiterlijk, "auteur_soort": auteur_soort},
    )
    return afspraak


@transaction.atomic
def actie_toevoegen(
    *,
    actor: Actor,
    plan: PlanVanAanpak,
    omschrijving: str,
    wie: str,
    datum: dt.date,
    auteur_soort: str,
) -> Actie:
    vereis_schrijven(actor, plan.gemeente_id)
    actie = Actie(
        plan=plan, omschrijving=omschrijving, wie=wie, datum=datum, **_auteur(actor, auteur_soort)
    )
    actie.full_clean()
    actie.save()
    _audit(
        actor,
        AuditActie.AANGEMAAKT,
        actie,
        plan.persoon,
        {"actie": omschrijving, "wie": wie, "datum": datum},
    )
    return actie


def afspraak_overgang_toegestaan(van: str, naar: str) -> bool:
    return naar in AFSPRAAK_OVERGANGEN.get(van, frozenset())


@transaction.atomic
def afspraak_status_wijzigen(
    *,
    actor: Actor,
    afspraak: Afspraak,
    status: str,
    toelichting: str,
    vandaag: dt.date,
    nieuwe_uiterlijk: dt.date | None = None,
) -> Afspraak:
    """Record how an afspraak went. 'Niet nagekomen' makes a conversation task for the
    klantmanager; it never makes a sanction (a maatregel is a separate decision by a person)."""
    vereis_schrijven(actor, afspraak.plan.gemeente_id)
    afspraak = (
        Afspraak.objects.select_for_update().select_related("plan__persoon").get(pk=afspraak.pk)
    )
    if not afspraak_overgang_toegestaan(afspraak.status, status):
        raise ValidationError(
            {
                "status": _("Een afspraak die '%(van)s' is, kan niet naar '%(naar)s'.")
                % {
                    "van": AfspraakStatus(afspraak.status).label,
                    "naar": AfspraakStatus(status).label,
                }
            }
        )
    if not toelichting.strip():
        raise ValidationError({"toelichting": _("Schrijf kort op wat er is gebeurd.")})
    voor = {"status": afspraak.status, "uiterlijk": afspraak.uiterlijk}
    afspraak.status = status
    if status == AfspraakStatus.AANGEPAST and nieuwe_uiterlijk is not None:
        afspraak.uiterlijk = nieuwe_uiterlijk
    afspraak.full_clean()
    afspraak.save(update_fields=["status", "uiterlijk", "gewijzigd_op"])
    rij = AfspraakStatusWijziging(
        afspraak=afspraak, status=status, toelichting=toelichting, door=actor.user
    )
    rij.full_clean()
    rij.save()
    persoon = afspraak.plan.persoon
    _audit(
        actor,
        AuditActie.GEWIJZIGD,
        afspraak,
        persoon,
        {"status": status, "uiterlijk": afspraak.uiterlijk, "toelichting": toelichting},
        voor=voor | {"toelichting": None},
    )
    if status == AfspraakStatus.NIET_NAGEKOMEN:
        stand = stand_bijwerken(persoon=persoon)
        taak_aanmaken(
            actor=actor,
            gemeente=persoon.gemeente,
            persoon=persoon,
            soort=TaakSoort.GESPREK_AFSPRAAK,
            omschrijving=_(
                "Afspraak niet nagekomen: '%(wat)s'. Ga eerst in gesprek: wat zat in de weg?"
            )
            % {"wat": afspraak.wat[:200]},
            vervaldatum=vandaag + GESPREK_BINNEN,
            toegewezen_aan=stand.klantmanager or actor.user,
            team=stand.route.team if stand.route else None,
            bron=TaakBron.SYSTEEM,
            bron_sleutel=f"afspraak:{afspraak.pk}:niet_nagekomen:{rij.pk}",
        )
    return afspraak


@transaction.atomic
def maatregel_vastleggen(
    *, actor: Actor, persoon, gegevens: dict[str, Any], vandaag: dt.date
) -> Maatregel:
    """A maatregel is a decision by this person, with grounds and the article it rests on."""
    vereis_schrijven(actor, persoon.gemeente_id)
    niet_in_toekomst(gegevens["besluitdatum"], vandaag, "besluitdatum")
    afspraak = gegevens.get("afspraak")
    if afspraak is not None and afspraak.plan.persoon_id != persoon.pk:
        raise ValidationError({"afspraak": _("Deze afspraak hoort bij een andere inwoner.")})
    if not gegevens.get("gesprek_gevoerd"):
        raise ValidationError(
            {"gesprek_gevoerd": _("Een maatregel komt pas na een gesprek met de inwoner.")}
        )
    maatregel = Maatregel(
        gemeente_id=persoon.gemeente_id, persoon=persoon, besloten_door=actor.user, **gegevens
    )
    maatregel.full_clean()
    maatregel.save()
    _audit(
        actor,
        AuditActie.AANGEMAAKT,
        maatregel,
        persoon,
        {k: getattr(maatregel, k) for k in ("besluitdatum", "grondslag", "gronden", "omschrijving")}
        | {"besloten_door": actor.naam},
    )
    return maatregel
