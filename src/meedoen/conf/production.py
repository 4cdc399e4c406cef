"""Production: everything must come from the environment; HTTPS is assumed."""

from django.core.exceptions import ImproperlyConfigured

from meedoen.conf.base import *  # noqa: F403
from meedoen.conf.env import env_bool, env_int

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("MEEDOEN_SECRET_KEY must be set in production.")
if MEEDOEN_DEMO:  # noqa: F405
    raise ImproperlyConfigured("MEEDOEN_DEMO may not be on in production.")

DEBUG = False
MEEDOEN_AUDIT_DB_TRIGGERS = True
SESSION_COOKIE_SECURE = env_bool("MEEDOEN_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("MEEDOEN_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("MEEDOEN_HSTS_SECONDS", 31536000)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
