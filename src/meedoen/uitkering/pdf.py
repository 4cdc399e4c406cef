"""Letters to residents as PDF. Rendering is deterministic (no dates or random ids are added by
WeasyPrint), so a stored letter can be regenerated and compared byte for byte."""

import threading

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

# One font configuration per thread. WeasyPrint makes a new one
# for every document otherwise, which keeps about 300 kB per letter alive in a long-running
# worker (WeasyPrint 70) and costs ~20 ms a letter. The letters' bytes are the same either way
# (they declare no @font-face).
_lokaal = threading.local()


def _lettertypen() -> FontConfiguration:
    if not hasattr(_lokaal, "lettertypen"):
        _lokaal.lettertypen = FontConfiguration()
    return _lokaal.lettertypen


def brief_als_pdf(template: str, context: dict) -> bytes:
    """Render a letter template (extending `uitkering/brief/basis.html`) to PDF bytes.

    Letters are in Dutch whatever the staff member's interface language is: the resident gets
    the letter the gemeente sends."""
    with translation.override("nl"):
        html = render_to_string(template, context)
    return HTML(string=html).write_pdf(font_config=_lettertypen())
