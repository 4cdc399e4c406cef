"""The form for ending bijstand. The service checks the einddatum against the toekenning."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meedoen.clients.forms import DatumInput
from meedoen.uitkering.beeindiging.services import Reden


class BeeindigenForm(forms.Form):
    einddatum = forms.DateField(
        label=_("Einddatum"),
        help_text=_("De laatste dag met bijstand. Vanaf de dag erna stopt de bijstand."),
        widget=DatumInput(),
    )
    reden = forms.ChoiceField(
        label=_("Waarom stopt de bijstand?"), choices=Reden.choices, widget=forms.RadioSelect
    )
    toelichting = forms.CharField(
        label=_("Andere reden"),
        help_text=_("Alleen invullen bij 'Andere reden'. Dit komt in de brief."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    gronden = forms.CharField(
        label=_("Gronden van het besluit"),
        help_text=_(
            "Waarop rust dit besluit? Bijvoorbeeld: de arbeidsovereenkomst, het bericht van "
            "verhuizing. Dit komt in de brief."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # Set when the consulent has seen the warning about months that were already paid.
    doorgaan = forms.BooleanField(
        label=_("Ik heb de waarschuwing gelezen. Beëindig de bijstand toch per deze datum."),
        required=False,
    )
