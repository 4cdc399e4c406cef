from django import forms
from django.utils.translation import gettext_lazy as _

from meedoen.rules.reforms import REFORMS


class InkomensbeleidForm(forms.Form):
    rekenvarianten = forms.MultipleChoiceField(
        label=_("Rekenvarianten die in deze gemeente gelden"),
        help_text=_(
            "Een rekenvariant verandert een bedrag of regel, bijvoorbeeld een extra "
            "vrijlating in een experiment. Elke berekening van de gemeente gebruikt ze."
        ),
        choices=[(r.name, r.title_nl) for r in REFORMS.values()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
