"""Template filters of the banen part: `{% load werk_banen %}`."""

from decimal import Decimal

from django import template

from meedoen.core.taal import taal as schermtaal
from meedoen.rules.money import cents_to_decimal

register = template.Library()


@register.filter
def cent(value) -> Decimal | None:
    """Eurocent (int) -> Decimal euro, for the `euro` filter: {{ x.bedrag_cent|cent|euro }}."""
    if value is None or value == "":
        return None
    return cents_to_decimal(int(value))


@register.filter
def in_taal(stap: dict) -> str:
    """An explanation step of the rules engine ({"nl": ..., "en": ...}) in the page's language."""
    taal = schermtaal()
    return stap.get(taal) or stap.get("nl", "")
