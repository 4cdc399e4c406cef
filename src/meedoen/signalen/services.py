"""Writing tasks: creating (idempotent for derived ones), changing status through the
transition table, and the daily run that derives tasks from the dossier."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid
from meedoen.signalen import bronnen as bronnen_register
from meedoen.signalen.models import (
    TAAK_OVERGANGEN,
    SignaalInstelling,
    Taak,
    TaakBron,
    TaakStatus,
    TaakStatusWijziging,
)

DOEL_TAKEN = "taken en signalen"


def _vereis_schrijven(actor: Actor, gemeente_id: int) -> None:
    actor.vereis(Bevoegdheid.DOSSIER_SCHRIJVEN)
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


@transaction.atomic
def taak_aanmaken(
    *,
    actor: Actor | None,
    gemeente: Gemeente,
    soort: str,
    omschrijving: str,
    vervaldatum: dt.date,
    persoon: Any = None,
    schoolverlater: Any = None,
    toegewezen_aan: Any = None,
    team: Any = None,
    bron: str = TaakBron.MEDEWERKER,
    bron_sleutel: str = "",
) -> Taak:
    """Create a task. With a `bron_sleutel` the call is idempotent: the existing task for
    that source event is returned. `actor=None` is the system (the daily run)."""
    if actor is not None:
        _vereis_schrijven(actor, gemeente.pk)
    if bron_sleutel:
        bestaand = Taak.objects.filter(gemeente=gemeente, bron_sleutel=bron_sleutel).first()
        if bestaand is not None:
            return bestaand
    taak = Taak(
        gemeente=gemeente,
        persoon=persoon,
        schoolverlater=schoolverlater,
        soort=soort,
        omschrijving=omschrijving[:500],
        vervaldatum=vervaldatum,
        toegewezen_aan=toegewezen_aan,
        team=team,
        bron=bron,
        bron_sleutel=bron_sleutel,
    )
    taak.full_clean(validate_constraints=False)
    taak.save()
    TaakStatusWijziging.objects.create(
        taak=taak, status=TaakStatus.OPEN, door=actor.user if actor else None
    )
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL_TAKEN,
        obj=taak,
        persoon_id=getattr(persoon, "pk", None),
        wijzigingen=wijzigingen_tussen(
            {}, {"soort": soort, "vervaldatum": vervaldatum, "bron": bron}
        ),
    )
    return taak


def overgang_toegestaan(van: str, naar: str) -> bool:
    return naar in TAAK_OVERGANGEN.get(van, frozenset())


@transaction.atomic
def taak_status_wijzigen(*, actor: Actor, taak: Taak, status: str, toelichting: str = "") -> Taak:
    _vereis_schrijven(actor, taak.gemeente_id)
    taak = Taak.objects.select_for_update().get(pk=taak.pk)
    if not overgang_toegestaan(taak.status, status):
        raise ValidationError(
            {
                "status": _("Een taak met status '%(van)s' kan niet naar '%(naar)s'.")
                % {"van": TaakStatus(taak.status).label, "naar": TaakStatus(status).label}
            }
        )
    voor = taak.status
    taak.status = status
    taak.full_clean(validate_constraints=False)
    taak.save(update_fields=["status", "gewijzigd_op"])
    TaakStatusWijziging.objects.create(
        taak=taak, status=status, door=actor.user, toelichting=toelichting[:500]
    )
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL_TAKEN,
        obj=taak,
        persoon_id=taak.persoon_id,
        wijzigingen={"status": [voor, status]},
    )
    return taak


def signalen_bijwerken(
    *,
    vandaag: dt.date,
    gemeente_ids: list[int] | None = None,
    alleen_bronnen: list[str] | None = None,
) -> dict[str, int]:
    """Derive tasks from the dossier for every registered source. Idempotent: running it twice
    on the same day (or every day) creates each task once. Returns new tasks per source."""
    if gemeente_ids is None:
        gemeente_ids = list(Gemeente.objects.values_list("pk", flat=True))
    gemeenten = {g.pk: g for g in Gemeente.objects.filter(pk__in=gemeente_ids)}
    aantallen: dict[str, int] = {}
    for naam, bron in sorted(bronnen_register.bronnen().items()):
        if alleen_bronnen is not None and naam not in alleen_bronnen:
            continue
        aantallen[naam] = _bron_verwerken(bron, gemeenten, vandaag)
    return aantallen


@transaction.atomic
def _bron_verwerken(bron, gemeenten: dict, vandaag: dt.date) -> int:
    voorstellen = list(bron(gemeente_ids=list(gemeenten), vandaag=vandaag))
    if not voorstellen:
        return 0
    bestaand = set(
        Taak.objects.filter(
            gemeente_id__in=gemeenten, bron_sleutel__in=[v.sleutel for v in voorstellen]
        ).values_list("gemeente_id", "bron_sleutel")
    )
    behandelaars = bronnen_register.behandelaars_van({v.persoon_id for v in voorstellen})
    nieuw = 0
    for voorstel in voorstellen:
        if (voorstel.gemeente_id, voorstel.sleutel) in bestaand:
            continue
        bestaand.add((voorstel.gemeente_id, voorstel.sleutel))
        user_id, team_id = behandelaars.get(voorstel.persoon_id, (None, None))
        taak = Taak(
            gemeente=gemeenten[voorstel.gemeente_id],
            persoon_id=voorstel.persoon_id,
            schoolverlater_id=voorstel.schoolverlater_id,
            soort=voorstel.soort,
            omschrijving=voorstel.omschrijving[:500],
            vervaldatum=voorstel.vervaldatum,
            toegewezen_aan_id=user_id,
            team_id=team_id,
            bron=TaakBron.SYSTEEM,
            bron_sleutel=voorstel.sleutel,
        )
        taak.full_clean(validate_constraints=False)
        taak.save()
        TaakStatusWijziging.objects.create(taak=taak, status=TaakStatus.OPEN)
        audit_vastleggen(
            actor=None,
            actie=Actie.AANGEMAAKT,
            doel=DOEL_TAKEN,
            obj=taak,
            persoon_id=voorstel.persoon_id,
            wijzigingen={"soort": [None, voorstel.soort], "bron_sleutel": [None, voorstel.sleutel]},
        )
        nieuw += 1
    return nieuw


def instelling_van(*, gemeente_id: int) -> SignaalInstelling:
    """The gemeente's settings, or the defaults (unsaved) when none were stored."""
    return SignaalInstelling.objects.filter(gemeente_id=gemeente_id).first() or SignaalInstelling(
        gemeente_id=gemeente_id
    )


@transaction.atomic
def instelling_opslaan(
    *, actor: Actor, gemeente: Gemeente, schoolverlaters_maanden_vooraf: int
) -> SignaalInstelling:
    actor.vereis(Bevoegdheid.BEHEER)
    if gemeente.pk not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    instelling = instelling_van(gemeente_id=gemeente.pk)
    voor = instelling.schoolverlaters_maanden_vooraf if instelling.pk else None
    instelling.schoolverlaters_maanden_vooraf = schoolverlaters_maanden_vooraf
    instelling.full_clean(validate_constraints=False)
    instelling.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel="configuratie signalen",
        obj=instelling,
        wijzigingen={"schoolverlaters_maanden_vooraf": [voor, schoolverlaters_maanden_vooraf]},
    )
    return instelling
