"""The household's applicable norm for the draagkracht calculation, from the rules engine."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from meedoen.clients import selectors as clients_selectors
from meedoen.clients.models import HuishoudRol
from meedoen.core.actor import Actor
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.money import parse_amount
from meedoen.rules.situation import SituationError
from meedoen.uitkering import selectors as uitkering_selectors
from meedoen.uitkering.models import Besluit

VOLWASSEN = 18


def _leeftijd(geboren: dt.date, op: dt.date) -> int:
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


def situatie_voor_norm(*, persoon, datum: dt.date) -> dict:
    """The household on `datum` as the engine needs it to find the norm. The final toekenning's
    situation is used when there is one (it holds what the household declared, such as a
    housemate's rent contract); otherwise the memberships. Income and assets do not change the
    norm, so they are left at zero."""
    maand = datum.replace(day=1)
    periode = maand.strftime("%Y-%m")
    besluit = (
        Besluit.objects.filter(
            persoon=persoon,
            soort=Besluit.Soort.TOEKENNING,
            status=Besluit.Status.VASTGESTELD,
        )
        .order_by("-beslist_op")
        .first()
    )
    if besluit is not None and besluit.situatie.get("applicant"):
        return besluit.situatie | {"period": periode, "gemeente": persoon.gemeente.code}
    partner, kinderen, medebewoners = None, [], []
    huishouden = clients_selectors.huishouden_van(persoon=persoon, datum=datum)
    for lid in huishouden.leden if huishouden else []:
        if lid.persoon_id == persoon.pk:
            continue
        geboren = lid.persoon.geboortedatum
        if lid.rol == HuishoudRol.PARTNER:
            partner = {"birth_date": geboren.isoformat()}
        elif lid.rol == HuishoudRol.KIND and _leeftijd(geboren, maand) < VOLWASSEN:
            kinderen.append({"birth_date": geboren.isoformat()})
        else:
            medebewoners.append(
                {"birth_date": geboren.isoformat(), "commercial_rent": False, "student": False}
            )
    return {
        "period": periode,
        "gemeente": persoon.gemeente.code,
        "applicant": {"birth_date": persoon.geboortedatum.isoformat()},
        "partner": partner,
        "children": kinderen,
        "housemates": medebewoners,
    }


def norm_voor(*, actor: Actor, persoon, datum: dt.date) -> tuple[int, dict]:
    """The household's applicable norm (eurocent) from the rules engine, and the answer.
    Raises ValidationError with the engine's message when it cannot calculate."""
    situatie = situatie_voor_norm(persoon=persoon, datum=datum)
    try:
        antwoord = uitkering_selectors.berekening(actor=actor, situatie=situatie)
    except SituationError as exc:
        meldingen = [m["nl"] for fouten in exc.errors.values() for m in fouten]
        raise ValidationError(
            _("De norm kon niet worden berekend: %(melding)s") % {"melding": " ".join(meldingen)}
        ) from exc
    except ParameterOntbreekt as exc:
        raise ValidationError({"ingediend_op": exc.nl}) from exc
    return parse_amount(antwoord["norm"]), antwoord
