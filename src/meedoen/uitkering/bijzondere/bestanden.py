"""Evidence uploads: PDF, JPEG or PNG up to 10 MB, checked on content (not only on the name),
stored under a random name so that nothing the resident typed (or a BSN in a file name) ends
up in storage paths."""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
SOORTEN = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}


def extensie(naam: str) -> str:
    punt = naam.rfind(".")
    return naam[punt:].lower() if punt >= 0 else ""


def valideer_bewijs(bestand) -> None:
    """Raise a ValidationError with a plain-Dutch message for a file we do not accept."""
    if bestand.size > MAX_BYTES:
        raise ValidationError(
            _("Het bestand is te groot (%(mb)s MB). Het mag hoogstens 10 MB zijn.")
            % {"mb": f"{bestand.size / 1024 / 1024:.1f}".replace(".", ",")}
        )
    ext = extensie(bestand.name)
    if ext not in SOORTEN:
        raise ValidationError(_("Kies een PDF, JPG of PNG. Andere soorten bestanden kunnen niet."))
    bestand.seek(0)
    begin = bestand.read(8)
    bestand.seek(0)
    if not any(begin.startswith(kop) for kop in SOORTEN[ext]):
        raise ValidationError(
            _("Dit bestand is geen echte %(soort)s. Kies een PDF, JPG of PNG.")
            % {"soort": ext.lstrip(".").upper()}
        )


def veilige_naam(bestand) -> None:
    bestand.name = f"{uuid.uuid4().hex}{extensie(bestand.name)}"
