"""Routes a gemeente offers (e.g. Deventer: Matchen, Groeien, Faciliteren, Zorgen) and the
rules that advise one. Both are configured by a functioneel beheerder per gemeente."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class Route(GemeenteScopedModel):
    naam = models.CharField(_("naam"), max_length=100)
    omschrijving = models.CharField(_("omschrijving"), max_length=1000, blank=True)
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="routes",
        verbose_name=_("verantwoordelijk team"),
    )
    contact_interval_dagen = models.PositiveSmallIntegerField(
        _("contact minstens elke ... dagen"),
        validators=[MinValueValidator(1), MaxValueValidator(366)],
    )
    standaard_verplichtingen = models.TextField(
        _("standaardverplichtingen (één per regel)"), blank=True
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(_("actief"), default=True)
    # Residents whose current route has this flag are the candidates for vacancies (werk).
    zoekt_werk = models.BooleanField(
        _("inwoners in deze route zoeken werk"),
        default=False,
        help_text=_("Zij komen als kandidaat in beeld bij vacatures."),
    )

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")
        ordering = ["volgorde", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="route_naam_uniek")
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def verplichtingen(self) -> list[str]:
        return [r.strip() for r in self.standaard_verplichtingen.splitlines() if r.strip()]


class AdviesRegel(GemeenteScopedModel):
    """If all conditions hold, advise `route`. Rules are tried in `volgorde`; the first that
    matches gives the advice. Conditions may only name facts from begeleiding.advies.ADVIES_VELDEN
    (answers from the intake and the ambitiegesprek); validation refuses anything else."""

    naam = models.CharField(_("naam van de regel"), max_length=200)
    route = models.ForeignKey(Route, on_delete=models.PROTECT, related_name="adviesregels")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # [{"veld": "uren_beschikbaar", "operator": "ten_minste", "waarde": "16"}, ...]
    voorwaarden = models.JSONField(_("voorwaarden"), default=list)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("adviesregel")
        verbose_name_plural = _("adviesregels")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam

    def clean(self):
        from meedoen.begeleiding.advies import valideer_voorwaarden

        valideer_voorwaarden(self.voorwaarden)
        if self.route_id and self.gemeente_id and self.route.gemeente_id != self.gemeente_id:
            from django.core.exceptions import ValidationError

            raise ValidationError({"route": _("Kies een route van dezelfde gemeente.")})
