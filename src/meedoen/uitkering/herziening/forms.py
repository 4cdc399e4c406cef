import datetime as dt

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from meedoen.clients.forms import DatumInput
from meedoen.uitkering.forms import bedrag_veld
from meedoen.uitkering.herziening.beslissen import Beslissing
from meedoen.uitkering.models import Terugvordering

WIJZE_UITLEG = _(
    "Inhouden kan alleen als het huishouden een uitkering krijgt. Werkt de inwoner weer? Kies "
    "dan zelf betalen: de inwoner maakt elke maand een bedrag over naar de gemeente."
)
INKOMEN_UITLEG = _(
    "Alleen bij zelf betalen: het netto inkomen van het huishouden per maand. Het huishouden "
    "houdt daarvan minstens de beslagvrije voet over."
)


def wijze_veld(**kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Hoe betaalt het huishouden terug?"),
        choices=Terugvordering.Wijze.choices,
        widget=forms.RadioSelect,
        help_text=WIJZE_UITLEG,
        **kwargs,
    )


def inkomen_veld() -> forms.DecimalField:
    return bedrag_veld(
        _("Inkomen van het huishouden per maand"), required=False, help_text=INKOMEN_UITLEG
    )


def _inkomen_nodig(form, data) -> None:
    if data.get("wijze") == Terugvordering.Wijze.ZELF_BETALEN and data.get("inkomen_per_maand") in (
        None,
        "",
    ):
        form.add_error(
            "inkomen_per_maand", _("Vul het inkomen in als het huishouden zelf betaalt.")
        )


MAAND_PATROON = RegexValidator(
    r"^\d{4}-(0[1-9]|1[0-2])$", _("Kies een maand, bijvoorbeeld 2025-03.")
)


class MaandVeld(forms.CharField):
    """A month as YYYY-MM (the browser's month picker), cleaned to its first day."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "month"}))
        super().__init__(validators=[MAAND_PATROON], **kwargs)

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, dt.date) else value

    def clean(self, value):
        tekst = super().clean(value)
        if not tekst:
            return None
        jaar, maand = tekst.split("-")
        return dt.date(int(jaar), int(maand), 1)


class ZoekenForm(forms.Form):
    maand = MaandVeld(
        label=_("Maand"),
        required=False,
        help_text=_("Leeg: alle betaalde maanden."),
    )


class BeslissingForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect)
    dringende_redenen = forms.BooleanField(
        label=_("Er zijn dringende redenen om (deels) af te zien van terugvordering"),
        required=False,
    )
    evenredigheid = forms.CharField(
        label=_("Afweging: is terugvorderen evenredig?"),
        help_text=_(
            "Denk aan schulden, gezondheid, kinderen en wat het huishouden kan dragen. "
            "Verplicht als u terugvordert."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    gemeente_te_laat = forms.BooleanField(
        label=_("De gemeente heeft te laat gehandeld"), required=False
    )
    waarschuwing_in_plaats_van_boete = forms.BooleanField(
        label=_("Waarschuwing in plaats van een boete"), required=False
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        help_text=_("Verplicht als u afziet van terugvordering: schrijf op waarom."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    bedrag = bedrag_veld(_("Terug te vorderen bedrag"), required=False)
    beslagvrije_voet = bedrag_veld(
        _("Beslagvrije voet per maand"),
        required=False,
        help_text=_("Het bedrag dat het huishouden elke maand minstens overhoudt."),
    )
    wijze = wijze_veld(required=False, initial=Terugvordering.Wijze.VERREKENEN)
    aflossing_per_maand = bedrag_veld(_("Aflossing per maand"), required=False)
    inkomen_per_maand = inkomen_veld()
    eerste_maand = MaandVeld(label=_("Eerste maand van aflossing"), required=False)

    REGELING = ("bedrag", "beslagvrije_voet", "aflossing_per_maand", "eerste_maand")

    def __init__(self, *args, te_veel: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.te_veel = te_veel
        if te_veel:
            self.fields["besluit"].choices = [
                (Beslissing.TERUGVORDEREN.value, Beslissing.TERUGVORDEREN.label),
                (Beslissing.AFZIEN.value, Beslissing.AFZIEN.label),
            ]
        else:
            self.fields["besluit"].choices = [
                (Beslissing.NABETALEN.value, Beslissing.NABETALEN.label)
            ]
            self.fields["besluit"].initial = Beslissing.NABETALEN.value
            for naam in (
                "dringende_redenen",
                "evenredigheid",
                "gemeente_te_laat",
                "waarschuwing_in_plaats_van_boete",
                *self.REGELING,
                "wijze",
                "inkomen_per_maand",
            ):
                del self.fields[naam]
            self.fields["toelichting"].help_text = ""

    def clean(self):
        data = super().clean()
        if self.te_veel and data.get("besluit") == Beslissing.TERUGVORDEREN:
            for naam in self.REGELING:
                if data.get(naam) in (None, ""):
                    self.add_error(naam, _("Vul dit in als u terugvordert."))
            # The radio buttons always send a choice; without one, deduct (as before).
            data["wijze"] = data.get("wijze") or Terugvordering.Wijze.VERREKENEN
            _inkomen_nodig(self, data)
        return data


class RegelingWijzigenForm(forms.Form):
    """A new monthly amount, voet or way of paying for a running recovery (prefix
    "regeling")."""

    # Not sent: keep the current way of paying.
    wijze = wijze_veld(required=False)
    aflossing_per_maand = bedrag_veld(_("Nieuwe aflossing per maand"))
    beslagvrije_voet = bedrag_veld(
        _("Beslagvrije voet per maand"),
        help_text=_("Het bedrag dat het huishouden elke maand minstens overhoudt."),
    )
    inkomen_per_maand = inkomen_veld()
    toelichting = forms.CharField(
        label=_("Waarom verandert de regeling?"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        _inkomen_nodig(self, data)
        return data


class TerugbetalingForm(forms.Form):
    """A payment received from the resident (prefix "betaling")."""

    ontvangen_op = forms.DateField(
        label=_("Ontvangen op"),
        help_text=_("De datum op het bankafschrift."),
        widget=DatumInput(),
    )
    bedrag = bedrag_veld(_("Ontvangen bedrag"))
    toelichting = forms.CharField(
        label=_("Opmerking (niet verplicht)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class CorrectieForm(forms.Form):
    """Undo a recorded payment with a reversing entry (prefix "correctie")."""

    terugbetaling = forms.UUIDField(widget=forms.HiddenInput)
    toelichting = forms.CharField(
        label=_("Waarom corrigeert u deze betaling?"),
        help_text=_("Bijvoorbeeld: geboekt bij de verkeerde persoon, of het bedrag was fout."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class KwijtscheldenForm(forms.Form):
    """Waive what is left of a running recovery (prefix "kwijtschelden")."""

    toelichting = forms.CharField(
        label=_("Waarom scheldt u de rest kwijt?"),
        help_text=_(
            "Bijvoorbeeld: dringende redenen, of terugbetalen lukt niet binnen redelijke tijd."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
