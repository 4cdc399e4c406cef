from django import forms
from django.utils.translation import gettext_lazy as _

from meedoen.signalen.models import SignaalInstelling


class AfrondenForm(forms.Form):
    toelichting = forms.CharField(label=_("Wat is er gedaan?"), max_length=500, required=False)


class SchoolverlatersForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None)
    bestand = forms.FileField(
        label=_("CSV-bestand met schoolverlaters"),
        help_text=_(
            "Kolommen: voornamen, tussenvoegsel, achternaam, geboortedatum, school, "
            "onderwijssoort, verwachte_uitstroomdatum, contact, bsn (niet verplicht). "
            "Scheiding met ; of ,. Datums als dd-mm-jjjj."
        ),
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        return bestand


class InstellingForm(forms.ModelForm):
    class Meta:
        model = SignaalInstelling
        fields = ["schoolverlaters_maanden_vooraf"]
