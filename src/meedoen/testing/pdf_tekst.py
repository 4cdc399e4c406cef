"""Read the text back out of a letter's PDF, for tests that must check what the resident
actually receives. pypdf (a test dependency) does the reading, so the check does not depend on
which library wrote the letter (WeasyPrint, or ReportLab for the specifications)."""

import io

from pypdf import PdfReader


def pdf_tekst(pdf: bytes) -> str:
    """All text of the PDF in page order, one line per text line."""
    lezer = PdfReader(io.BytesIO(pdf))
    return "\n".join(pagina.extract_text() for pagina in lezer.pages)


def pdf_woorden(pdf: bytes) -> str:
    """The text with all whitespace (line breaks too) as single spaces, for phrase checks."""
    return " ".join(pdf_tekst(pdf).split())
