"""A form field for choosing occupations or skills from the taxonomy by searching: the chosen
codes plus the search results are offered as radio buttons (one) or checkboxes (several).
Searching works live with htmx (views.zoeken returns the options) and without JavaScript (the
form is posted with actie=zoeken and shown again with the results)."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meedoen.werk import taxonomie

BEROEP = "beroep"
VAARDIGHEID = "vaardigheid"


def label(soort: str, code: str) -> str:
    lang = (get_language() or "nl")[:2]
    if soort == BEROEP and taxonomie.is_beroep(code):
        return taxonomie.beroep(code).label(lang)
    if soort == VAARDIGHEID and taxonomie.is_vaardigheid(code):
        return taxonomie.vaardigheid(code).label(lang)
    return code


def is_bekend(soort: str, code: str) -> bool:
    return taxonomie.is_beroep(code) if soort == BEROEP else taxonomie.is_vaardigheid(code)


def zoekresultaten(soort: str, term: str, limiet: int = 8) -> list[str]:
    if not term.strip():
        return []
    if soort == BEROEP:
        return [k.code for k in taxonomie.beroepen_zoeken(term, limiet=limiet)]
    return [v.id for v in taxonomie.vaardigheden_zoeken(term, limiet=limiet)]


def opties(soort: str, gekozen: list[str], extra: list[str]) -> list[dict]:
    """The chosen codes (checked) first, then the other codes once each."""
    uit, gezien = [], set()
    for code in [*gekozen, *extra]:
        if code in gezien or not is_bekend(soort, code):
            continue
        gezien.add(code)
        uit.append({"code": code, "label": label(soort, code), "gekozen": code in gekozen})
    return uit


class TaxonomieVeld(forms.Field):
    """Value: one code (meervoud=False) or a list of codes. Rendered by
    werk/taxonomie/_veld.html, not by the widget."""

    def __init__(self, *, soort: str, meervoud: bool = False, **kwargs):
        self.soort = soort
        self.meervoud = meervoud
        widget = forms.SelectMultiple if meervoud else forms.TextInput
        super().__init__(widget=widget, **kwargs)
        self.zoekterm = ""
        self.resultaten: list[str] = []

    def to_python(self, value):
        if self.meervoud:
            return [v for v in (value or []) if v]
        return (value or "").strip()

    def validate(self, value):
        super().validate(value)
        for code in value if self.meervoud else [value] if value else []:
            if not is_bekend(self.soort, code):
                raise forms.ValidationError(
                    _("'%(code)s' staat niet in de lijst. Zoek opnieuw en kies uit de lijst."),
                    params={"code": code},
                )


class TaxonomieFormMixin:
    """Fills each TaxonomieVeld's search results from `<name>_zoek` in the posted data (or the
    `zoektermen` / `voorstellen` passed in), and offers `opties_van(name)` to the template."""

    def zoeken_instellen(self, *, zoektermen=None, voorstellen=None) -> None:
        zoektermen = dict(zoektermen or {})
        voorstellen = dict(voorstellen or {})
        for naam, veld in self.fields.items():
            if not isinstance(veld, TaxonomieVeld):
                continue
            html_naam = self.add_prefix(naam)
            term = zoektermen.get(naam)
            if term is None and self.data:
                term = self.data.get(f"{html_naam}_zoek", "")
            veld.zoekterm = term or ""
            veld.resultaten = [
                *voorstellen.get(naam, []),
                *zoekresultaten(veld.soort, veld.zoekterm),
            ]

    def huidige_codes(self, naam: str) -> list[str]:
        veld = self.fields[naam]
        if self.is_bound:
            waarde = veld.widget.value_from_datadict(self.data, self.files, self.add_prefix(naam))
        else:
            waarde = self.initial.get(naam, veld.initial)
        if veld.meervoud:
            return list(waarde or [])
        return [waarde] if waarde else []

    def taxonomie_opties(self, naam: str) -> list[dict]:
        veld = self.fields[naam]
        return opties(veld.soort, self.huidige_codes(naam), veld.resultaten)


def formulier_maken(form_class, request, **kwargs):
    """Build a form with TaxonomieVelden for a view. Returns (form, gezocht): after
    actie=zoeken with a search term (no JavaScript), the form is shown again unbound with what
    was typed and the search results, so no error appears for fields not filled in yet."""
    voorstellen = kwargs.pop("voorstellen", None)
    if request.method != "POST":
        form = form_class(**kwargs)
        form.zoeken_instellen(zoektermen={}, voorstellen=voorstellen)
        return form, False
    form = form_class(request.POST, request.FILES or None, **kwargs)
    termen = {
        naam: request.POST.get(f"{form.add_prefix(naam)}_zoek", "").strip()
        for naam, veld in form.fields.items()
        if isinstance(veld, TaxonomieVeld)
    }
    if request.POST.get("actie") == "zoeken" and any(termen.values()):
        initial = {
            naam: veld.widget.value_from_datadict(
                request.POST, request.FILES, form.add_prefix(naam)
            )
            for naam, veld in form.fields.items()
        }
        kwargs.pop("initial", None)
        form = form_class(initial=initial, **kwargs)
        form.zoeken_instellen(zoektermen=termen, voorstellen=voorstellen)
        return form, True
    form.zoeken_instellen(voorstellen=voorstellen)
    return form, False
