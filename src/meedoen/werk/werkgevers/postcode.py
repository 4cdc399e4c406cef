"""Dutch postcodes as stored on employers and vacancies: "1234 AB"."""

import re

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")


def normaliseer_postcode(waarde: str) -> str | None:
    """ "7411ab" -> "7411 AB"; None when it is not a Dutch postcode (SA, SD and SS are not
    issued, but the letters are not checked further)."""
    gevonden = _POSTCODE.match(waarde or "")
    if not gevonden:
        return None
    return f"{gevonden.group(1)} {gevonden.group(2).upper()}"
