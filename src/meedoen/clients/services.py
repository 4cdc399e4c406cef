"""Writing residents and households. Every write checks scope and role and records an audit
event with the before/after in the same transaction."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.clients.models import (
    PERSOON_GEGEVENS,
    Huishouden,
    HuishoudRol,
    Lidmaatschap,
    Persoon,
)
from meedoen.clients.validators import normaliseer_bsn, normaliseer_postcode
from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid

DOEL_REGISTRATIE = "registratie inwoner"
DOEL_HUISHOUDEN = "wijziging huishouden"
# Roles a household has at most one of at a time.
ENKELVOUDIGE_ROLLEN = {HuishoudRol.AANVRAGER, HuishoudRol.PARTNER}
# Functions other apps register to run after a household changed, in the same transaction:
# f(*, actor, huishouden, per). (uitkering checks paid months again.) Keeps clients free of
# imports from the domain apps.
NA_HUISHOUDWIJZIGING: list = []


def _na_huishoudwijziging(actor: Actor, huishouden: Huishouden, per: dt.date) -> None:
    for functie in NA_HUISHOUDWIJZIGING:
        functie(actor=actor, huishouden=huishouden, per=per)


def _vereis_schrijven(actor: Actor, gemeente: Gemeente) -> None:
    actor.vereis(Bevoegdheid.DOSSIER_SCHRIJVEN)
    if gemeente.pk not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def _snapshot(persoon: Persoon) -> dict[str, Any]:
    return {veld: getattr(persoon, veld) for veld in PERSOON_GEGEVENS}


def _bsn_dubbel_fout(gemeente: Gemeente) -> ValidationError:
    return ValidationError(
        {
            "bsn": _(
                "Er staat al een inwoner met dit BSN in gemeente %(gemeente)s. "
                "Zoek deze inwoner op in plaats van een nieuwe aan te maken."
            )
            % {"gemeente": gemeente.naam}
        },
        code="bsn_dubbel",
    )


def _opslaan_persoon(persoon: Persoon) -> None:
    persoon.bsn = normaliseer_bsn(persoon.bsn)
    persoon.postcode = normaliseer_postcode(persoon.postcode)
    persoon.bijwerken_zoeknaam()
    # full_clean checks the BSN elfproef and the per-gemeente uniqueness with a clear message.
    persoon.full_clean(validate_constraints=False)
    if (
        Persoon.objects.filter(gemeente=persoon.gemeente, bsn=persoon.bsn)
        .exclude(pk=persoon.pk)
        .exists()
    ):
        raise _bsn_dubbel_fout(persoon.gemeente)
    try:
        with transaction.atomic():
            persoon.save()
    except IntegrityError as exc:  # a concurrent registration of the same BSN
        raise _bsn_dubbel_fout(persoon.gemeente) from exc


@transaction.atomic
def persoon_registreren(
    *,
    actor: Actor,
    gemeente: Gemeente,
    gegevens: dict[str, Any],
    huishouden: Huishouden | None = None,
    rol: str = HuishoudRol.AANVRAGER,
    per: dt.date | None = None,
    reden: str = "",
) -> Persoon:
    """Register a resident. Without a household the person gets a new one as aanvrager;
    with one, they join it in `rol` from `per`."""
    _vereis_schrijven(actor, gemeente)
    persoon = Persoon(gemeente=gemeente, **{k: gegevens.get(k, "") for k in PERSOON_GEGEVENS})
    _opslaan_persoon(persoon)
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL_REGISTRATIE,
        obj=persoon,
        persoon_id=persoon.pk,
        wijzigingen=wijzigingen_tussen({}, _snapshot(persoon)),
    )
    if huishouden is None:
        huishouden = Huishouden(gemeente=gemeente)
        huishouden.full_clean()
        huishouden.save()
        rol = HuishoudRol.AANVRAGER
    lid_toevoegen(
        actor=actor,
        huishouden=huishouden,
        persoon=persoon,
        rol=rol,
        per=per or timezone.localdate(),
        reden=reden or _("Registratie"),
    )
    return persoon


@transaction.atomic
def persoon_wijzigen(*, actor: Actor, persoon: Persoon, gegevens: dict[str, Any]) -> Persoon:
    _vereis_schrijven(actor, persoon.gemeente)
    voor = _snapshot(persoon)
    for veld in PERSOON_GEGEVENS:
        if veld in gegevens:
            setattr(persoon, veld, gegevens[veld])
    _opslaan_persoon(persoon)
    wijzigingen = wijzigingen_tussen(voor, _snapshot(persoon))
    if wijzigingen:
        audit_vastleggen(
            actor=actor,
            actie=Actie.GEWIJZIGD,
            doel=DOEL_REGISTRATIE,
            obj=persoon,
            persoon_id=persoon.pk,
            wijzigingen=wijzigingen,
        )
    return persoon


def _samenstelling(huishouden: Huishouden, datum: dt.date) -> list[str]:
    from meedoen.clients.selectors import samenstelling_op

    return [
        f"{lid.persoon.volledige_naam} ({lid.get_rol_display()})"
        for lid in samenstelling_op(huishouden=huishouden, datum=datum)
    ]


def _audit_huishouden(actor, huishouden, persoon, actie, voor, per, reden) -> None:
    audit_vastleggen(
        actor=actor,
        actie=actie,
        doel=DOEL_HUISHOUDEN,
        obj=huishouden,
        persoon_id=persoon.pk,
        wijzigingen={
            "samenstelling": [voor, _samenstelling(huishouden, per)],
            "per": [None, per.isoformat()],
            "reden": [None, reden],
        },
    )


@transaction.atomic
def lid_toevoegen(
    *,
    actor: Actor,
    huishouden: Huishouden,
    persoon: Persoon,
    rol: str,
    per: dt.date,
    reden: str,
) -> Lidmaatschap:
    _vereis_schrijven(actor, huishouden.gemeente)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden voor deze wijziging.")})
    if persoon.gemeente_id != huishouden.gemeente_id:
        raise ValidationError({"persoon": _("Deze persoon hoort bij een andere gemeente.")})
    # Lock the household's rows so two simultaneous changes cannot both add a partner.
    list(Lidmaatschap.objects.select_for_update().filter(huishouden=huishouden))
    lopend = Lidmaatschap.objects.filter(persoon=persoon, tot__isnull=True)
    if lopend.exists():
        raise ValidationError(
            {"persoon": _("Deze persoon hoort nu nog bij een huishouden. Beëindig dat eerst.")}
        )
    if rol in ENKELVOUDIGE_ROLLEN and huishouden.leden.filter(rol=rol, tot__isnull=True).exists():
        raise ValidationError(
            {"rol": _("Dit huishouden heeft al een %(rol)s.") % {"rol": HuishoudRol(rol).label}}
        )
    voor = _samenstelling(huishouden, per)
    lid = Lidmaatschap(
        gemeente=huishouden.gemeente,
        huishouden=huishouden,
        persoon=persoon,
        rol=rol,
        van=per,
        reden_begin=reden,
    )
    lid.full_clean()
    lid.save()
    _audit_huishouden(actor, huishouden, persoon, Actie.GEWIJZIGD, voor, per, reden)
    _na_huishoudwijziging(actor, huishouden, per)
    return lid


@transaction.atomic
def lidmaatschap_beeindigen(
    *, actor: Actor, lidmaatschap: Lidmaatschap, per: dt.date, reden: str
) -> Lidmaatschap:
    """End a membership on `per` (the first day the person no longer belongs)."""
    huishouden = lidmaatschap.huishouden
    _vereis_schrijven(actor, huishouden.gemeente)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden voor deze wijziging.")})
    if lidmaatschap.tot is not None:
        raise ValidationError({"per": _("Dit lidmaatschap is al beëindigd.")})
    if per <= lidmaatschap.van:
        raise ValidationError(
            {
                "per": _("De einddatum moet na de begindatum (%(van)s) liggen.")
                % {"van": lidmaatschap.van.strftime("%d-%m-%Y")}
            }
        )
    voor = _samenstelling(huishouden, per)
    lidmaatschap.tot = per
    lidmaatschap.reden_einde = reden
    lidmaatschap.full_clean()
    lidmaatschap.save(update_fields=["tot", "reden_einde", "gewijzigd_op"])
    _audit_huishouden(actor, huishouden, lidmaatschap.persoon, Actie.BEEINDIGD, voor, per, reden)
    _na_huishoudwijziging(actor, huishouden, per)
    return lidmaatschap


@transaction.atomic
def rol_wijzigen(
    *, actor: Actor, lidmaatschap: Lidmaatschap, rol: str, per: dt.date, reden: str
) -> Lidmaatschap:
    """A new role is a new period: the old membership ends, a new one starts the same day."""
    lidmaatschap_beeindigen(actor=actor, lidmaatschap=lidmaatschap, per=per, reden=reden)
    return lid_toevoegen(
        actor=actor,
        huishouden=lidmaatschap.huishouden,
        persoon=lidmaatschap.persoon,
        rol=rol,
        per=per,
        reden=reden,
    )
