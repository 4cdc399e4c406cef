from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel
from meedoen.werk.models.keuzes import Contractvorm, Opleidingsniveau


class Werkgever(GemeenteScopedModel):
    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    accounthouder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accounthouder"),
    )

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "kvk_nummer"], name="werkgever_kvk_uniek_per_gemeente"
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Contactpersoon(GemeenteScopedModel):
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="contactpersonen"
    )
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=100, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Vacature(GemeenteScopedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        VERVULD = "vervuld", _("Vervuld")
        GESLOTEN = "gesloten", _("Gesloten")

    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="vacatures")
    titel = models.CharField(_("titel"), max_length=200)
    beroep = models.CharField(_("beroep (taxonomie)"), max_length=64)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    vaardigheden_vereist = models.JSONField(_("vereiste vaardigheden"), default=list, blank=True)
    vaardigheden_gewenst = models.JSONField(_("gewenste vaardigheden"), default=list, blank=True)
    opleidingsniveau_min = models.PositiveSmallIntegerField(
        _("minimaal opleidingsniveau"),
        choices=Opleidingsniveau.choices,
        default=Opleidingsniveau.GEEN,
    )
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    postcode = models.CharField(_("postcode werkplek"), max_length=7)
    rijbewijs_nodig = models.BooleanField(_("rijbewijs nodig"), default=False)
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    plaatsen = models.PositiveSmallIntegerField(
        _("aantal plaatsen"), default=1, validators=[MinValueValidator(1)]
    )
    contractvorm = models.CharField(_("contractvorm"), max_length=20, choices=Contractvorm.choices)
    geschikt_loonkostensubsidie = models.BooleanField(
        _("geschikt voor loonkostensubsidie"), default=False
    )
    geschikt_beschut_werk = models.BooleanField(_("geschikt voor beschut werk"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")
        ordering = ["-aangemaakt_op"]
        indexes = [models.Index(fields=["gemeente", "status"])]

    def __str__(self) -> str:
        return self.titel
