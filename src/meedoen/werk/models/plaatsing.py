from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel
from meedoen.werk.models.keuzes import Sector


class MaatschappelijkeBaan(GemeenteScopedModel):
    """A community job at a host organisation. It may only be filled after a person has checked
    and confirmed that it does not replace paid work (verdringing)."""

    gastorganisatie = models.CharField(_("gastorganisatie"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    titel = models.CharField(_("titel"), max_length=200)
    taken = models.TextField(_("taken"))
    beroep = models.CharField(_("beroep (taxonomie)"), max_length=64, blank=True)
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    capaciteit = models.PositiveSmallIntegerField(
        _("aantal plaatsen"), default=1, validators=[MinValueValidator(1)]
    )
    postcode = models.CharField(_("postcode"), max_length=7)
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    # Verdringingstoets: recorded and confirmed by a person, never assumed.
    verdringing_toelichting = models.TextField(_("toelichting verdringingstoets"), blank=True)
    verdringing_bevestigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verdringing_bevestigd_op = models.DateTimeField(
        _("verdringingstoets bevestigd op"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("maatschappelijke baan")
        verbose_name_plural = _("maatschappelijke banen")
        ordering = ["titel"]

    def __str__(self) -> str:
        return f"{self.titel} ({self.gastorganisatie})"


class Plaatsing(GemeenteScopedModel):
    """A resident at work: on a maatschappelijke baan, with a regular employer (possibly with
    loonkostensubsidie after a loonwaarde assessment) or seconded (detachering)."""

    class Soort(models.TextChoices):
        MAATSCHAPPELIJKE_BAAN = "maatschappelijke_baan", _("Maatschappelijke baan")
        REGULIER = "regulier", _("Reguliere werkgever")
        DETACHERING = "detachering", _("Detachering")

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="werkplaatsingen"
    )
    soort = models.CharField(_("soort"), max_length=24, choices=Soort.choices)
    baan = models.ForeignKey(
        MaatschappelijkeBaan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plaatsingen",
    )
    vacature = models.ForeignKey(
        "werk.Vacature", on_delete=models.PROTECT, null=True, blank=True, related_name="plaatsingen"
    )
    voorstel = models.OneToOneField(
        "werk.Voorstel", on_delete=models.PROTECT, null=True, blank=True, related_name="plaatsing"
    )
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    uren_per_week = models.PositiveSmallIntegerField(_("uren per week"))
    # Loonwaarde assessment (uniforme loonwaardebepaling), whole percent.
    loonwaarde_percentage = models.PositiveSmallIntegerField(
        _("loonwaarde (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    loonwaarde_methode = models.CharField(
        _("methode loonwaardebepaling"), max_length=200, blank=True
    )
    loonwaarde_vastgesteld_op = models.DateField(
        _("loonwaarde vastgesteld op"), null=True, blank=True
    )
    loonwaarde_vastgesteld_door = models.CharField(
        _("loonwaarde vastgesteld door"), max_length=200, blank=True
    )
    loonkostensubsidie_cent = models.PositiveIntegerField(
        _("loonkostensubsidie per maand (eurocent)"), null=True, blank=True
    )
    loonkostensubsidie_berekening = models.JSONField(
        _("berekening loonkostensubsidie"), null=True, blank=True
    )
    beeindigingsreden = models.CharField(_("reden van beëindiging"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        ordering = ["-begindatum"]

    def __str__(self) -> str:
        return f"plaatsing {self.pk}"


class PlaatsingContact(GemeenteScopedModel):
    """Follow-up on a placement: how it goes, for the resident and the host/employer."""

    plaatsing = models.ForeignKey(Plaatsing, on_delete=models.CASCADE, related_name="contacten")
    datum = models.DateField(_("datum"))
    verloop = models.TextField(_("hoe gaat het"))
    volgende_contact = models.DateField(_("volgend contact"), null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("contact over een plaatsing")
        verbose_name_plural = _("contacten over plaatsingen")
        ordering = ["-datum"]
