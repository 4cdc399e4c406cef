"""Login with password, then the second factor (TOTP), and logout."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from meedoen.accounts import otp
from meedoen.accounts.forms import InlogForm, TokenForm
from meedoen.accounts.middleware import DEMO_SKIP_SESSION_KEY
from meedoen.accounts.selectors import actor_voor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen

DOEL_INLOGGEN = "inloggen"


def _volgende(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return settings.LOGIN_REDIRECT_URL


def inloggen(request):
    form = InlogForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        with transaction.atomic():
            login(request, user)
            audit_vastleggen(
                actor=actor_voor(user, request_id=request.request_id),
                actie=Actie.INGELOGD,
                doel=DOEL_INLOGGEN,
                obj=user,
            )
        request.session["na_inloggen"] = _volgende(request)
        return redirect("accounts:tweede_stap")
    return render(
        request, "accounts/inloggen.html", {"form": form, "next": request.GET.get("next", "")}
    )


@login_required
def tweede_stap(request):
    """Ask the TOTP code, or set up an authenticator when the user has none yet."""
    user = request.user
    if user.is_verified():
        return redirect(request.session.get("na_inloggen", settings.LOGIN_REDIRECT_URL))
    device = otp.bevestigd_apparaat(user)
    instellen = device is None
    if instellen:
        device = otp.nieuw_apparaat(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and "overslaan" in request.POST and settings.MEEDOEN_DEMO:
        request.session[DEMO_SKIP_SESSION_KEY] = True
        return redirect(request.session.pop("na_inloggen", settings.LOGIN_REDIRECT_URL))
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if instellen:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(request.session.pop("na_inloggen", settings.LOGIN_REDIRECT_URL))
        form.add_error("token", _("Deze code klopt niet of is verlopen. Probeer de nieuwe code."))
    context = {"form": form, "instellen": instellen, "demo": settings.MEEDOEN_DEMO}
    if instellen:
        context |= {"qr_svg": otp.qr_svg(device), "sleutel": otp.geheime_sleutel(device)}
    return render(request, "accounts/tweede_stap.html", context)


@require_POST
def uitloggen(request):
    if request.user.is_authenticated:
        audit_vastleggen(
            actor=request.actor, actie=Actie.UITGELOGD, doel=DOEL_INLOGGEN, obj=request.user
        )
    logout(request)
    messages.info(request, _("U bent uitgelogd."))
    return redirect("accounts:login")
