"""The brede intake: the problem map per leefgebied (debts in detail, housing, health, care
tasks, language), what the resident wants help with, and the stress check derived from it."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class Woonrisico(models.TextChoices):
    GEEN = "geen", _("geen risico")
    DREIGENDE_UITZETTING = "dreigende_uitzetting", _("dreigende uitzetting")
    TIJDELIJK_ONDERDAK = "tijdelijk_onderdak", _("tijdelijk onderdak (bij familie, vrienden)")
    GEEN_WOONPLEK = "geen_woonplek", _("geen woonplek")


class Gezondheid(models.TextChoices):
    GEEN_BELEMMERING = "geen", _("geen belemmering")
    SOMS = "soms", _("belemmert soms")
    VEEL = "veel", _("belemmert veel")


class Taalvaardigheid(models.TextChoices):
    GOED = "goed", _("spreekt en schrijft Nederlands goed")
    BEPERKT = "beperkt", _("spreekt Nederlands beperkt")
    NIET = "niet", _("spreekt geen Nederlands; tolk nodig")


class Intake(GemeenteScopedModel):
    persoon = models.ForeignKey("clients.Persoon", on_delete=models.PROTECT, related_name="intakes")
    datum = models.DateField(_("datum intake"))
    afgenomen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    zrm = models.OneToOneField(
        "intake.ZrmMeting", on_delete=models.PROTECT, related_name="intake", verbose_name="ZRM"
    )
    # Financiën: debts in detail. Money is Decimal.
    schulden_totaal = models.DecimalField(
        _("totaal aan schulden (euro)"),
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    aantal_schuldeisers = models.PositiveSmallIntegerField(_("aantal schuldeisers"), default=0)
    deurwaarder = models.BooleanField(_("er is een deurwaarder betrokken"), default=False)
    achterstand_huur = models.BooleanField(_("achterstand met huur"), default=False)
    achterstand_energie = models.BooleanField(_("achterstand met energie"), default=False)
    achterstand_zorgverzekering = models.BooleanField(
        _("achterstand met zorgverzekering"), default=False
    )
    schulden_toelichting = models.CharField(
        _("toelichting op geld en schulden"), max_length=1000, blank=True
    )
    # Wonen
    woonrisico = models.CharField(
        _("woonrisico"), max_length=30, choices=Woonrisico.choices, default=Woonrisico.GEEN
    )
    wonen_toelichting = models.CharField(_("toelichting op wonen"), max_length=1000, blank=True)
    # Gezondheid, zorgtaken, taal
    gezondheid = models.CharField(
        _("gezondheid"),
        max_length=10,
        choices=Gezondheid.choices,
        default=Gezondheid.GEEN_BELEMMERING,
    )
    gezondheid_toelichting = models.CharField(
        _("toelichting op gezondheid"), max_length=1000, blank=True
    )
    zorgtaken = models.CharField(_("zorgtaken (kinderen, mantelzorg)"), max_length=1000, blank=True)
    taal = models.CharField(
        _("taal"), max_length=10, choices=Taalvaardigheid.choices, default=Taalvaardigheid.GOED
    )
    hulpvraag = models.CharField(_("waar wil de inwoner hulp bij?"), max_length=2000)
    # The stress check as derived when the intake was recorded (see intake.stress).
    eerst_stabiliteit = models.BooleanField(_("eerst stabiliteit"), default=False, editable=False)
    stress_redenen = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("brede intake")
        verbose_name_plural = _("brede intakes")
        ordering = ["-datum", "-aangemaakt_op"]
        indexes = [models.Index(fields=["persoon", "datum"])]

    @property
    def heeft_schulden(self) -> bool:
        return self.schulden_totaal > 0 or self.aantal_schuldeisers > 0
