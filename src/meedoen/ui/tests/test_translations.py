"""The English translation is complete, and the compiled catalogue matches the source."""

import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES"


def _po_entries(path: Path) -> list[tuple[str, list[str], bool]]:
    """(msgid, msgstrs, fuzzy) for each entry of a .po file; enough of the format for a check."""
    entries, msgid, msgstrs, fuzzy, current = [], None, [], False, None
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines() + [""]:
        if not line.strip():
            if msgid is not None:
                entries.append((msgid, msgstrs, fuzzy))
            msgid, msgstrs, fuzzy, current = None, [], False, None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            msgid, current = _unquote(line[6:]), "id"
        elif line.startswith("msgid_plural "):
            current = "plural"
        elif re.match(r"msgstr(\[\d+\])? ", line):
            msgstrs.append(_unquote(line.split(" ", 1)[1]))
            current = "str"
        elif line.startswith('"'):
            if current == "id":
                msgid += _unquote(line)
            elif current == "str":
                msgstrs[-1] += _unquote(line)
    return entries


def _unquote(value: str) -> str:
    return value.strip()[1:-1]


def test_every_dutch_text_has_an_english_translation():
    entries = [e for e in _po_entries(LOCALE / "django.po") if e[0]]  # skip the header
    assert entries
    ontbrekend = [msgid for msgid, msgstrs, _ in entries if not all(msgstrs)]
    vaag = [msgid for msgid, _, fuzzy in entries if fuzzy]
    assert not ontbrekend, f"untranslated: {ontbrekend[:10]}"
    assert not vaag, f"fuzzy: {vaag[:10]}"


def test_compiled_catalogue_contains_every_translation():
    with (LOCALE / "django.mo").open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    for msgid, msgstrs, _ in _po_entries(LOCALE / "django.po"):
        if msgid and "%" not in msgid and len(msgstrs) == 1:
            assert catalogue.gettext(msgid.replace('\\"', '"').replace("\\n", "\n")) != msgid or (
                msgstrs[0] == msgid
            ), f"not compiled: {msgid!r} (run compilemessages)"
