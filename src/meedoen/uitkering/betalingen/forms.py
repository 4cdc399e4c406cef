"""Forms of the betalingen pages. They only parse input; the services validate the rest."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.models import Inkomstenregel


class MaandVeld(forms.CharField):
    """A month as <input type="month"> ("2026-01"); cleaned to its first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-01"})
    default_error_messages = {"ongeldig": _("Vul een maand in zoals 2026-01.")}

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        maand = maanden.uit_tekst(value.strip())
        if maand is None:
            raise forms.ValidationError(self.error_messages["ongeldig"], code="ongeldig")
        return maand

    def prepare_value(self, value):
        return maanden.periode(value) if hasattr(value, "year") else value


class GemeenteMaandForm(forms.Form):
    gemeente = forms.ModelChoiceField(queryset=None, label=_("Gemeente"), empty_label=None)
    maand = MaandVeld(label=_("Maand"))

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        if len(gemeenten) == 1:
            self.fields["gemeente"].widget = forms.HiddenInput()


class SamenstellenForm(GemeenteMaandForm):
    betaaldatum = forms.DateField(
        label=_("Gewenste betaaldatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leeg: zo snel mogelijk na het uitvoeren."),
    )


class IntrekkenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom trekt u de betaalrun in?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class OpgaveForm(forms.Form):
    maand = MaandVeld(label=_("Over welke maand?"))
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RegelForm(forms.Form):
    """One row: who, which source, the net amount and the payslip."""

    persoon = forms.ChoiceField(label=_("Wie"), required=False)
    bron = forms.ChoiceField(
        label=_("Soort inkomsten"),
        required=False,
        choices=[("", _("Kies…")), *Inkomstenregel.Bron.choices],
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld de naam van de werkgever."),
    )
    bedrag = forms.DecimalField(
        label=_("Netto bedrag in euro"),
        required=False,
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "0,00"}),
        localize=True,
    )
    loonstrook = forms.FileField(
        label=_("Loonstrook"),
        required=False,
        help_text=_("PDF, JPG of PNG, hoogstens 10 MB. Verplicht bij loon uit werk."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    vorige_regel = forms.UUIDField(required=False, widget=forms.HiddenInput())

    def __init__(self, *args, leden=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persoon"].choices = [("", _("Kies…")), *leden]

    def is_leeg(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(data.get(veld) for veld in ("persoon", "bron", "bedrag", "loonstrook"))

    def clean(self):
        data = super().clean()
        if self.is_leeg():
            return data
        if not data.get("persoon"):
            self.add_error("persoon", _("Kies wie dit inkomen had."))
        if not data.get("bron"):
            self.add_error("bron", _("Kies de soort inkomsten."))
        if data.get("bedrag") is None and "bedrag" not in self.errors:
            self.add_error("bedrag", _("Vul het netto bedrag in."))
        return data


def regel_formset(*, extra: int):
    """Rows as a formset: the rows already entered plus `extra` empty ones."""
    return forms.formset_factory(RegelForm, extra=extra, max_num=20, absolute_max=20)


class RekeningForm(forms.Form):
    iban = forms.CharField(
        label=_("Nieuw IBAN"),
        max_length=42,
        help_text=_("Bijvoorbeeld NL91 ABNA 0417 1643 00."),
    )
    tenaamstelling = forms.CharField(label=_("Op naam van"), max_length=70)
    vanaf = MaandVeld(
        label=_("Vanaf de betaling over"),
        help_text=_("De eerste maand die op de nieuwe rekening komt."),
    )
    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        help_text=_("Bijvoorbeeld: de inwoner heeft een nieuwe bank."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
