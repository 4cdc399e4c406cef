"""TOTP devices: the second factor for staff (django-otp)."""

import base64

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

from meedoen.accounts.models import User


def bevestigd_apparaat(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def nieuw_apparaat(user: User) -> TOTPDevice:
    """The unconfirmed device a user is setting up; one at a time."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


def geheime_sleutel(device: TOTPDevice) -> str:
    """The secret in base32, for typing into an authenticator app by hand."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")
