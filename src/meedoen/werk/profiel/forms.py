from django import forms
from django.utils.translation import gettext_lazy as _

from meedoen.clients.forms import DatumInput
from meedoen.werk.models import Werkprofiel
from meedoen.werk.profiel.services import PROFIEL_VELDEN
from meedoen.werk.taxonomie.formvelden import (
    BEROEP,
    VAARDIGHEID,
    TaxonomieFormMixin,
    TaxonomieVeld,
)

TEKSTVAK = forms.Textarea(attrs={"rows": 3})


class WerkprofielForm(TaxonomieFormMixin, forms.ModelForm):
    talen = forms.CharField(
        label=_("Talen die de inwoner spreekt"),
        help_text=_("Scheid met komma's, bijvoorbeeld: Nederlands, Arabisch, Engels."),
        required=False,
        max_length=300,
    )
    vaardigheden = TaxonomieVeld(
        soort=VAARDIGHEID,
        meervoud=True,
        required=False,
        label=_("Vaardigheden, certificaten en rijbewijzen"),
    )
    wens_beroepen = TaxonomieVeld(
        soort=BEROEP, meervoud=True, required=False, label=_("Beroepen die de inwoner wil")
    )
    nogo_beroepen = TaxonomieVeld(
        soort=BEROEP, meervoud=True, required=False, label=_("Beroepen die de inwoner niet wil")
    )

    class Meta:
        model = Werkprofiel
        fields = list(PROFIEL_VELDEN)  # exactly what the service saves
        widgets = {
            "beschikbaar_vanaf": DatumInput(),
            "met_inwoner_besproken_op": DatumInput(),
            "wensen": TEKSTVAK,
            "nogos": TEKSTVAK,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        talen = self.initial.get("talen")
        if isinstance(talen, list):
            self.initial["talen"] = ", ".join(talen)

    def clean_talen(self) -> list[str]:
        delen = (self.cleaned_data.get("talen") or "").replace(";", ",").split(",")
        return list(dict.fromkeys(d.strip() for d in delen if d.strip()))


class KommagetalVeld(forms.DecimalField):
    """Accepts "4,5" as well as "4.5": people type a Dutch decimal comma."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class WerkervaringForm(forms.Form):
    functietitel = forms.CharField(
        label=_("Functie, in de woorden van de inwoner"),
        help_text=_("Bijvoorbeeld: heftruckchauffeur, schoonmaakster, kassamedewerker."),
        max_length=200,
    )
    jaren = KommagetalVeld(
        label=_("Jaren ervaring"), max_digits=4, decimal_places=1, min_value=0, max_value=60
    )


class BeroepKiezenForm(TaxonomieFormMixin, WerkervaringForm):
    beroep = TaxonomieVeld(
        soort=BEROEP,
        label=_("Beroep"),
        help_text=_("Kies het beroep dat het best past, of zoek een ander."),
        error_messages={"required": _("Kies een beroep.")},
    )
