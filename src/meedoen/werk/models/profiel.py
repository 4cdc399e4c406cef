from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel
from meedoen.werk.models.keuzes import Opleidingsniveau, TaalNiveau


class Werkprofiel(GemeenteScopedModel):
    """What a resident can and wants to do, made with the resident (from the ambitiegesprek)."""

    persoon = models.OneToOneField(
        "clients.Persoon", on_delete=models.PROTECT, related_name="werkprofiel"
    )
    opleidingsniveau = models.PositiveSmallIntegerField(
        _("opleidingsniveau"), choices=Opleidingsniveau.choices, default=Opleidingsniveau.GEEN
    )
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week beschikbaar"), default=0, validators=[MaxValueValidator(60)]
    )
    beschikbaar_vanaf = models.DateField(_("beschikbaar vanaf"), null=True, blank=True)
    beschikbare_momenten = models.CharField(
        _("wanneer beschikbaar"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: ochtenden, niet op woensdag."),
    )
    reisafstand_km = models.PositiveSmallIntegerField(
        _("maximale reisafstand in km"),
        default=15,
        validators=[MinValueValidator(0), MaxValueValidator(200)],
    )
    rijbewijs = models.BooleanField(_("rijbewijs B"), default=False)
    eigen_vervoer = models.BooleanField(_("eigen vervoer (auto, scooter)"), default=False)
    openbaar_vervoer = models.BooleanField(_("reist met openbaar vervoer"), default=True)
    talen = models.JSONField(_("talen"), default=list, blank=True)
    nederlands_niveau = models.CharField(
        _("niveau Nederlands"), max_length=2, choices=TaalNiveau.choices, blank=True
    )
    # Skill and occupation codes from the taxonomy.
    vaardigheden = models.JSONField(_("vaardigheden"), default=list, blank=True)
    wens_beroepen = models.JSONField(_("beroepen die de inwoner wil"), default=list, blank=True)
    nogo_beroepen = models.JSONField(
        _("beroepen die de inwoner niet wil"), default=list, blank=True
    )
    wensen = models.TextField(_("wensen in eigen woorden"), blank=True)
    nogos = models.TextField(_("wat de inwoner niet wil, in eigen woorden"), blank=True)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    met_inwoner_besproken_op = models.DateField(
        _("met de inwoner besproken op"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("werkprofiel")
        verbose_name_plural = _("werkprofielen")

    def __str__(self) -> str:
        return f"werkprofiel {self.persoon_id}"


class Werkervaring(GemeenteScopedModel):
    """A job the resident did: the title in their words, mapped to a taxonomy occupation by fuzzy
    matching, which the caseworker can correct (then `handmatig_gekoppeld`)."""

    profiel = models.ForeignKey(Werkprofiel, on_delete=models.CASCADE, related_name="ervaringen")
    functietitel = models.CharField(_("functietitel zoals de inwoner hem noemt"), max_length=200)
    beroep = models.CharField(_("beroep (taxonomie)"), max_length=64, blank=True)
    handmatig_gekoppeld = models.BooleanField(_("beroep door medewerker gekozen"), default=False)
    jaren = models.DecimalField(
        _("jaren ervaring"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )

    class Meta:
        verbose_name = _("werkervaring")
        verbose_name_plural = _("werkervaring")
        ordering = ["-jaren", "functietitel"]

    def __str__(self) -> str:
        return self.functietitel
