"""The Zelfredzaamheid-Matrix (ZRM 2017): 13 domains, five levels, all domains per measurement."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel, GemeenteScopedModel


class ZrmDomein(models.TextChoices):
    FINANCIEN = "financien", _("Financiën")
    WERK_OPLEIDING = "werk_opleiding", _("Werk & Opleiding")
    TIJDSBESTEDING = "tijdsbesteding", _("Tijdsbesteding")
    HUISVESTING = "huisvesting", _("Huisvesting")
    HUISELIJKE_RELATIES = "huiselijke_relaties", _("Huiselijke relaties")
    GEESTELIJKE_GEZONDHEID = "geestelijke_gezondheid", _("Geestelijke gezondheid")
    LICHAMELIJKE_GEZONDHEID = "lichamelijke_gezondheid", _("Lichamelijke gezondheid")
    MIDDELENGEBRUIK = "middelengebruik", _("Middelengebruik")
    BASALE_ADL = "basale_adl", _("Basale ADL")
    INSTRUMENTELE_ADL = "instrumentele_adl", _("Instrumentele ADL")
    SOCIAAL_NETWERK = "sociaal_netwerk", _("Sociaal netwerk")
    MAATSCHAPPELIJKE_PARTICIPATIE = (
        "maatschappelijke_participatie",
        _("Maatschappelijke participatie"),
    )
    JUSTITIE = "justitie", _("Justitie")


class ZrmNiveau(models.IntegerChoices):
    ACUUT = 1, _("1 acuut probleem")
    NIET_ZELFREDZAAM = 2, _("2 niet zelfredzaam")
    BEPERKT = 3, _("3 beperkt zelfredzaam")
    VOLDOENDE = 4, _("4 voldoende zelfredzaam")
    VOLLEDIG = 5, _("5 volledig zelfredzaam")


class ZrmMeting(GemeenteScopedModel):
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="zrm_metingen"
    )
    datum = models.DateField(_("datum"))
    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("ZRM-meting")
        verbose_name_plural = _("ZRM-metingen")
        ordering = ["-datum", "-aangemaakt_op"]
        indexes = [models.Index(fields=["persoon", "datum"])]

    @property
    def gemiddelde(self):
        scores = [s.niveau for s in self.scores.all()]
        return sum(scores) / len(scores) if scores else None


class ZrmScore(BaseModel):
    meting = models.ForeignKey(ZrmMeting, on_delete=models.PROTECT, related_name="scores")
    domein = models.CharField(_("domein"), max_length=40, choices=ZrmDomein.choices)
    niveau = models.PositiveSmallIntegerField(_("niveau"), choices=ZrmNiveau.choices)
    toelichting = models.CharField(_("toelichting"), max_length=500)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meting", "domein"], name="zrm_domein_eenmaal"),
            models.CheckConstraint(
                condition=models.Q(niveau__gte=1, niveau__lte=5), name="zrm_niveau_1_tot_5"
            ),
        ]
