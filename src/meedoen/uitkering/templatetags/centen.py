"""`{% load centen %}`: amounts stored as integer eurocent, shown like the `euro` filter."""

from decimal import Decimal

from django import template

from meedoen.ui.templatetags.mdn import euro

register = template.Library()


@register.filter
def euro_cent(value) -> str:
    """12345 -> "€ 123,45" (nl) or "€123.45" (en). Empty for None."""
    if value is None or value == "":
        return ""
    if not isinstance(value, int):
        raise TypeError("euro_cent: eurocent is an integer")
    return euro(Decimal(value) / 100)


@register.filter
def absoluut(value: int) -> int:
    """The size of an amount without its sign (a difference shown in words next to it)."""
    return abs(value)
