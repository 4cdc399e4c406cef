"""The household's applicable norm for the draagkracht calculation, from the rules engine."""

import datetime as dt

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meedoen.clients import selectors as clients_selectors
from meedoen.clients.huishoudrollen import huishoudrollen
from meedoen.core.actor import Actor
from meedoen.core.taal import taal as schermtaal
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.money import parse_amount
from meedoen.rules.periods import first_period
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


class BedragenOntbreken(ValidationError):
    """The legal amounts for the request's month are not in the engine yet (not published, or
    not yet added to src/meedoen/rules/parameters). The request can be registered; the
    draagkracht is calculated once they are there. Never guessed."""

    def __init__(self, datum: dt.date):
        self.maand = datum.replace(day=1)
        super().__init__({"ingediend_op": [nog_geen_bedragen(self.maand)]})


def nog_geen_bedragen(maand: dt.date) -> str:
    """Why the draagkracht cannot be calculated yet, and what unblocks it, in plain Dutch."""
    return _(
        "De draagkracht kan nog niet worden berekend. Meedoen heeft voor %(maand)s nog geen "
        "wettelijke bedragen (bijstandsnormen): ze zijn nog niet gepubliceerd of nog niet "
        "ingevoerd. De functioneel beheerder moet de gepubliceerde normen toevoegen in "
        "src/meedoen/rules/parameters. Daarna kunt u de draagkracht hier berekenen."
    ) % {"maand": date_format(maand, "F Y")}


def norm_voor(*, actor: Actor, persoon, datum: dt.date) -> tuple[int, dict]:
    """The household's applicable norm (eurocent) from the rules engine, and the answer.
    Raises BedragenOntbreken when the month's legal amounts are not in the engine yet, and a
    ValidationError with the engine's message when it cannot calculate for another reason."""
    situatie = situatie_voor_norm(persoon=persoon, datum=datum)
    try:
        antwoord = uitkering_selectors.berekening(actor=actor, situatie=situatie)
    except SituationError as exc:
        if "period" in exc.errors and situatie["period"] >= first_period():
            # The month is after the engine's first one, so its amounts are merely missing.
            raise BedragenOntbreken(datum) from exc
        # The engine gives each message in Dutch and English: show the screen's language. A
        # problem with the month (e.g. norms not published yet) belongs next to the date the
        # consulent typed; anything else comes from the dossier.
        taal = schermtaal()
        fouten: dict[str, list[str]] = {}
        for pad, meldingen in exc.errors.items():
            veld = "ingediend_op" if pad == "period" else NON_FIELD_ERRORS
            fouten.setdefault(veld, []).extend(
                _("De norm kon niet worden berekend: %(melding)s") % {"melding": m[taal]}
                for m in meldingen
            )
        raise ValidationError(fouten) from exc
    except ParameterOntbreekt as exc:
        raise BedragenOntbreken(datum) from exc
    return parse_amount(antwoord["norm"]), antwoord
