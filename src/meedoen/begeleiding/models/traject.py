"""A resident's guidance over time: ambitiegesprek, route choices, obligations and
ontheffingen, caseload assignment, contact moments and participatieladder positions. History
rows are only added; `Begeleidingsstand` is the current state derived from them (kept in step by
the services) so that worklists stay fast."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class Ambitiegesprek(GemeenteScopedModel):
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="ambitiegesprekken"
    )
    datum = models.DateField(_("datum"))
    gevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ambities = models.CharField(_("ambities: wat wil de inwoner bereiken?"), max_length=2000)
    sterke_punten = models.CharField(_("sterke punten"), max_length=2000, blank=True)
    werkervaring = models.CharField(_("werkervaring en opleiding"), max_length=2000, blank=True)
    wensen = models.CharField(_("wensen"), max_length=2000, blank=True)
    uren_beschikbaar = models.PositiveSmallIntegerField(
        _("uren per week beschikbaar"), validators=[MaxValueValidator(60)]
    )
    beperking_kinderopvang = models.BooleanField(_("beperkt door kinderopvang"), default=False)
    beperking_gezondheid = models.BooleanField(_("beperkt door gezondheid"), default=False)
    overige_beperkingen = models.CharField(_("andere beperkingen"), max_length=1000, blank=True)
    voorkeursroute = models.ForeignKey(
        "begeleiding.Route",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("route die de inwoner zelf kiest"),
    )

    class Meta:
        verbose_name = _("ambitiegesprek")
        verbose_name_plural = _("ambitiegesprekken")
        ordering = ["-datum", "-aangemaakt_op"]


class RouteKeuze(GemeenteScopedModel):
    """Append-only: each route a resident was in, from when, with the advice at that moment and
    the reason when the choice differs from the advice."""

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="routekeuzes"
    )
    route = models.ForeignKey("begeleiding.Route", on_delete=models.PROTECT, related_name="keuzes")
    ingangsdatum = models.DateField(_("ingangsdatum"))
    geadviseerde_route = models.ForeignKey(
        "begeleiding.Route", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    advies_uitleg = models.CharField(_("advies omdat"), max_length=2000, blank=True)
    reden_afwijking = models.CharField(
        _("reden als de keuze afwijkt van het advies"), max_length=2000, blank=True
    )
    ambitiegesprek = models.ForeignKey(
        Ambitiegesprek, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-ingangsdatum", "-aangemaakt_op"]
        indexes = [models.Index(fields=["persoon", "ingangsdatum"])]

    @property
    def wijkt_af(self) -> bool:
        return (
            self.geadviseerde_route_id is not None and self.geadviseerde_route_id != self.route_id
        )


class Toewijzing(GemeenteScopedModel):
    """Which klantmanager guided a resident when. Ended, never overwritten."""

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    klantmanager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="toewijzingen"
    )
    van = models.DateField(_("vanaf"))
    tot = models.DateField(_("tot"), null=True, blank=True)
    reden = models.CharField(_("reden"), max_length=500)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-van", "-aangemaakt_op"]


class Begeleidingsstand(GemeenteScopedModel):
    """Current state per resident, derived from the history rows: klantmanager, route, last
    contact and the date by which the next contact is due under the route's policy."""

    persoon = models.OneToOneField(
        "clients.Persoon", on_delete=models.PROTECT, related_name="begeleidingsstand"
    )
    klantmanager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    route = models.ForeignKey(
        "begeleiding.Route", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    route_sinds = models.DateField(null=True, blank=True)
    laatste_contact = models.DateField(null=True, blank=True)
    # (last contact, or the route's start without one) + the route's interval
    contact_uiterlijk = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["gemeente", "klantmanager", "contact_uiterlijk"], name="stand_km_contact"
            ),
            models.Index(
                fields=["gemeente", "route", "contact_uiterlijk"], name="stand_route_contact"
            ),
            models.Index(fields=["route", "contact_uiterlijk"], name="stand_team_contact"),
        ]


class OntheffingSoort(models.TextChoices):
    VOLLEDIG = "volledig", _("volledige ontheffing")
    GEDEELTELIJK = "gedeeltelijk", _("gedeeltelijke ontheffing")
    TIJDELIJK = "tijdelijk", _("tijdelijke ontheffing")


class OntheffingPlichten(models.TextChoices):
    ARBEID_EN_REINTEGRATIE = "beide", _("arbeidsplicht en re-integratieplicht")
    ARBEID = "arbeid", _("arbeidsplicht")
    REINTEGRATIE = "reintegratie", _("re-integratieplicht")


class Ontheffing(GemeenteScopedModel):
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="ontheffingen"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=OntheffingSoort.choices)
    plichten = models.CharField(
        _("van welke plichten"), max_length=20, choices=OntheffingPlichten.choices
    )
    omvang = models.CharField(_("omvang bij gedeeltelijke ontheffing"), max_length=500, blank=True)
    reden = models.CharField(_("reden"), max_length=2000)
    begin = models.DateField(_("ingangsdatum"))
    einde = models.DateField(_("einddatum"), null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-begin"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__isnull=True) | models.Q(einde__gt=models.F("begin")),
                name="ontheffing_einde_na_begin",
            )
        ]


class Contactkanaal(models.TextChoices):
    GESPREK = "gesprek", _("gesprek op kantoor")
    HUISBEZOEK = "huisbezoek", _("huisbezoek")
    TELEFOON = "telefoon", _("telefoon")
    VIDEO = "video", _("videobellen")
    EMAIL = "email", _("e-mail")
    BERICHT = "bericht", _("bericht via het portaal")
    ELDERS = "elders", _("ergens anders (wijk, werkplek)")


class Contactmoment(GemeenteScopedModel):
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="contactmomenten"
    )
    datum = models.DateField(_("datum"))
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=Contactkanaal.choices)
    samenvatting = models.CharField(_("samenvatting"), max_length=2000)
    volgende_stap = models.CharField(_("volgende stap"), max_length=1000, blank=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-datum", "-aangemaakt_op"]
        indexes = [models.Index(fields=["persoon", "datum"], name="contact_persoon_datum")]


class Trede(models.IntegerChoices):
    GEISOLEERD = 1, _("1 geïsoleerd")
    SOCIALE_CONTACTEN = 2, _("2 sociale contacten buitenshuis")
    GEORGANISEERDE_ACTIVITEITEN = 3, _("3 deelname aan georganiseerde activiteiten")
    ONBETAALD_WERK = 4, _("4 onbetaald werk")
    BETAALD_MET_ONDERSTEUNING = 5, _("5 betaald werk met ondersteuning")
    BETAALD_WERK = 6, _("6 betaald werk")


class LadderPositie(GemeenteScopedModel):
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="ladderposities"
    )
    trede = models.PositiveSmallIntegerField(_("trede"), choices=Trede.choices)
    datum = models.DateField(_("datum"))
    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    toelichting = models.CharField(_("toelichting"), max_length=1000, blank=True)

    class Meta:
        ordering = ["datum", "aangemaakt_op"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(trede__gte=1, trede__lte=6), name="ladder_trede_1_tot_6"
            )
        ]
