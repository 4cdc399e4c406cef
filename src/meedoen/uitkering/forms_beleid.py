from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from meedoen.rules.reforms import REFORMS
from meedoen.uitkering.forms import bedrag_veld


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


class UitvoeringForm(forms.Form):
    """How the gemeente carries out the bijstand: retroactive effect, four eyes, what its letters
    say and the account it pays from."""

    terugwerkende_kracht_maanden = forms.TypedChoiceField(
        label=_("Bijstand met terugwerkende kracht"),
        help_text=_(
            "Hoeveel maanden vóór de aanvraag de bijstand mag ingaan (de wet: hoogstens 3)."
        ),
        choices=[(0, _("Niet")), (1, "1"), (2, "2"), (3, "3")],
        coerce=int,
    )
    vier_ogen_grens = bedrag_veld(
        _("Vier ogen bij een besluit boven (per maand)"),
        help_text=_(
            "Een besluit over algemene bijstand boven dit bedrag per maand moet een collega "
            "accorderen. Een besluit met een handmatige aanpassing altijd."
        ),
    )
    telefoonnummer = forms.CharField(
        label=_("Telefoonnummer voor inwoners"),
        max_length=20,
        help_text=_("Dit nummer staat in elke brief."),
    )
    postadres = forms.CharField(
        label=_("Postadres voor bezwaar"),
        max_length=200,
        help_text=_(
            "Waar de inwoner een bezwaarschrift heen stuurt. Dit staat in elke beschikking."
        ),
    )
    rekening_iban = forms.CharField(
        label=_("IBAN waarvan de gemeente betaalt"),
        max_length=42,
        help_text=_("Dit rekeningnummer staat in het bankbestand van elke betaalrun."),
    )
    rekening_bic = forms.CharField(
        label=_("BIC van die rekening"), max_length=11, help_text=_("Bijvoorbeeld INGBNL2A.")
    )
    rekening_naam = forms.CharField(label=_("Naam van de rekeninghouder"), max_length=70)
    vakantiegeld_maand = forms.TypedChoiceField(
        label=_("Maand waarin het vakantiegeld wordt betaald"),
        help_text=_("Het gespaarde vakantiegeld komt mee met de betaling over deze maand."),
        choices=list(MONTHS.items()),
        coerce=int,
    )
