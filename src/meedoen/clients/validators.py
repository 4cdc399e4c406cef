from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn


def normaliseer_bsn(value: str) -> str:
    """Strip spaces and dots; pad 8-digit BSNs with a leading zero (both forms are in use)."""
    return stdnum_bsn.compact(value or "")


def valideer_bsn(value: str) -> None:
    try:
        stdnum_bsn.validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("Dit is geen geldig BSN. Een BSN heeft 9 cijfers en moet de elfproef doorstaan."),
            code="bsn_ongeldig",
        ) from exc


def normaliseer_postcode(value: str) -> str:
    """'7411ab' and '7411 AB' both become '7411 AB'; anything else is left for the validator."""
    compact = (value or "").upper().replace(" ", "")
    if len(compact) == 6 and compact[:4].isdigit() and compact[4:].isalpha():
        return f"{compact[:4]} {compact[4:]}"
    return (value or "").strip().upper()
