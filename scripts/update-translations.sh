#!/usr/bin/env bash
# Collects the Dutch texts into the English catalogue and compiles it. Needs GNU gettext
# (Debian package gettext). Translate new entries in src/meedoen/locale/en/LC_MESSAGES/django.po,
# then run this again to compile.
set -euo pipefail
cd "$(dirname "$0")/../src/meedoen"
../../.venv/bin/django-admin makemessages -l en --no-obsolete \
  --ignore "rules/*" --ignore "testing/*" --ignore "*/tests/*" --settings meedoen.conf.dev
../../.venv/bin/django-admin compilemessages -l en --settings meedoen.conf.dev
