from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from meedoen.clients.forms import DatumInput
from meedoen.core.forms import naar_cent
from meedoen.rules.periods import last_period
from meedoen.uitkering.forms import bedrag_veld, maanden_veld
from meedoen.werk.banen.selectors import BaanStatus
from meedoen.werk.banen.services import Beeindigingsreden
from meedoen.werk.banen.services.banen import BAAN_VELDEN, VRAGEN
from meedoen.werk.models import MaatschappelijkeBaan, Plaatsing
from meedoen.werk.models.keuzes import Sector

TEKSTVAK = forms.Textarea(attrs={"rows": 3})
JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]
MAAND = RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", _("Kies een maand."))


class BanenFilterForm(forms.Form):
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("Alle sectoren")), *Sector.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            ("", _("Alle")),
            (BaanStatus.OPEN, _("Open voor plaatsingen")),
            (BaanStatus.TOETS_NODIG, _("Verdringingstoets nog nodig")),
            (BaanStatus.AFGELOPEN, _("Afgelopen")),
        ],
        required=False,
    )
    vrij = forms.BooleanField(label=_("Alleen banen met vrije plaatsen"), required=False)


class BaanForm(forms.ModelForm):
    class Meta:
        model = MaatschappelijkeBaan
        fields = list(BAAN_VELDEN)
        widgets = {
            "taken": TEKSTVAK,
            "begindatum": DatumInput(),
            "einddatum": DatumInput(),
        }
        help_texts = {
            "beroep": _("Niet verplicht. De code van het beroep uit de beroepenlijst."),
            "capaciteit": _("Hoeveel inwoners hier tegelijk kunnen werken."),
        }


class NieuweBaanForm(BaanForm):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None)

    field_order = ["gemeente"]

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        self.order_fields(["gemeente", *BAAN_VELDEN])


class VerdringingstoetsForm(forms.Form):
    """One yes/no question with its reason per row of VRAGEN."""

    bevestiging = forms.BooleanField(
        label=_("Ik heb dit gecontroleerd en bevestig dat deze baan geen betaald werk verdringt.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        velden = {}
        for sleutel, vraag, _goed in VRAGEN:
            velden[sleutel] = forms.ChoiceField(
                label=vraag, choices=JA_NEE, widget=forms.RadioSelect
            )
            velden[f"{sleutel}_toelichting"] = forms.CharField(
                label=_("Waarom?"), widget=TEKSTVAK, max_length=1000
            )
        velden["bevestiging"] = self.fields.pop("bevestiging")
        self.fields = velden | dict(self.fields)

    def antwoorden(self) -> dict[str, bool]:
        return {s: self.cleaned_data[s] == "ja" for s, _v, _g in VRAGEN}

    def toelichtingen(self) -> dict[str, str]:
        return {s: self.cleaned_data[f"{s}_toelichting"] for s, _v, _g in VRAGEN}


class PlaatsingForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort plaatsing"), choices=Plaatsing.Soort.choices, widget=forms.RadioSelect
    )
    baan = forms.ModelChoiceField(
        label=_("Maatschappelijke baan"),
        queryset=None,
        required=False,
        empty_label=_("Kies een baan"),
        help_text=_("Alleen banen met een bevestigde verdringingstoets en een vrije plaats."),
    )
    vacature = forms.ModelChoiceField(
        label=_("Vacature"),
        queryset=None,
        required=False,
        empty_label=_("Kies een vacature"),
        help_text=_("Bij een reguliere werkgever of een detachering."),
    )
    begindatum = forms.DateField(label=_("Begindatum"), widget=DatumInput())
    einddatum = forms.DateField(label=_("Einddatum"), widget=DatumInput(), required=False)
    uren_per_week = forms.IntegerField(label=_("Uren per week"), min_value=1, max_value=60)

    def __init__(self, *args, banen, vacatures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["baan"].queryset = banen
        self.fields["baan"].label_from_instance = lambda b: (
            _("%(titel)s bij %(organisatie)s (%(vrij)s vrij)")
            % {"titel": b.titel, "organisatie": b.gastorganisatie, "vrij": b.vrij}
        )
        self.fields["vacature"].queryset = vacatures
        self.fields["vacature"].label_from_instance = lambda v: f"{v.titel} — {v.werkgever.naam}"


class PlaatsingContactForm(forms.Form):
    datum = forms.DateField(label=_("Datum van het contact"), widget=DatumInput())
    verloop = forms.CharField(
        label=_("Hoe gaat het?"),
        help_text=_("Voor de inwoner en voor de werkplek."),
        widget=TEKSTVAK,
        max_length=2000,
    )
    volgende_contact = forms.DateField(
        label=_("Volgend contact"), widget=DatumInput(), required=False
    )


class PlaatsingBeeindigenForm(forms.Form):
    datum = forms.DateField(label=_("Laatste werkdag"), widget=DatumInput())
    reden = forms.CharField(label=_("Reden"), max_length=300)


class LoonwaardeForm(forms.Form):
    percentage = forms.IntegerField(
        label=_("Loonwaarde in procent"),
        help_text=_("Een heel getal: hoeveel procent van het minimumloon het werk waard is."),
        min_value=0,
        max_value=99,
    )
    methode = forms.CharField(
        label=_("Methode"),
        max_length=200,
        help_text=_("Bijvoorbeeld: de uniforme loonwaardebepaling op de werkplek."),
    )
    vastgesteld_door = forms.CharField(label=_("Vastgesteld door"), max_length=200)
    vastgesteld_op = forms.DateField(label=_("Vastgesteld op"), widget=DatumInput())
    periode = forms.CharField(
        label=_("Berekenen voor de maand"),
        validators=[MAAND],
        widget=forms.DateInput(attrs={"type": "month"}),
        help_text=_("Het minimumloon van deze maand wordt gebruikt."),
    )


class ContractForm(forms.Form):
    plaatsing = forms.ModelChoiceField(
        label=_("Plaatsing"),
        queryset=None,
        empty_label=_("Kies de plaatsing"),
        help_text=_("Een maatschappelijke baan of een detachering van de inwoner."),
    )
    begindatum = forms.DateField(label=_("Begindatum"), widget=DatumInput())
    einddatum = forms.DateField(label=_("Einddatum"), widget=DatumInput(), required=False)
    uren_per_week = forms.IntegerField(label=_("Uren per week"), min_value=1, max_value=40)
    bruto_uurloon = bedrag_veld(
        _("Bruto uurloon"), help_text=_("Minstens het minimumloon voor de leeftijd.")
    )
    netto_maandloon = bedrag_veld(
        _("Netto maandloon"),
        help_text=_(
            "Uit de salarisadministratie van de gemeente. Meedoen rekent geen loonheffing uit."
        ),
    )
    maanden_vrijlating_gebruikt = maanden_veld(
        _("Maanden vrijlating voor werk al gebruikt door de inwoner"), 6
    )
    partner_netto_inkomen = bedrag_veld(
        _("Netto inkomen van de partner per maand"),
        required=False,
        help_text=_("Alleen als er een partner is."),
    )
    partner_maanden_vrijlating_gebruikt = maanden_veld(
        _("Maanden vrijlating voor werk al gebruikt door de partner"), 6
    )

    def __init__(self, *args, plaatsingen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plaatsing"].queryset = plaatsingen
        self.fields["plaatsing"].label_from_instance = plaatsing_label
        laatste = last_period()
        if laatste:
            self.fields["begindatum"].help_text = _(
                "De rekenregels kennen het minimumloon en de bijstand tot en met %(maand)s."
            ) % {"maand": laatste}
        self.fields["partner_maanden_vrijlating_gebruikt"].required = False

    def gegevens(self) -> dict:
        d = self.cleaned_data
        return {
            "plaatsing": d["plaatsing"],
            "begindatum": d["begindatum"],
            "einddatum": d.get("einddatum"),
            "uren_per_week": d["uren_per_week"],
            "bruto_uurloon_cent": naar_cent(d["bruto_uurloon"]),
            "netto_maandloon_cent": naar_cent(d["netto_maandloon"]),
            "maanden_vrijlating_gebruikt": d["maanden_vrijlating_gebruikt"],
            "partner_netto_inkomen_cent": naar_cent(d.get("partner_netto_inkomen")),
            "partner_maanden_vrijlating_gebruikt": d.get("partner_maanden_vrijlating_gebruikt")
            or 0,
        }


def plaatsing_label(p: Plaatsing) -> str:
    plek = p.baan.titel if p.baan_id else (p.vacature.titel if p.vacature_id else "")
    return f"{p.get_soort_display()}: {plek} ({p.begindatum:%d-%m-%Y})"


class ContractBeeindigenForm(forms.Form):
    datum = forms.DateField(label=_("Laatste dag van het contract"), widget=DatumInput())
    reden = forms.ChoiceField(
        label=_("Reden"), choices=Beeindigingsreden.choices, widget=forms.RadioSelect
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=250,
        help_text=_("Bijvoorbeeld bij welke werkgever de inwoner gaat werken."),
    )


class AllocatieKeuzeForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None)
    soort = forms.ChoiceField(
        label=_("Welke plekken?"),
        choices=[
            ("banen", _("Alle maatschappelijke banen met vrije plaatsen")),
            ("vacatures", _("De vacatures die ik hieronder kies")),
        ],
        widget=forms.RadioSelect,
        initial="banen",
    )
    vacatures = forms.ModelMultipleChoiceField(
        label=_("Vacatures"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, gemeenten, vacatures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        self.fields["vacatures"].queryset = vacatures
        self.fields["vacatures"].label_from_instance = lambda v: (
            f"{v.titel} — {v.werkgever.naam} ({v.gemeente.naam})"
        )

    def clean(self):
        data = super().clean()
        if data.get("soort") == "vacatures" and not data.get("vacatures"):
            self.add_error("vacatures", _("Kies minstens één vacature."))
        return data


class AllocatieRegelForm(forms.Form):
    persoon = forms.CharField(widget=forms.HiddenInput)
    plek = forms.ChoiceField(label=_("Plek"), required=False)
    bevestigd = forms.BooleanField(label=_("Voorstellen"), required=False)

    def __init__(self, *args, plekken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plek"].choices = [("", _("Geen plek"))] + [
            (p.id, f"{p.titel} ({p.organisatie})") for p in plekken
        ]

    def clean(self):
        data = super().clean()
        if data.get("bevestigd") and not data.get("plek"):
            self.add_error("plek", _("Kies een plek, of vink 'voorstellen' uit."))
        return data


AllocatieRegelFormSet = forms.formset_factory(AllocatieRegelForm, extra=0)
