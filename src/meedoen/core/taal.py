"""The screen's language for texts that come in both Dutch and English (the rules engine's
messages, taxonomy labels): "en" when the user chose English, else "nl"."""

from django.utils.translation import get_language


def taal() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"
