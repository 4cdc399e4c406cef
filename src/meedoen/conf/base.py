"""Settings shared by every environment. Environment variables: docs/settings.md."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from meedoen.conf.env import env_bool, env_int, env_list, env_str

SRC_DIR = Path(__file__).resolve().parents[1]
PROJECT_DIR = SRC_DIR.parents[1]
VAR_DIR = Path(env_str("MEEDOEN_VAR_DIR", str(PROJECT_DIR / "var")))

SECRET_KEY = env_str("MEEDOEN_SECRET_KEY", "")
DEBUG = env_bool("MEEDOEN_DEBUG", False)
ALLOWED_HOSTS = env_list("MEEDOEN_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
# Demo mode: lets demo users skip the second factor. Never on in production.
MEEDOEN_DEMO = env_bool("MEEDOEN_DEMO", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_tasks_db",
    "meedoen.core",
    "meedoen.accounts",
    "meedoen.core.audit",
    "meedoen.clients",
    "meedoen.signalen",
    "meedoen.intake",
    "meedoen.begeleiding",
    "meedoen.uitkering",
    "meedoen.werk",
    "meedoen.rapportage",
    "meedoen.ui",
    "meedoen.api",
    "meedoen.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "meedoen.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "meedoen.accounts.middleware.ActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "meedoen.conf.urls"
WSGI_APPLICATION = "meedoen.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "meedoen.ui.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'meedoen.sqlite3'}"),
        conn_max_age=env_int("MEEDOEN_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo server and a management command share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "meedoen.accounts.backends.MeedoenModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "ui:start"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling (django-axes): lock a username+IP after 5 failures for 15 minutes.
AXES_FAILURE_LIMIT = env_int("MEEDOEN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Meedoen"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("MEEDOEN_STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_ROOT = Path(env_str("MEEDOEN_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Cookies and headers: the session is short-lived and never readable from JavaScript.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("MEEDOEN_SESSION_SECONDS", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("MEEDOEN_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "meedoen.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Meedoen API",
    "DESCRIPTION": "REST API van Meedoen. Alle gegevens zijn beperkt tot de gemeenten "
    "van de organisatie van de aanroeper.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a "status" or "soort"; name each choice set after its model.
    "ENUM_NAME_OVERRIDES": {
        "AanvraagStatusEnum": "meedoen.uitkering.models.aanvraag.Aanvraag.Status",
        "BesluitStatusEnum": "meedoen.uitkering.models.besluit.Besluit.Status",
        "BesluitSoortEnum": "meedoen.uitkering.models.besluit.Besluit.Soort",
        "BetalingSoortEnum": "meedoen.uitkering.models.betaling.Betaling.Soort",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "meedoen.core.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("MEEDOEN_LOG_LEVEL", "INFO")},
    # Request logs carry URLs only; BSNs never appear in URLs, so they never reach the log.
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint logs every layout step at INFO: thousands of lines for one payment run.
        "weasyprint": {"level": "WARNING"},
        # fontTools reports every step of cutting a font (the specifications' fonts) at INFO.
        "fontTools": {"level": "WARNING"},
    },
}

# Background work (a payment run's execution and specifications): stored in the database and
# run by `meedoen db_worker` (bin/start starts one next to the web server), so a long run
# never holds up a web request and its page can show the progress. "direct" runs a task at once
# in the calling process (the demo's past months).
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    "direct": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# Payment runs (uitkering/betalingen): worker processes that render the specification PDFs
# (1 = in the task's own process; more forks that many workers).
MEEDOEN_SPECIFICATIE_PROCESSEN = env_int("MEEDOEN_SPECIFICATIE_PROCESSEN", 1)
