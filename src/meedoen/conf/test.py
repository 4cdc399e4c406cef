"""Settings for the test suite. DATABASE_URL selects PostgreSQL (CI) or SQLite (default)."""

import os

from meedoen.conf.base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
DEBUG = False
MEEDOEN_DEMO = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = os.environ.get("MEEDOEN_TEST_AXES", "1") == "1"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Django empties the database between transactional (browser) tests, which the audit trail's
# database triggers would refuse; test_append_only installs and checks them itself.
MEEDOEN_AUDIT_DB_TRIGGERS = False
# Tasks run right after the request's commit, in the test's own process; test_betalingen_taak
# runs the database queue and its worker as deployed.
TASKS = TASKS | {"default": TASKS["direct"]}  # noqa: F405
