from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.clients.forms import DatumInput
from meedoen.intake.delen import DEELBARE_FEITEN
from meedoen.intake.models import (
    VERWIJZING_OVERGANGEN,
    Intake,
    Partner,
    VerwijzingStatus,
    ZrmDomein,
    ZrmNiveau,
)


class ZrmVelden(forms.Form):
    """Two fields per ZRM domain: the level and a short note. All required."""

    datum = forms.DateField(label=_("Datum van het gesprek"), widget=DatumInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("datum", timezone.localdate())
        for domein in ZrmDomein:
            self.fields[f"zrm_{domein.value}"] = forms.TypedChoiceField(
                label=_("%(domein)s: niveau") % {"domein": domein.label},
                choices=[("", _("Kies een niveau")), *ZrmNiveau.choices],
                coerce=int,
                error_messages={"required": _("Kies een niveau voor dit domein.")},
            )
            self.fields[f"zrm_{domein.value}_toelichting"] = forms.CharField(
                label=_("%(domein)s: korte toelichting") % {"domein": domein.label},
                max_length=500,
                error_messages={"required": _("Schrijf een korte toelichting.")},
            )

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in de toekomst."))
        return datum

    def zrm_scores(self) -> dict[str, tuple[int, str]]:
        return {
            d.value: (
                self.cleaned_data[f"zrm_{d.value}"],
                self.cleaned_data[f"zrm_{d.value}_toelichting"],
            )
            for d in ZrmDomein
        }


class IntakeForm(ZrmVelden):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_velden = forms.models.fields_for_model(
            Intake,
            fields=[
                "schulden_totaal",
                "aantal_schuldeisers",
                "deurwaarder",
                "achterstand_huur",
                "achterstand_energie",
                "achterstand_zorgverzekering",
                "schulden_toelichting",
                "woonrisico",
                "wonen_toelichting",
                "gezondheid",
                "gezondheid_toelichting",
                "zorgtaken",
                "taal",
                "hulpvraag",
            ],
        )
        for naam, veld in model_velden.items():
            if (
                isinstance(veld.widget, forms.Textarea)
                or (getattr(veld, "max_length", None) or 0) >= 1000
            ):
                veld.widget = forms.Textarea(attrs={"rows": 2})
            self.fields[naam] = veld
        self.fields["schulden_totaal"].localize = True
        self.fields["schulden_totaal"].widget = forms.TextInput(attrs={"inputmode": "decimal"})
        self.fields["schulden_totaal"].help_text = _(
            "In euro, bijvoorbeeld 2350,00. Geen schulden: 0."
        )
        self.fields["hulpvraag"].error_messages["required"] = _(
            "Schrijf op waar de inwoner zelf hulp bij wil."
        )

    def intake_gegevens(self) -> dict:
        return {
            k: v for k, v in self.cleaned_data.items() if not k.startswith("zrm_") and k != "datum"
        }


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["naam", "soort", "contact", "actief"]


class VerwijzingForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=None, empty_label=_("Kies een partner")
    )
    reden = forms.CharField(
        label=_("Waarom verwijst u?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    feiten = forms.MultipleChoiceField(
        label=_("Welke gegevens deelt u met de partner?"),
        help_text=_("Deel alleen wat de partner nodig heeft. Het BSN wordt nooit gedeeld."),
        choices=list(DEELBARE_FEITEN.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies welke gegevens de partner nodig heeft.")},
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class VerwijzingStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"))
    op = forms.DateField(label=_("Datum"), widget=DatumInput())
    terugkoppeling = forms.CharField(
        label=_("Terugkoppeling van de partner"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, huidige_status, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s.value, s.label)
            for s in VerwijzingStatus
            if s.value in VERWIJZING_OVERGANGEN[huidige_status]
        ]
        if not self.is_bound:
            self.initial.setdefault("op", timezone.localdate())

    def clean_op(self):
        op = self.cleaned_data["op"]
        if op > timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in de toekomst."))
        return op
