from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.accounts.models import Team, User
from meedoen.begeleiding.advies import ADVIES_VELDEN, OPERATOREN
from meedoen.begeleiding.models import (
    AFSPRAAK_OVERGANGEN,
    AfspraakStatus,
    Ambitiegesprek,
    AuteurSoort,
    Contactmoment,
    Maatregel,
    Ontheffing,
    Route,
    Trede,
    Wie,
)
from meedoen.clients.forms import DatumInput

TEKSTVAK = forms.Textarea(attrs={"rows": 3})


class AmbitiegesprekForm(forms.ModelForm):
    class Meta:
        model = Ambitiegesprek
        fields = [
            "datum",
            "ambities",
            "sterke_punten",
            "werkervaring",
            "wensen",
            "uren_beschikbaar",
            "beperking_kinderopvang",
            "beperking_gezondheid",
            "overige_beperkingen",
            "voorkeursroute",
        ]
        widgets = {
            "datum": DatumInput(),
            "ambities": TEKSTVAK,
            "sterke_punten": TEKSTVAK,
            "werkervaring": TEKSTVAK,
            "wensen": TEKSTVAK,
            "overige_beperkingen": TEKSTVAK,
        }

    def __init__(self, *args, routes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voorkeursroute"].queryset = routes
        self.fields["voorkeursroute"].empty_label = _("Nog geen voorkeur")
        if not self.is_bound:
            self.initial.setdefault("datum", timezone.localdate())


class RouteKeuzeForm(forms.Form):
    route = forms.ModelChoiceField(
        label=_("Route die de inwoner kiest"), queryset=None, empty_label=_("Kies een route")
    )
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), widget=DatumInput())
    reden_afwijking = forms.CharField(
        label=_("Waarom wijkt de keuze af van het advies?"),
        help_text=_("Alleen nodig als de gekozen route een andere is dan het advies."),
        required=False,
        max_length=2000,
        widget=TEKSTVAK,
    )

    def __init__(self, *args, routes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].queryset = routes
        if not self.is_bound:
            self.initial.setdefault("ingangsdatum", timezone.localdate())


class PlanForm(forms.Form):
    opgesteld_op = forms.DateField(label=_("Opgesteld op"), widget=DatumInput())
    evaluatiedatum = forms.DateField(
        label=_("Evaluatiedatum: wanneer kijken we samen terug?"), widget=DatumInput()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            vandaag = timezone.localdate()
            self.initial.setdefault("opgesteld_op", vandaag)


AUTEUR = forms.ChoiceField(
    label=_("Wie heeft dit opgeschreven?"),
    choices=AuteurSoort.choices,
    initial=AuteurSoort.MEDEWERKER,
    widget=forms.RadioSelect,
)


class DoelForm(forms.Form):
    omschrijving = forms.CharField(label=_("Doel"), max_length=1000, widget=TEKSTVAK)
    auteur_soort = AUTEUR


class AfspraakForm(forms.Form):
    wat = forms.CharField(label=_("Wat spreken we af?"), max_length=1000, widget=TEKSTVAK)
    wie = forms.ChoiceField(label=_("Wie doet het?"), choices=Wie.choices, widget=forms.RadioSelect)
    uiterlijk = forms.DateField(label=_("Uiterlijk op"), widget=DatumInput())
    auteur_soort = AUTEUR


class ActieForm(forms.Form):
    omschrijving = forms.CharField(label=_("Actie"), max_length=1000, widget=TEKSTVAK)
    wie = forms.ChoiceField(label=_("Wie doet het?"), choices=Wie.choices, widget=forms.RadioSelect)
    datum = forms.DateField(label=_("Wanneer"), widget=DatumInput())
    auteur_soort = AUTEUR


class AfspraakStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Hoe ging het?"), widget=forms.RadioSelect)
    toelichting = forms.CharField(label=_("Toelichting"), max_length=2000, widget=TEKSTVAK)
    nieuwe_uiterlijk = forms.DateField(
        label=_("Nieuwe datum (bij aangepast)"), required=False, widget=DatumInput()
    )

    def __init__(self, *args, huidige_status, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s.value, s.label)
            for s in AfspraakStatus
            if s.value in AFSPRAAK_OVERGANGEN[huidige_status]
        ]


class ContactmomentForm(forms.ModelForm):
    class Meta:
        model = Contactmoment
        fields = ["datum", "kanaal", "samenvatting", "volgende_stap"]
        widgets = {"datum": DatumInput(), "samenvatting": TEKSTVAK, "volgende_stap": TEKSTVAK}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("datum", timezone.localdate())


class LadderForm(forms.Form):
    trede = forms.TypedChoiceField(
        label=_("Trede op de participatieladder"),
        choices=Trede.choices,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Een stap terug is net zo gewoon als een stap vooruit."),
    )
    datum = forms.DateField(label=_("Datum"), widget=DatumInput())
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=1000, required=False, widget=TEKSTVAK
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("datum", timezone.localdate())


class OntheffingForm(forms.ModelForm):
    class Meta:
        model = Ontheffing
        fields = ["soort", "plichten", "omvang", "reden", "begin", "einde"]
        widgets = {"begin": DatumInput(), "einde": DatumInput(), "reden": TEKSTVAK}


class MaatregelForm(forms.ModelForm):
    class Meta:
        model = Maatregel
        fields = [
            "besluitdatum",
            "afspraak",
            "grondslag",
            "omschrijving",
            "gronden",
            "gesprek_gevoerd",
        ]
        widgets = {"besluitdatum": DatumInput(), "gronden": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, afspraken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["afspraak"].queryset = afspraken
        self.fields["afspraak"].label = _("Over welke afspraak (niet verplicht)")
        self.fields["gesprek_gevoerd"].required = True
        self.fields["gesprek_gevoerd"].error_messages["required"] = _(
            "Een maatregel komt pas na een gesprek met de inwoner."
        )


class ToewijzenForm(forms.Form):
    klantmanager = forms.ModelChoiceField(label=_("Nieuwe klantmanager"), queryset=None)
    per = forms.DateField(label=_("Vanaf"), widget=DatumInput())
    reden = forms.CharField(label=_("Reden"), max_length=500)

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["klantmanager"].queryset = User.objects.filter(
            organisatie=organisatie, rollen__code="klantmanager", is_active=True
        ).order_by("last_name", "first_name")
        if not self.is_bound:
            self.initial.setdefault("per", timezone.localdate())


class RouteForm(forms.ModelForm):
    interval_aantal = forms.IntegerField(
        label=_("Contact minstens elke"), min_value=1, max_value=366
    )
    interval_eenheid = forms.ChoiceField(
        label=_("Eenheid"), choices=[("dagen", _("dagen")), ("weken", _("weken"))]
    )

    class Meta:
        model = Route
        fields = [
            "naam",
            "omschrijving",
            "team",
            "standaard_verplichtingen",
            "volgorde",
            "actief",
            "zoekt_werk",
        ]
        widgets = {"omschrijving": TEKSTVAK, "standaard_verplichtingen": TEKSTVAK}

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisatie=organisatie)
        self.order_fields(["naam", "omschrijving", "team", "interval_aantal", "interval_eenheid"])
        if self.instance.pk and not self.is_bound:
            dagen = self.instance.contact_interval_dagen
            if dagen % 7 == 0:
                self.initial.update(interval_aantal=dagen // 7, interval_eenheid="weken")
            else:
                self.initial.update(interval_aantal=dagen, interval_eenheid="dagen")

    def clean(self):
        data = super().clean()
        aantal, eenheid = data.get("interval_aantal"), data.get("interval_eenheid")
        if aantal:
            dagen = aantal * 7 if eenheid == "weken" else aantal
            if dagen > 366:
                self.add_error("interval_aantal", _("Kies hoogstens een jaar."))
            data["contact_interval_dagen"] = dagen
        return data

    def validate_unique(self):
        pass  # the service checks per gemeente


class AdviesRegelForm(forms.Form):
    AANTAL_VOORWAARDEN = 3
    naam = forms.CharField(label=_("Naam van de regel"), max_length=200)
    route = forms.ModelChoiceField(label=_("Advies: route"), queryset=None)
    volgorde = forms.IntegerField(label=_("Volgorde (laagste eerst)"), min_value=0, initial=10)
    actief = forms.BooleanField(label=_("Actief"), required=False, initial=True)

    def __init__(self, *args, routes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].queryset = routes
        veldkeuzes = [("", _("Geen voorwaarde"))] + [(c, v.label) for c, v in ADVIES_VELDEN.items()]
        for n in range(1, self.AANTAL_VOORWAARDEN + 1):
            self.fields[f"veld_{n}"] = forms.ChoiceField(
                label=_("Voorwaarde %(n)s: gegeven") % {"n": n}, choices=veldkeuzes, required=n == 1
            )
            self.fields[f"operator_{n}"] = forms.ChoiceField(
                label=_("Voorwaarde %(n)s: vergelijking") % {"n": n},
                choices=list(OPERATOREN.items()),
                required=False,
            )
            self.fields[f"waarde_{n}"] = forms.CharField(
                label=_("Voorwaarde %(n)s: waarde") % {"n": n},
                required=False,
                max_length=100,
                help_text=_("Een getal, ja of nee, of een code zoals dreigende_uitzetting.")
                if n == 1
                else "",
            )

    def voorwaarden(self) -> list[dict]:
        return [
            {
                "veld": self.cleaned_data[f"veld_{n}"],
                "operator": self.cleaned_data[f"operator_{n}"],
                "waarde": self.cleaned_data[f"waarde_{n}"],
            }
            for n in range(1, self.AANTAL_VOORWAARDEN + 1)
            if self.cleaned_data.get(f"veld_{n}")
        ]

    @classmethod
    def initial_van(cls, regel) -> dict:
        initial = {
            "naam": regel.naam,
            "route": regel.route,
            "volgorde": regel.volgorde,
            "actief": regel.actief,
        }
        for n, v in enumerate(regel.voorwaarden[: cls.AANTAL_VOORWAARDEN], start=1):
            initial.update(
                {f"veld_{n}": v["veld"], f"operator_{n}": v["operator"], f"waarde_{n}": v["waarde"]}
            )
        return initial
