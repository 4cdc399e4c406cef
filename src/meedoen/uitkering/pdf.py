"""Letters to residents as PDF. Rendering is deterministic (no dates or random ids are added by
WeasyPrint), so a stored letter can be regenerated and compared byte for byte."""

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML


def brief_als_pdf(template: str, context: dict) -> bytes:
    """Render a letter template (extending `uitkering/brief/basis.html`) to PDF bytes.

    Letters are in Dutch whatever the staff member's interface language is: the resident gets
    the letter the gemeente sends."""
    with translation.override("nl"):
        html = render_to_string(template, context)
    return HTML(string=html).write_pdf()
