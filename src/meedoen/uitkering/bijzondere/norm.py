"""The household's applicable norm for the draagkracht calculation, from the rules engine."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from meedoen.clients import selectors as clients_selectors
from meedoen.clients.huishoudrollen import huishoudrollen
from meedoen.core.actor import Actor
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.money import parse_amount
from meedoen.rules.situation import SituationError
from meedoen.uitkering import selectors as uitkering_selectors
from meedoen.uitkering.models import Besluit


def situatie_voor_norm(*, persoon, datum: dt.date) -> dict:
    """The household on `datum` as the engine needs it to find the norm. The final toekenning's
    situation is used when there is one (it holds what the household declared, such as a
    housemate's rent contract); otherwise the memberships. Income and assets do not change the
    norm, so they are left at zero."""
    periode = datum.strftime("%Y-%m")
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
    huishouden = clients_selectors.huishouden_van(persoon=persoon, datum=datum)
    rollen = huishoudrollen(
        persoon=persoon, leden=huishouden.leden if huishouden else [], periode=periode
    )
    return {
        "period": periode,
        "gemeente": persoon.gemeente.code,
        "applicant": {"birth_date": persoon.geboortedatum.isoformat()},
        "partner": (
            {"birth_date": rollen.partner.persoon.geboortedatum.isoformat()}
            if rollen.partner
            else None
        ),
        **rollen.kinderen_en_medebewoners(),
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
