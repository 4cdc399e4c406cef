"""The pool of maatschappelijke banen and the verdringingstoets."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meedoen.clients.models import postcode_validator
from meedoen.clients.validators import normaliseer_postcode
from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.werk.banen.services._basis import audit, snapshot, vereis_beheren
from meedoen.werk.models import MaatschappelijkeBaan

BAAN_VELDEN = (
    "gastorganisatie",
    "sector",
    "titel",
    "taken",
    "beroep",
    "uren_per_week",
    "capaciteit",
    "postcode",
    "begindatum",
    "einddatum",
)
# A check against verdringing is about this work at this host: when what the work is changes,
# a person must check it again before anyone else is placed.
TOETS_OPNIEUW_BIJ = ("gastorganisatie", "titel", "taken", "uren_per_week", "capaciteit")
TOETS_VELDEN = ("verdringing_toelichting", "verdringing_bevestigd_door", "verdringing_bevestigd_op")

# The three questions of the verdringingstoets, and the answer that means "no verdringing".
VRAGEN = (
    (
        "anders_betaald",
        gettext_lazy("Zou dit werk anders door een betaalde kracht worden gedaan?"),
        False,
    ),
    (
        "aanvullend",
        gettext_lazy("Is het werk extra, naast het werk van de vaste medewerkers?"),
        True,
    ),
    (
        "recente_vacatures",
        gettext_lazy("Had de organisatie het afgelopen jaar vacatures voor dit werk?"),
        False,
    ),
)


def _controleren(baan: MaatschappelijkeBaan) -> None:
    baan.postcode = normaliseer_postcode(baan.postcode)
    try:
        postcode_validator(baan.postcode)
    except ValidationError as exc:
        raise ValidationError({"postcode": exc.messages}) from exc
    if baan.einddatum and baan.einddatum < baan.begindatum:
        raise ValidationError({"einddatum": _("De einddatum ligt voor de begindatum.")})


@transaction.atomic
def baan_opslaan(
    *, actor: Actor, gemeente, gegevens: dict[str, Any], baan: MaatschappelijkeBaan | None = None
) -> MaatschappelijkeBaan:
    """Create or change a maatschappelijke baan. Changing what the work is (host, title,
    tasks, hours, places) withdraws a confirmed verdringingstoets."""
    vereis_beheren(actor, gemeente.pk)
    nieuw = baan is None
    if not nieuw:
        baan = MaatschappelijkeBaan.objects.select_for_update().get(pk=baan.pk)
    baan = baan or MaatschappelijkeBaan(gemeente=gemeente)
    voor = {} if nieuw else snapshot(baan, BAAN_VELDEN + TOETS_VELDEN)
    for veld in BAAN_VELDEN:
        if veld in gegevens:
            setattr(baan, veld, gegevens[veld])
    _controleren(baan)
    toets_vervalt = (
        not nieuw
        and baan.verdringing_bevestigd_op is not None
        and any(voor[v] != getattr(baan, v) for v in TOETS_OPNIEUW_BIJ)
    )
    if toets_vervalt:
        baan.verdringing_bevestigd_door = None
        baan.verdringing_bevestigd_op = None
    baan.full_clean()
    baan.save()
    audit(
        actor,
        Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        baan,
        voor=voor,
        na=snapshot(baan, BAAN_VELDEN + TOETS_VELDEN),
    )
    baan.toets_vervallen = toets_vervalt
    return baan


def toelichting_opstellen(antwoorden: dict[str, bool], toelichtingen: dict[str, str]) -> str:
    """The record of the check as readable text: each question, the answer and the reason.
    Always in Dutch: it is the gemeente's record, whatever language the user reads."""
    regels = []
    with translation.override("nl"):
        for sleutel, vraag, _goed in VRAGEN:
            antwoord = _("Ja") if antwoorden[sleutel] else _("Nee")
            reden = toelichtingen.get(sleutel, "").strip()
            regels.append(f"{vraag} {antwoord}. {reden}".strip())
    return "\n".join(regels)


@transaction.atomic
def verdringingstoets_bevestigen(
    *,
    actor: Actor,
    baan: MaatschappelijkeBaan,
    antwoorden: dict[str, bool],
    toelichtingen: dict[str, str],
    moment: dt.datetime | None = None,
) -> MaatschappelijkeBaan:
    """A person records the answers and confirms that the baan does not replace paid work.
    Answers that point to verdringing cannot be confirmed: then the baan stays closed."""
    vereis_beheren(actor, baan.gemeente_id)
    baan = MaatschappelijkeBaan.objects.select_for_update().get(pk=baan.pk)
    fouten = {}
    for sleutel, _vraag, goed in VRAGEN:
        if sleutel not in antwoorden:
            fouten[sleutel] = _("Beantwoord deze vraag.")
        elif not toelichtingen.get(sleutel, "").strip():
            fouten[f"{sleutel}_toelichting"] = _("Schrijf op waarom.")
        elif antwoorden[sleutel] is not goed:
            fouten[sleutel] = _(
                "Met dit antwoord verdringt de baan betaald werk. Dan kan niemand hier "
                "geplaatst worden. Maak er een betaalde vacature van, of pas de taken aan."
            )
    if fouten:
        raise ValidationError(fouten)
    voor = snapshot(baan, TOETS_VELDEN)
    baan.verdringing_toelichting = toelichting_opstellen(antwoorden, toelichtingen)
    baan.verdringing_bevestigd_door = actor.user
    baan.verdringing_bevestigd_op = moment or timezone.now()
    baan.full_clean()
    baan.save()
    audit(actor, Actie.GEWIJZIGD, baan, voor=voor, na=snapshot(baan, TOETS_VELDEN))
    return baan
