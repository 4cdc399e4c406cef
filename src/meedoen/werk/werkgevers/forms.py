from django import forms
from django.utils.translation import gettext_lazy as _

from meedoen.accounts.models import User
from meedoen.clients.forms import DatumInput
from meedoen.core.roles import Rol
from meedoen.werk.models import Contactpersoon, Vacature, Werkgever
from meedoen.werk.taxonomie.formvelden import (
    BEROEP,
    VAARDIGHEID,
    TaxonomieFormMixin,
    TaxonomieVeld,
)

MAX_BESTAND = 2 * 1024 * 1024


class WerkgeverForm(forms.ModelForm):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None)

    class Meta:
        model = Werkgever
        fields = ["gemeente", "naam", "kvk_nummer", "sector", "postcode", "plaats", "accounthouder"]

    def __init__(self, *args, gemeenten, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            del self.fields["gemeente"]
        else:
            self.fields["gemeente"].queryset = gemeenten
        # Spaces and dots are allowed here; the service removes them and checks the 8 digits.
        self.fields["kvk_nummer"] = forms.CharField(
            label=_("KvK-nummer"),
            max_length=20,
            help_text=_("8 cijfers, zoals op het uittreksel van de KvK."),
        )
        self.fields["accounthouder"].queryset = (
            User.objects.filter(
                organisatie=organisatie,
                is_active=True,
                rollen__code__in=[Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER],
            )
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["accounthouder"].empty_label = _("Nog niemand")

    def _post_clean(self):
        # The service validates (KvK rules, uniqueness per gemeente) and saves.
        pass


class ContactpersoonForm(forms.ModelForm):
    class Meta:
        model = Contactpersoon
        fields = ["naam", "functie", "telefoon", "email"]


class VacatureForm(TaxonomieFormMixin, forms.ModelForm):
    beroep = TaxonomieVeld(
        soort=BEROEP,
        label=_("Beroep"),
        help_text=_("Zoek het beroep dat het best past bij de vacature."),
        error_messages={"required": _("Kies een beroep.")},
    )
    vaardigheden_vereist = TaxonomieVeld(
        soort=VAARDIGHEID, meervoud=True, required=False, label=_("Vereiste vaardigheden")
    )
    vaardigheden_gewenst = TaxonomieVeld(
        soort=VAARDIGHEID, meervoud=True, required=False, label=_("Gewenste vaardigheden")
    )

    class Meta:
        model = Vacature
        fields = [
            "werkgever",
            "titel",
            "beroep",
            "omschrijving",
            "uren_per_week",
            "postcode",
            "startdatum",
            "plaatsen",
            "contractvorm",
            "opleidingsniveau_min",
            "vaardigheden_vereist",
            "vaardigheden_gewenst",
            "rijbewijs_nodig",
            "geschikt_loonkostensubsidie",
            "geschikt_beschut_werk",
        ]
        widgets = {"startdatum": DatumInput(), "omschrijving": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, werkgevers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkgever"].queryset = werkgevers
        self.fields["werkgever"].empty_label = _("Kies een werkgever")
        if not self.instance._state.adding:
            self.fields["werkgever"].disabled = True

    def _post_clean(self):
        # The service validates against the taxonomy and the postcode format, and saves.
        pass


class ImportForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None)
    bestand = forms.FileField(
        label=_("CSV-bestand met vacatures"),
        help_text=_(
            "Eerste regel: de kolomnamen. Scheiding met ; of ,. Zie het voorbeeldbestand voor "
            "de kolommen."
        ),
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_BESTAND:
            raise forms.ValidationError(_("Het bestand is groter dan 2 MB. Splits het bestand."))
        return bestand
