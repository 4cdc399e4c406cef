from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.clients.models import PERSOON_GEGEVENS, HuishoudRol, Persoon
from meedoen.clients.validators import normaliseer_bsn, normaliseer_postcode, valideer_bsn


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ZoekForm(forms.Form):
    q = forms.CharField(
        label=_("Zoek een inwoner"),
        help_text=_("Naam, BSN of geboortedatum (dd-mm-jjjj). U mag ze combineren."),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class PersoonForm(forms.ModelForm):
    class Meta:
        model = Persoon
        fields = list(PERSOON_GEGEVENS)
        widgets = {
            "geboortedatum": DatumInput(),
            "bsn": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "telefoon": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }

    def clean_bsn(self):
        bsn = normaliseer_bsn(self.cleaned_data["bsn"])
        valideer_bsn(bsn)
        return bsn

    def clean_postcode(self):
        return normaliseer_postcode(self.cleaned_data["postcode"])

    def clean_geboortedatum(self):
        datum = self.cleaned_data["geboortedatum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("De geboortedatum ligt in de toekomst."))
        return datum

    def validate_unique(self):
        # Uniqueness of the BSN per gemeente is checked by the service with a clear message.
        pass


class RegistratieForm(PersoonForm):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None)

    class Meta(PersoonForm.Meta):
        fields = ["gemeente", *PERSOON_GEGEVENS]

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        self.order_fields(["gemeente", *PERSOON_GEGEVENS])


class NieuwLidForm(forms.Form):
    """Extra fields when a new person joins an existing household."""

    rol = forms.ChoiceField(
        label=_("Rol in het huishouden"),
        choices=[(r.value, r.label) for r in HuishoudRol if r != HuishoudRol.AANVRAGER],
    )
    per = forms.DateField(label=_("Hoort erbij vanaf"), widget=DatumInput())
    reden = forms.CharField(label=_("Reden"), max_length=300)


class BestaandLidForm(NieuwLidForm):
    bsn = forms.CharField(
        label=_("BSN van de inwoner"),
        help_text=_("De inwoner moet al geregistreerd zijn in dezelfde gemeente."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_bsn(self):
        bsn = normaliseer_bsn(self.cleaned_data["bsn"])
        valideer_bsn(bsn)
        return bsn


class BeeindigForm(forms.Form):
    per = forms.DateField(label=_("Hoort er niet meer bij vanaf"), widget=DatumInput())
    reden = forms.CharField(label=_("Reden"), max_length=300)


class RolWijzigForm(forms.Form):
    rol = forms.ChoiceField(label=_("Nieuwe rol"), choices=HuishoudRol.choices)
    per = forms.DateField(label=_("Vanaf"), widget=DatumInput())
    reden = forms.CharField(label=_("Reden"), max_length=300)
