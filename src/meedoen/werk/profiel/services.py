"""Writes for the work profile. Each service checks the capability and the gemeente, uses
full_clean() before save() and records an audit event in the same transaction."""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.roles import Bevoegdheid
from meedoen.werk import taxonomie
from meedoen.werk.models import Werkervaring, Werkprofiel

DOEL = "matchen"
PROFIEL_VELDEN = (
    "opleidingsniveau",
    "uren_per_week",
    "beschikbaar_vanaf",
    "beschikbare_momenten",
    "reisafstand_km",
    "rijbewijs",
    "eigen_vervoer",
    "openbaar_vervoer",
    "talen",
    "nederlands_niveau",
    "vaardigheden",
    "wens_beroepen",
    "nogo_beroepen",
    "wensen",
    "nogos",
    "met_inwoner_besproken_op",
)


def _vereis(actor: Actor, gemeente_id: int) -> None:
    actor.vereis(Bevoegdheid.MATCHEN)
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def _waarden(obj, velden) -> dict[str, Any]:
    return {v: getattr(obj, v) for v in velden}


def _controleer_codes(gegevens: Mapping[str, Any]) -> None:
    fouten = {}
    for veld, bekend in (
        ("vaardigheden", taxonomie.is_vaardigheid),
        ("wens_beroepen", taxonomie.is_beroep),
        ("nogo_beroepen", taxonomie.is_beroep),
    ):
        onbekend = [c for c in gegevens.get(veld) or [] if not bekend(c)]
        if onbekend:
            fouten[veld] = _("Onbekende code: %(codes)s.") % {"codes": ", ".join(onbekend)}
    beide = set(gegevens.get("wens_beroepen") or []) & set(gegevens.get("nogo_beroepen") or [])
    if beide:
        fouten["nogo_beroepen"] = _(
            "Een beroep kan niet tegelijk gewenst en niet gewenst zijn: %(beroepen)s."
        ) % {"beroepen": ", ".join(taxonomie.label(c) for c in sorted(beide))}
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def werkprofiel_opslaan(*, actor: Actor, persoon, gegevens: Mapping[str, Any]) -> Werkprofiel:
    """Create the resident's work profile or change it; lists of codes are kept in the order
    given, without duplicates."""
    _vereis(actor, persoon.gemeente_id)
    gegevens = {v: gegevens[v] for v in PROFIEL_VELDEN if v in gegevens}
    for veld in ("talen", "vaardigheden", "wens_beroepen", "nogo_beroepen"):
        if veld in gegevens:
            gegevens[veld] = list(dict.fromkeys(gegevens[veld] or []))
    _controleer_codes(gegevens)
    profiel = Werkprofiel.objects.select_for_update().filter(persoon=persoon).first()
    nieuw = profiel is None
    if nieuw:
        profiel = Werkprofiel(gemeente_id=persoon.gemeente_id, persoon=persoon)
    voor = {} if nieuw else _waarden(profiel, PROFIEL_VELDEN)
    for veld, waarde in gegevens.items():
        setattr(profiel, veld, waarde)
    profiel.bijgewerkt_door = actor.user
    profiel.full_clean()
    profiel.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        doel=DOEL,
        obj=profiel,
        persoon_id=persoon.pk,
        wijzigingen=wijzigingen_tussen(voor, _waarden(profiel, PROFIEL_VELDEN)),
    )
    return profiel


_ERVARING_VELDEN = ("functietitel", "beroep", "handmatig_gekoppeld", "jaren")


def _audit_ervaring(actor, actie, ervaring, voor=None, na=None) -> None:
    audit_vastleggen(
        actor=actor,
        actie=actie,
        doel=DOEL,
        obj=ervaring,
        persoon_id=ervaring.profiel.persoon_id,
        wijzigingen=wijzigingen_tussen(voor or {}, na or {}),
    )


def _beroep_controleren(beroep: str) -> None:
    if beroep and not taxonomie.is_beroep(beroep):
        raise ValidationError({"beroep": _("Dit beroep staat niet in de lijst.")})


@transaction.atomic
def werkervaring_toevoegen(
    *, actor: Actor, profiel: Werkprofiel, functietitel: str, jaren: Decimal, beroep: str = ""
) -> Werkervaring:
    """Without a chosen occupation the title is mapped by fuzzy matching; only a confident
    mapping is stored (see taxonomie.koppelen), otherwise the occupation stays empty until a
    person chooses one."""
    _vereis(actor, profiel.gemeente_id)
    _beroep_controleren(beroep)
    handmatig = bool(beroep)
    if not beroep:
        beroep = taxonomie.koppel_functietitel(functietitel).gekozen or ""
    ervaring = Werkervaring(
        gemeente_id=profiel.gemeente_id,
        profiel=profiel,
        functietitel=functietitel.strip(),
        jaren=jaren,
        beroep=beroep,
        handmatig_gekoppeld=handmatig,
    )
    ervaring.full_clean()
    ervaring.save()
    _audit_ervaring(actor, Actie.AANGEMAAKT, ervaring, na=_waarden(ervaring, _ERVARING_VELDEN))
    return ervaring


@transaction.atomic
def werkervaring_wijzigen(
    *, actor: Actor, ervaring: Werkervaring, functietitel: str, jaren: Decimal, beroep: str
) -> Werkervaring:
    """A person chose the occupation (or confirmed the suggestion): from now on the mapping is
    `handmatig_gekoppeld` and a changed title no longer changes it."""
    _vereis(actor, ervaring.gemeente_id)
    _beroep_controleren(beroep)
    if not beroep:
        raise ValidationError({"beroep": _("Kies een beroep.")})
    voor = _waarden(ervaring, _ERVARING_VELDEN)
    ervaring.functietitel = functietitel.strip()
    ervaring.jaren = jaren
    ervaring.beroep = beroep
    ervaring.handmatig_gekoppeld = True
    ervaring.full_clean()
    ervaring.save()
    _audit_ervaring(actor, Actie.GEWIJZIGD, ervaring, voor, _waarden(ervaring, _ERVARING_VELDEN))
    return ervaring


@transaction.atomic
def werkervaring_verwijderen(*, actor: Actor, ervaring: Werkervaring) -> None:
    _vereis(actor, ervaring.gemeente_id)
    _audit_ervaring(actor, Actie.BEEINDIGD, ervaring, voor=_waarden(ervaring, _ERVARING_VELDEN))
    ervaring.delete()
