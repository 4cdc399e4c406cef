from django import template

from meedoen.werk.taxonomie.formvelden import TaxonomieVeld

register = template.Library()


@register.filter
def is_taxonomieveld(field) -> bool:
    return isinstance(field.field, TaxonomieVeld)


@register.filter
def taxonomie_opties(field) -> list[dict]:
    """The options (chosen first, then search results) of a bound TaxonomieVeld."""
    return field.form.taxonomie_opties(field.name)
