from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.clients.forms import DatumInput
from meedoen.werk.koppelen.overgangen import volgende_statussen
from meedoen.werk.koppelen.services import GEWICHT_VELDEN
from meedoen.werk.models import Opleiding, Voorstel, Werkbeleid
from meedoen.werk.taxonomie.formvelden import (
    BEROEP,
    VAARDIGHEID,
    TaxonomieFormMixin,
    TaxonomieVeld,
)

TEKSTVAK = forms.Textarea(attrs={"rows": 3})


class VoorstelForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Toelichting bij het voorstel"), required=False, max_length=2000, widget=TEKSTVAK
    )


class VoorstelStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Wat is er gebeurd?"), widget=forms.RadioSelect)
    afwijsreden = forms.CharField(
        label=_("Reden waarom het niet doorgaat"),
        required=False,
        max_length=300,
        help_text=_("Alleen invullen als het voorstel niet doorgaat."),
    )
    begindatum = forms.DateField(
        label=_("Begindatum van het werk"),
        required=False,
        widget=DatumInput(),
        help_text=_("Alleen invullen als de inwoner geplaatst is."),
    )
    uren_per_week = forms.IntegerField(
        label=_("Uren per week"),
        required=False,
        min_value=1,
        max_value=60,
        help_text=_("Leeg laten: de uren van de vacature."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=TEKSTVAK
    )

    def __init__(self, *args, voorstel: Voorstel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s, Voorstel.Status(s).label) for s in volgende_statussen(voorstel.status)
        ]

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status == Voorstel.Status.AFGEWEZEN and not (data.get("afwijsreden") or "").strip():
            self.add_error("afwijsreden", _("Schrijf op waarom het niet doorgaat."))
        if status == Voorstel.Status.GEPLAATST and not data.get("begindatum"):
            self.add_error("begindatum", _("Vul de begindatum van het werk in."))
        return data


class WerkbeleidForm(forms.ModelForm):
    class Meta:
        model = Werkbeleid
        fields = ["recht_op_werk", *GEWICHT_VELDEN]
        help_texts = {
            "recht_op_werk": _(
                "Aan: de gemeente biedt inwoners een arbeidscontract in plaats van een uitkering."
            ),
            "gewicht_beroep_exact": _("De inwoner heeft ervaring in precies dit beroep."),
            "gewicht_beroep_verwant": _("De inwoner heeft ervaring in een verwant beroep."),
            "gewicht_vaardigheden": _("De inwoner heeft de vaardigheden die de vacature vraagt."),
            "gewicht_uren": _("De uren van de vacature passen bij de uren van de inwoner."),
            "gewicht_afstand": _("Het werk is dichtbij, binnen de reisafstand van de inwoner."),
            "gewicht_opleiding": _("De inwoner heeft het opleidingsniveau dat nodig is."),
            "gewicht_wensen": _("De inwoner wil dit beroep graag doen."),
        }
        widgets = {v: forms.NumberInput(attrs={"step": "0.5"}) for v in GEWICHT_VELDEN}

    def clean(self):
        data = super().clean()
        if all(data.get(v) == 0 for v in GEWICHT_VELDEN):
            raise forms.ValidationError(_("Geef minstens één onderdeel een gewicht boven 0."))
        return data


class RapportForm(forms.Form):
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    van = forms.DateField(label=_("Voorgesteld vanaf"), widget=DatumInput())
    tot = forms.DateField(label=_("Tot en met"), widget=DatumInput())

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [
            ("", _("Alle gemeenten")),
            *[(str(g.pk), g.naam) for g in gemeenten],
        ]

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("Deze datum ligt voor de begindatum."))
        return data

    @classmethod
    def standaard(cls) -> dict:
        vandaag = timezone.localdate()
        return {"van": vandaag.replace(month=1, day=1), "tot": vandaag, "gemeente": ""}


class OpleidingForm(TaxonomieFormMixin, forms.ModelForm):
    """A catalogue entry with the skills and occupations it leads to, chosen from the taxonomy,
    so that a skill gap can be answered with this course."""

    vaardigheden = TaxonomieVeld(
        soort=VAARDIGHEID,
        meervoud=True,
        required=False,
        label=_("Vaardigheden en certificaten die het oplevert"),
    )
    beroepen = TaxonomieVeld(
        soort=BEROEP, meervoud=True, required=False, label=_("Beroepen waar het toe leidt")
    )
    kosten = forms.DecimalField(
        label=_("Kosten in euro"),
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=2,
        initial=Decimal("0.00"),
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        error_messages={
            "min_value": _("Een bedrag kan niet negatief zijn."),
            "max_decimal_places": _("Gebruik hoogstens 2 cijfers achter de komma."),
            "invalid": _("Vul een bedrag in, bijvoorbeeld 250,00."),
        },
    )

    class Meta:
        model = Opleiding
        fields = ["naam", "soort", "aanbieder", "vaardigheden", "beroepen", "duur_weken", "actief"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["naam", "soort", "aanbieder", "vaardigheden", "beroepen"])
        if not self.instance._state.adding and not self.is_bound:
            self.initial["kosten"] = Decimal(self.instance.kosten_cent) / 100

    def gegevens(self) -> dict:
        data = dict(self.cleaned_data)
        data["kosten_cent"] = int(data.pop("kosten") * 100)
        return data
