from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumFout

from meedoen.clients.forms import DatumInput
from meedoen.core.forms import naar_cent
from meedoen.uitkering.bijzondere.services import Uitkomst
from meedoen.uitkering.forms import bedrag_veld


class AanvraagForm(forms.Form):
    categorie = forms.ModelChoiceField(
        label=_("Soort kosten"), queryset=None, empty_label=_("Kies een soort kosten")
    )
    omschrijving = forms.CharField(
        label=_("Waarvoor zijn de kosten?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    bedrag = bedrag_veld(_("Bedrag van de kosten"))
    inkomen = bedrag_veld(
        _("Netto inkomen van het huishouden per maand"),
        help_text=_("Alles bij elkaar: uitkering, loon en ander inkomen."),
    )
    ingediend_op = forms.DateField(label=_("Aangevraagd op"), widget=DatumInput())
    bewijs = forms.FileField(
        label=_("Bewijsstuk (bijvoorbeeld een offerte of rekening)"),
        help_text=_("PDF, JPG of PNG, hoogstens 10 MB."),
        required=False,
    )
    iban = forms.CharField(label=_("IBAN voor de betaling"), max_length=42)
    tenaamstelling = forms.CharField(label=_("Op naam van"), max_length=70)

    def __init__(self, *args, categorieen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categorie"].queryset = categorieen

    def clean_bedrag(self):
        bedrag = self.cleaned_data["bedrag"]
        if bedrag is not None and bedrag <= 0:
            raise forms.ValidationError(_("Vul een bedrag in van meer dan € 0."))
        return bedrag

    def clean_iban(self):
        waarde = self.cleaned_data["iban"]
        try:
            return stdnum_iban.validate(waarde)
        except StdnumFout as exc:
            raise forms.ValidationError(
                _(
                    "Dit is geen geldig IBAN. Controleer het nummer, bijvoorbeeld "
                    "NL91 ABNA 0417 1643 00."
                )
            ) from exc

    def gegevens(self) -> dict:
        d = self.cleaned_data
        return {
            "categorie": d["categorie"],
            "omschrijving": d["omschrijving"],
            "bedrag_cent": naar_cent(d["bedrag"]),
            "inkomen_cent": naar_cent(d["inkomen"]),
            "ingediend_op": d["ingediend_op"],
            "iban": d["iban"],
            "tenaamstelling": d["tenaamstelling"],
            "bewijs": d.get("bewijs"),
        }


def _leeg_bedrag_veld(label, **kwargs) -> forms.DecimalField:
    """An amount field that starts empty (empty means: no other amount)."""
    veld = bedrag_veld(label, **kwargs)
    veld.initial = None
    return veld


class BeslissingForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"), choices=Uitkomst.KEUZES, widget=forms.RadioSelect
    )
    gronden = forms.CharField(
        label=_("Gronden"),
        help_text=_("Waarom beslist u zo? Dit komt in de brief aan de inwoner."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    bedrag = _leeg_bedrag_veld(
        _("Ander bedrag toekennen (maatwerk)"),
        required=False,
        help_text=_(
            "Laat leeg om het bedrag volgens de berekening toe te kennen. Een ander bedrag "
            "moet een collega accorderen."
        ),
    )
    maatwerk_reden = forms.CharField(
        label=_("Waarom een ander bedrag?"),
        help_text=_("Verplicht bij een ander bedrag. Dit komt in de brief aan de inwoner."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    boven_kosten = forms.BooleanField(
        label=_("Ik ken bewust meer toe dan de gevraagde kosten"),
        required=False,
    )

    def gegevens(self) -> dict:
        d = self.cleaned_data
        return {
            "besluit": d["besluit"],
            "gronden": d["gronden"],
            "bedrag_cent": None if d.get("bedrag") is None else naar_cent(d["bedrag"]),
            "maatwerk_reden": d.get("maatwerk_reden", ""),
            "boven_kosten": d.get("boven_kosten", False),
        }


class AccorderenForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class TerugsturenForm(forms.Form):
    reden = forms.CharField(
        label=_("Wat moet er anders?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Schrijf op wat er anders moet.")},
    )


class KostenCategorieForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=100)
    maximum = bedrag_veld(
        _("Maximum per aanvraag"),
        required=False,
        help_text=_("Leeg: geen maximum."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    actief = forms.BooleanField(label=_("Kan worden aangevraagd"), required=False, initial=True)

    def gegevens(self) -> dict:
        d = self.cleaned_data
        return {
            "naam": d["naam"],
            "maximum_cent": None if d.get("maximum") is None else naar_cent(d["maximum"]),
            "toelichting": d.get("toelichting", ""),
            "actief": d.get("actief", False),
        }


class DraagkrachtForm(forms.Form):
    """Draagkracht policy for bijzondere bijstand, on the Inkomensbeleid page."""

    draagkrachtvrije_voet_percentage = forms.IntegerField(
        label=_("Draagkrachtvrije voet (% van de bijstandsnorm)"),
        help_text=_("Tussen 100 en 150. Inkomen tot dit bedrag telt niet als draagkracht."),
        validators=[MinValueValidator(100), MaxValueValidator(150)],
    )
    draagkracht_percentage = forms.IntegerField(
        label=_("Draagkrachtpercentage"),
        help_text=_("Welk deel van het inkomen boven de voet telt als draagkracht (0 tot 100)."),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    draagkracht_periode_maanden = forms.IntegerField(
        label=_("Draagkrachtperiode (maanden)"),
        help_text=_("Over hoeveel maanden de draagkracht telt (1 tot 12)."),
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    bijzondere_vier_ogen_grens = bedrag_veld(
        _("Vier ogen bij bijzondere bijstand boven"),
        help_text=_(
            "Een toekenning boven dit bedrag moet een collega accorderen. Een ander bedrag dan "
            "de berekening (maatwerk) altijd."
        ),
    )

    def gegevens(self) -> dict:
        d = self.cleaned_data
        return {
            "draagkrachtvrije_voet_percentage": d["draagkrachtvrije_voet_percentage"],
            "draagkracht_percentage": d["draagkracht_percentage"],
            "draagkracht_periode_maanden": d["draagkracht_periode_maanden"],
            "bijzondere_vier_ogen_grens_cent": naar_cent(d["bijzondere_vier_ogen_grens"]),
        }
