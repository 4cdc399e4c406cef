"""Staff log in with a password and then a TOTP code; repeated failures lock the account."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import bevestigd_totp

WACHTWOORD = "Correct-Paard-Batterij-1"


def code_voor(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_password_alone_does_not_open_staff_pages(tenant_a, client):
    user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    bevestigd_totp(user)
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": WACHTWOORD}
    )
    assert response["Location"] == reverse("accounts:tweede_stap")
    assert client.get(reverse("clients:zoeken"))["Location"] == reverse("accounts:tweede_stap")


def test_the_right_totp_code_completes_login(tenant_a, client):
    user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    device = bevestigd_totp(user)
    client.post(reverse("accounts:login"), {"username": user.username, "password": WACHTWOORD})
    response = client.post(reverse("accounts:tweede_stap"), {"token": code_voor(device)})
    assert response.status_code == 302
    assert client.get(reverse("clients:zoeken")).status_code == 200
    assert AuditEvent.objects.filter(actor=user, actie="ingelogd").count() == 1


def test_a_wrong_totp_code_is_refused_with_a_clear_message(tenant_a, client):
    user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    device = bevestigd_totp(user)
    client.post(reverse("accounts:login"), {"username": user.username, "password": WACHTWOORD})
    fout = f"{(int(code_voor(device)) + 1) % 1000000:06d}"
    response = client.post(reverse("accounts:tweede_stap"), {"token": fout})
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()
    assert client.get(reverse("clients:zoeken")).status_code == 302


def test_first_login_sets_up_an_authenticator(tenant_a, client):
    user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    client.post(reverse("accounts:login"), {"username": user.username, "password": WACHTWOORD})
    pagina = client.get(reverse("accounts:tweede_stap"))
    assert pagina.context["instellen"] is True
    assert "<svg" in pagina.context["qr_svg"]
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(reverse("accounts:tweede_stap"), {"token": code_voor(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("clients:zoeken")).status_code == 200


def test_skipping_the_second_factor_only_works_in_demo_mode(tenant_a, client):
    user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    client.post(reverse("accounts:login"), {"username": user.username, "password": WACHTWOORD})
    client.post(reverse("accounts:tweede_stap"), {"overslaan": "1"})
    assert client.get(reverse("clients:zoeken")).status_code == 302
    with override_settings(MEEDOEN_DEMO=True):
        client.post(reverse("accounts:tweede_stap"), {"overslaan": "1"})
        assert client.get(reverse("clients:zoeken")).status_code == 200


@pytest.mark.parametrize("pogingen", [5])
def test_repeated_wrong_passwords_lock_the_login(tenant_a, client, pogingen):
    user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    for _ in range(pogingen):
        client.post(reverse("accounts:login"), {"username": user.username, "password": "fout"})
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": WACHTWOORD}
    )
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()


def test_a_system_client_cannot_log_in_interactively(tenant_a, client):
    user = tenant_a.gebruiker(Rol.KLANTMANAGER, is_systeemclient=True)
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": WACHTWOORD}
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


def test_responses_carry_security_headers(client, db):
    response = client.get(reverse("accounts:login"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_session_and_csrf_cookies_are_http_only(tenant_a, client):
    from django.conf import settings

    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_login_form_is_csrf_protected(tenant_a):
    from django.test import Client

    strikte_client = Client(enforce_csrf_checks=True)
    user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    response = strikte_client.post(
        reverse("accounts:login"), {"username": user.username, "password": WACHTWOORD}
    )
    assert response.status_code == 403
