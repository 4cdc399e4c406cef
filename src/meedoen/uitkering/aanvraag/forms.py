"""Forms for applications and decisions. Amounts are typed in euro and handed to the services
as integer eurocent."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.clients.forms import DatumInput
from meedoen.core.forms import naar_cent
from meedoen.uitkering.aanvraag import bezwaar, statusflow
from meedoen.uitkering.forms import bedrag_veld
from meedoen.uitkering.models import Aanvraag, Besluit, Inkomstenregel


class AanvraagForm(forms.Form):
    ontvangen_op = forms.DateField(
        label=_("Datum van ontvangst"),
        help_text=_(
            "De dag waarop de gemeente de aanvraag kreeg. De beslistermijn telt vanaf hier."
        ),
        widget=DatumInput(),
    )
    gewenste_ingangsdatum = forms.DateField(
        label=_("Gewenste ingangsdatum"),
        help_text=_("Vanaf wanneer vraagt de inwoner bijstand?"),
        widget=DatumInput(),
    )
    iban = forms.CharField(
        label=_("IBAN"),
        max_length=42,
        help_text=_(
            "Het rekeningnummer waarop de bijstand komt, bijvoorbeeld NL91 ABNA 0417 1643 00."
        ),
    )
    tenaamstelling = forms.CharField(label=_("Op naam van"), max_length=70)
    vermogen = bedrag_veld(_("Vermogen (spaargeld, auto, enzovoort)"))
    eigen_woning = bedrag_veld(
        _("Vermogen in de eigen woning"),
        help_text=_("De waarde van de woning min de hypotheek. Vul 0 in zonder eigen woning."),
    )
    kan_niet_terugvallen_op_ouders = forms.BooleanField(
        label=_("Jonger dan 21 en kan niet terugvallen op de ouders"), required=False
    )
    vrijlating_werk_maanden = forms.IntegerField(
        label=_("Maanden vrijlating voor werk al gebruikt"), initial=0, min_value=0, max_value=6
    )
    vrijlating_alleenstaande_ouder_maanden = forms.IntegerField(
        label=_("Maanden vrijlating alleenstaande ouder al gebruikt"),
        initial=0,
        min_value=0,
        max_value=30,
    )
    zoektermijn_maatwerk = forms.BooleanField(
        label=_("Maatwerk: de zoektermijn van 4 weken geldt niet"),
        help_text=_("Alleen voor inwoners jonger dan 27, bijvoorbeeld bij een crisis."),
        required=False,
    )
    zoektermijn_maatwerk_reden = forms.CharField(
        label=_("Reden voor maatwerk"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, medebewoners=(), heeft_partner=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ontvangen_op"].initial = timezone.localdate()
        if heeft_partner:
            self.fields["partner_vrijlating_werk_maanden"] = forms.IntegerField(
                label=_("Maanden vrijlating voor werk partner al gebruikt"),
                initial=0,
                min_value=0,
                max_value=6,
            )
        self.medebewoners = list(medebewoners)
        for lid in self.medebewoners:
            naam = lid.persoon.volledige_naam
            self.fields[f"mb_{lid.persoon_id}_commercieel"] = forms.BooleanField(
                label=_("%(naam)s huurt of verhuurt op een zakelijk contract") % {"naam": naam},
                required=False,
            )
            self.fields[f"mb_{lid.persoon_id}_student"] = forms.BooleanField(
                label=_("%(naam)s studeert met studiefinanciering") % {"naam": naam},
                required=False,
            )

    def medebewoner_keuzes(self) -> dict[str, dict]:
        d = self.cleaned_data
        return {
            str(lid.persoon_id): {
                "commerciele_huur": d.get(f"mb_{lid.persoon_id}_commercieel", False),
                "student": d.get(f"mb_{lid.persoon_id}_student", False),
            }
            for lid in self.medebewoners
        }


class InkomenForm(forms.Form):
    persoon = forms.ChoiceField(label=_("Van wie"))
    bron = forms.ChoiceField(label=_("Soort inkomen"), choices=Inkomstenregel.Bron.choices)
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=200, required=False)
    bedrag = bedrag_veld(_("Netto per maand"))

    def __init__(self, *args, personen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persoon"].choices = list(personen)
        if personen:
            self.fields["persoon"].initial = personen[0][0]

    def als_regel(self) -> dict | None:
        d = self.cleaned_data
        if not d or not d.get("bedrag"):
            return None
        return {
            "persoon_id": d["persoon"],
            "bron": d["bron"],
            "omschrijving": d.get("omschrijving", ""),
            "netto_cent": naar_cent(d["bedrag"]),
        }


InkomenFormSet = forms.formset_factory(InkomenForm, extra=3, max_num=12)


class StatusForm(forms.Form):
    naar = forms.ChoiceField(label=_("Nieuwe status"))
    reden = forms.CharField(
        label=_("Reden"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, van: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar"].choices = [
            (naar, Aanvraag.Status(naar).label)
            for naar in statusflow.handmatige_overgangen(van)
            if (van, naar) not in bezwaar.EIGEN_FORMULIER
        ]


class BezwaarForm(forms.Form):
    ontvangen_op = forms.DateField(
        label=_("Bezwaarschrift ontvangen op"),
        help_text=_("De dag waarop de gemeente het bezwaar kreeg."),
        widget=DatumInput(),
    )
    toelichting = forms.CharField(
        label=_("Waar is de inwoner het niet mee eens?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BezwaarAfhandelenForm(forms.Form):
    beslist_op = forms.DateField(label=_("Datum van de beslissing op bezwaar"), widget=DatumInput())
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"), choices=bezwaar.Uitkomst.choices, widget=forms.RadioSelect
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class HeroverwegenForm(forms.Form):
    reden = forms.CharField(
        label=_("Wat verandert er aan het besluit?"),
        help_text=_("Bijvoorbeeld: de auto is nodig voor werk en telt niet mee als vermogen."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VerdagingForm(forms.Form):
    verdaagd_tot = forms.DateField(label=_("Nieuwe beslistermijn"), widget=DatumInput())
    verdagingsreden = forms.CharField(
        label=_("Reden voor verdagen"),
        help_text=_("De inwoner krijgt deze reden te horen."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RekenForm(forms.Form):
    ingangsdatum = forms.DateField(
        label=_("Bereken voor de maand van"),
        help_text=_("Meestal de gewenste ingangsdatum."),
        widget=DatumInput(),
    )


class BesluitForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            (Besluit.Soort.TOEKENNING, _("Toekennen")),
            (Besluit.Soort.AFWIJZING, _("Afwijzen")),
            (Besluit.Soort.BUITEN_BEHANDELING, _("Buiten behandeling stellen")),
        ],
        widget=forms.RadioSelect,
    )
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"),
        help_text=_("Alleen bij toekennen. We rekenen met de bedragen van die maand."),
        widget=DatumInput(),
        required=False,
    )
    correctie = forms.DecimalField(
        label=_("Handmatige aanpassing per maand"),
        help_text=_("Alleen als de berekening niet past, bijvoorbeeld -50,00 of 25,00."),
        max_digits=9,
        decimal_places=2,
        initial=Decimal("0.00"),
        required=False,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        error_messages={
            "invalid": _("Vul een bedrag in, bijvoorbeeld -50,00 of 25,00."),
            "max_decimal_places": _("Gebruik hoogstens 2 cijfers achter de komma."),
        },
    )
    correctie_reden = forms.CharField(
        label=_("Reden voor de aanpassing"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    gronden = forms.CharField(
        label=_("Gronden"),
        help_text=_("Waarom dit besluit? De inwoner leest dit in de brief."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AccorderenForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class TerugsturenForm(forms.Form):
    reden = forms.CharField(
        label=_("Wat moet er anders?"), widget=forms.Textarea(attrs={"rows": 2})
    )
