"""Template filters for Meedoen: money, dates, masked BSN and form widgets.

Load with `{% load mdn %}`. Formatting follows the active language (nl or en)."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django import forms, template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from meedoen.core.taal import taal as schermtaal

register = template.Library()

CENT = Decimal("0.01")


def _engels() -> bool:
    return schermtaal() == "en"


@register.filter
def euro(value) -> str:
    """Decimal -> "€ 1.401,50" (nl) or "€1,401.50" (en). Empty for None; floats are refused."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        raise TypeError("euro: money is Decimal, never float")
    bedrag = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    teken = "-" if bedrag < 0 else ""
    tekst = f"{abs(bedrag):,.2f}"  # "1,401.50"
    if _engels():
        return f"{teken}€{tekst}"
    tekst = tekst.replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {teken}{tekst}"


@register.filter
def datum(value) -> str:
    """date -> "5 januari 2026" in the active language. Empty for None."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return date_format(value, "j F Y")


@register.filter
def bsn_masked(value) -> str:
    """Show only the last four digits of a BSN, for lists: "*****1234"."""
    cijfers = "".join(c for c in str(value or "") if c.isdigit())
    if not cijfers:
        return ""
    return "*" * max(len(cijfers) - 4, 0) + cijfers[-4:]


# --- form widgets (used by ui/components/field.html) ---------------------------------------

_KLASSEN = {
    "input": "utrecht-textbox utrecht-textbox--html-input",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
}


@register.filter
def mdn_soort(field) -> str:
    """What kind of control a bound field is: input, textarea, select, checkbox, radio,
    checkboxes (several checkboxes) or hidden."""
    widget = field.field.widget
    if widget.is_hidden:
        return "hidden"
    # CheckboxSelectMultiple is a subclass of RadioSelect: test it first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radio"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


@register.filter
def mdn_widget(field):
    """Render a single control with the Utrecht classes. Django adds aria-invalid and
    aria-describedby ("<id>_helptext <id>_error") itself."""
    soort = mdn_soort(field)
    klasse = _KLASSEN.get(soort, "")
    if field.errors and soort in ("input", "textarea", "select"):
        klasse += f" {klasse.split()[0]}--invalid"
    eigen = field.field.widget.attrs.get("class", "")
    return field.as_widget(attrs={"class": f"{klasse} {eigen}".strip()})


@register.filter
def mdn_optie(option, field):
    """Render one radio button or checkbox of a choice field (inside a fieldset)."""
    data = option.data
    soort = "radio" if mdn_soort(field) == "radio" else "checkbox"
    vinkje = " checked" if data.get("selected") else ""
    ongeldig = ' aria-invalid="true"' if field.errors else ""
    uit = " disabled" if field.field.disabled else ""
    return format_html(
        '<input type="{}" name="{}" value="{}" id="{}" class="{}"{}{}{}>',
        soort,
        data["name"],
        data["value"],
        option.id_for_label,
        _KLASSEN[soort],
        mark_safe(vinkje),
        mark_safe(ongeldig),
        mark_safe(uit),
    )


@register.filter
def mdn_velden_met_fout(form) -> list:
    """The visible fields of a form that have an error, for the error summary."""
    return [field for field in form.visible_fields() if field.errors]


@register.filter
def mdn_zonder_pagina(query) -> str:
    """A QueryDict as a query string without "page", ending in "&" when not empty."""
    kopie = query.copy()
    kopie.pop("page", None)
    tekst = kopie.urlencode()
    return f"{tekst}&" if tekst else ""


@register.filter
def mdn_paginas(page) -> list:
    """Page numbers to show around the current page, with "…" where numbers are left out."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
