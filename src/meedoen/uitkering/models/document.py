import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class Document(GemeenteScopedModel):
    """A letter sent to a resident (beschikking, uitkeringsspecificatie, besluit terugvordering,
    herziening, kwijtschelding or terugbetaalregeling, besluit bijzondere bijstand), stored as
    the PDF that was sent, with its hash so that a regeneration can be shown to be identical."""

    class Soort(models.TextChoices):
        BESCHIKKING = "beschikking", _("Beschikking")
        SPECIFICATIE = "specificatie", _("Uitkeringsspecificatie")
        TERUGVORDERING = "terugvordering", _("Besluit terugvordering")
        BIJZONDERE_BIJSTAND = "bijzondere_bijstand", _("Besluit bijzondere bijstand")
        HERZIENING = "herziening", _("Besluit herziening")
        KWIJTSCHELDING = "kwijtschelding", _("Besluit kwijtschelding")
        REGELING = "regeling", _("Besluit terugbetaalregeling")
        VERDAGING = "verdaging", _("Verdaging beslistermijn")

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="uitkeringsdocumenten"
    )
    soort = models.CharField(_("soort"), max_length=24, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    # The object the letter is about (a Besluit, Betaling, Herziening, Terugvordering,
    # BijzondereBijstand).
    bron_id = models.UUIDField(_("over"), db_index=True)
    inhoud = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-aangemaakt_op"]

    def save(self, *args, **kwargs):
        self.sha256 = hashlib.sha256(bytes(self.inhoud)).hexdigest()
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.titel
