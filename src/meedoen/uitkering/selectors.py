"""Calculations with the rules engine, for the gemeenten the acting user works for."""

from django.utils.translation import get_language

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.calculate import calculate
from meedoen.rules.situation import SituationError
from meedoen.uitkering.models import Inkomensbeleid


def berekening(*, actor: Actor, situatie: dict) -> dict:
    """The engine's answer for a situation (the contract in docs/rules.md). Raises
    SituationError for invalid input, ParameterOntbreekt when the law's amount for the period is
    not known, and Geweigerd without the role."""
    actor.vereis(Bevoegdheid.BEREKENEN)
    codes = {g.code for g in actor.gemeenten}
    if situatie.get("gemeente") not in codes:
        raise SituationError(
            {
                "gemeente": [
                    {
                        "nl": "Kies een gemeente waarvoor u werkt.",
                        "en": "Choose a municipality you work for.",
                    }
                ]
            }
        )
    taal = "en" if (get_language() or "nl").startswith("en") else "nl"
    return calculate(
        situatie, reforms=rekenvarianten_van(gemeente_code=situatie["gemeente"]), lang=taal
    )


def rekenvarianten_van(*, gemeente_code: str) -> tuple[str, ...]:
    """The reforms a gemeente's policy applies to every calculation (none by default)."""
    beleid = Inkomensbeleid.objects.filter(gemeente__code=gemeente_code).first()
    return tuple(beleid.rekenvarianten) if beleid else ()
