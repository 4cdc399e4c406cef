"""The calculation form: a situation as an inkomensconsulent enters it, turned into the
situation contract of the rules engine (docs/rules.md)."""

from decimal import Decimal

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from meedoen.clients.forms import DatumInput

BEDRAG = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal("0.00")}


def bedrag_veld(label, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        initial=Decimal("0.00"),
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        error_messages={
            "min_value": _("Een bedrag kan niet negatief zijn."),
            "max_decimal_places": _("Gebruik hoogstens 2 cijfers achter de komma."),
            "invalid": _("Vul een bedrag in, bijvoorbeeld 250,00."),
        },
        **BEDRAG,
        **kwargs,
    )


def maanden_veld(label, maximum) -> forms.IntegerField:
    return forms.IntegerField(label=label, initial=0, min_value=0, max_value=maximum)


class BerekeningForm(forms.Form):
    periode = forms.CharField(
        label=_("Maand"),
        help_text=_("De maand waarvoor u rekent."),
        validators=[RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", _("Kies een maand."))],
        widget=forms.DateInput(attrs={"type": "month"}),
    )
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None)

    aanvrager_geboortedatum = forms.DateField(label=_("Geboortedatum"), widget=DatumInput())
    aanvrager_inkomen_werk = bedrag_veld(_("Inkomsten uit werk per maand (netto)"))
    aanvrager_inkomen_overig = bedrag_veld(_("Ander inkomen per maand (netto)"))
    aanvrager_maanden_vrijlating_werk = maanden_veld(
        _("Maanden vrijlating voor werk al gebruikt"), 6
    )
    aanvrager_maanden_vrijlating_alleenstaande_ouder = maanden_veld(
        _("Maanden vrijlating alleenstaande ouder al gebruikt"), 30
    )
    kan_niet_terugvallen_op_ouders = forms.BooleanField(
        label=_("Jonger dan 21 en kan niet terugvallen op de ouders"), required=False
    )

    heeft_partner = forms.BooleanField(label=_("Er is een partner"), required=False)
    partner_geboortedatum = forms.DateField(
        label=_("Geboortedatum partner"), widget=DatumInput(), required=False
    )
    partner_inkomen_werk = bedrag_veld(_("Inkomsten uit werk partner per maand"), required=False)
    partner_inkomen_overig = bedrag_veld(_("Ander inkomen partner per maand"), required=False)
    partner_maanden_vrijlating_werk = maanden_veld(
        _("Maanden vrijlating voor werk partner al gebruikt"), 6
    )

    vermogen = bedrag_veld(_("Vermogen (spaargeld, auto, enzovoort)"))
    overwaarde_eigen_woning = bedrag_veld(_("Vermogen in de eigen woning"))

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        for naam in ("partner_maanden_vrijlating_werk",):
            self.fields[naam].required = False

    def clean(self):
        data = super().clean()
        if data.get("heeft_partner") and not data.get("partner_geboortedatum"):
            self.add_error("partner_geboortedatum", _("Vul de geboortedatum van de partner in."))
        return data


class KindForm(forms.Form):
    geboortedatum = forms.DateField(label=_("Geboortedatum kind"), widget=DatumInput())


class MedebewonerForm(forms.Form):
    geboortedatum = forms.DateField(label=_("Geboortedatum medebewoner"), widget=DatumInput())
    commerciele_huur = forms.BooleanField(
        label=_("Huurt of verhuurt op een schriftelijk, zakelijk contract"), required=False
    )
    student = forms.BooleanField(label=_("Studeert (met studiefinanciering)"), required=False)


KindFormSet = forms.formset_factory(KindForm, extra=3, max_num=12)
MedebewonerFormSet = forms.formset_factory(MedebewonerForm, extra=3, max_num=12)


def _geld(waarde) -> str:
    return f"{(waarde or Decimal('0')):.2f}"


def situatie_uit_formulieren(form, kinderen, medebewoners) -> dict:
    """The situation contract (DESIGN.md) from the cleaned forms; empty formset rows are skipped."""
    d = form.cleaned_data
    partner = None
    if d.get("heeft_partner"):
        partner = {
            "birth_date": d["partner_geboortedatum"].isoformat(),
            "income": {
                "work": _geld(d.get("partner_inkomen_werk")),
                "other": _geld(d.get("partner_inkomen_overig")),
            },
            "work_disregard_months_used": d.get("partner_maanden_vrijlating_werk") or 0,
            "single_parent_disregard_months_used": 0,
        }
    return {
        "period": d["periode"],
        "gemeente": d["gemeente"].code,
        "applicant": {
            "birth_date": d["aanvrager_geboortedatum"].isoformat(),
            "income": {
                "work": _geld(d["aanvrager_inkomen_werk"]),
                "other": _geld(d["aanvrager_inkomen_overig"]),
            },
            "work_disregard_months_used": d["aanvrager_maanden_vrijlating_werk"] or 0,
            "single_parent_disregard_months_used": (
                d["aanvrager_maanden_vrijlating_alleenstaande_ouder"] or 0
            ),
        },
        "partner": partner,
        "children": [
            {"birth_date": k.cleaned_data["geboortedatum"].isoformat()}
            for k in kinderen
            if k.cleaned_data.get("geboortedatum")
        ],
        "housemates": [
            {
                "birth_date": m.cleaned_data["geboortedatum"].isoformat(),
                "commercial_rent": m.cleaned_data.get("commerciele_huur", False),
                "student": m.cleaned_data.get("student", False),
            }
            for m in medebewoners
            if m.cleaned_data.get("geboortedatum")
        ],
        "assets": _geld(d["vermogen"]),
        "home_equity": _geld(d["overwaarde_eigen_woning"]),
        "cannot_rely_on_parents": d.get("kan_niet_terugvallen_op_ouders", False),
    }


# Where an engine error about a contract field is shown on the form.
FOUT_NAAR_VELD = {
    "period": "periode",
    "gemeente": "gemeente",
    "applicant.birth_date": "aanvrager_geboortedatum",
    "applicant.income.work": "aanvrager_inkomen_werk",
    "applicant.income.other": "aanvrager_inkomen_overig",
    "applicant.work_disregard_months_used": "aanvrager_maanden_vrijlating_werk",
    "applicant.single_parent_disregard_months_used": (
        "aanvrager_maanden_vrijlating_alleenstaande_ouder"
    ),
    "partner.birth_date": "partner_geboortedatum",
    "partner.income.work": "partner_inkomen_werk",
    "partner.income.other": "partner_inkomen_overig",
    "partner.work_disregard_months_used": "partner_maanden_vrijlating_werk",
    "assets": "vermogen",
    "home_equity": "overwaarde_eigen_woning",
    "cannot_rely_on_parents": "kan_niet_terugvallen_op_ouders",
}
