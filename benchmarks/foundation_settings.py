"""Settings for the foundation benchmark: the project's base settings (as in production: no
DEBUG, audit triggers on) plus a URLconf with the floor view. Needs `benchmarks/` and `src/` on
the Python path, DATABASE_URL and MEEDOEN_SECRET_KEY (the benchmark script sets all of them)."""

from meedoen.conf.base import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "foundation_urls"
MEEDOEN_DEMO = False
MEEDOEN_AUDIT_DB_TRIGGERS = True
ALLOWED_HOSTS = ["127.0.0.1"]
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
