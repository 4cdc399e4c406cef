"""KvK numbers. A KvK number (Kamer van Koophandel) has exactly eight digits; leading zeros
occur. The KvK publishes no check digit (python-stdnum has no KvK module for that reason), so the
rule is: after removing spaces, dots and hyphens, exactly eight digits, not all zeros. Whether
the number is registered can only be checked against the Handelsregister (not done offline)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_SCHEIDING = re.compile(r"[\s.\-]")


def normaliseer_kvk(waarde: str) -> str:
    return _SCHEIDING.sub("", waarde or "")


def kvk_fout(waarde: str) -> str | None:
    """A Dutch message when the value is not a KvK number, else None."""
    nummer = normaliseer_kvk(waarde)
    if not nummer:
        return _("Vul het KvK-nummer in.")
    if not nummer.isdigit() or len(nummer) != 8:
        return _("Een KvK-nummer heeft precies 8 cijfers.")
    if nummer == "00000000":
        return _("Dit is geen geldig KvK-nummer.")
    return None


def valideer_kvk(waarde: str) -> None:
    if (fout := kvk_fout(waarde)) is not None:
        raise ValidationError(fout)
