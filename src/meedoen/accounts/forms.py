from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from meedoen.accounts.models import Rol, Team, User
from meedoen.core.models import Gemeente


class InlogForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord klopt niet. Let op hoofdletters."
        ),
        "inactive": _("Dit account staat uit. Neem contact op met uw functioneel beheerder."),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.is_systeemclient:
            raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        help_text=_("Zes cijfers. De code verandert elke 30 seconden."),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )


class GebruikerForm(forms.Form):
    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150)
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"))
    rollen = forms.MultipleChoiceField(
        label=_("Rollen"), widget=forms.CheckboxSelectMultiple, required=False
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    is_active = forms.BooleanField(label=_("Account staat aan"), required=False, initial=True)
    password = forms.CharField(
        label=_("Eerste wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens. De gebruiker stelt bij de eerste keer inloggen 2FA in."),
        required=False,
    )

    def __init__(self, *args, teams_queryset, nieuw: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rollen"].choices = [(r.code, r.naam) for r in Rol.objects.order_by("naam")]
        self.fields["teams"].queryset = teams_queryset
        if nieuw:
            self.fields["password"].required = True
            del self.fields["is_active"]
        else:
            self.fields["username"].disabled = True
            del self.fields["password"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if (
            not self.fields["username"].disabled
            and User.objects.filter(username__iexact=username).exists()
        ):
            raise forms.ValidationError(_("Deze gebruikersnaam bestaat al. Kies een andere."))
        return username


class TeamForm(forms.Form):
    naam = forms.CharField(label=_("Naam van het team"), max_length=200)
    gemeenten = forms.ModelMultipleChoiceField(
        label=_("Gemeenten waarvoor het team werkt"),
        queryset=Gemeente.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, gemeenten_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeenten"].queryset = gemeenten_queryset
