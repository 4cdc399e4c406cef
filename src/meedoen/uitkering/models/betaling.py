from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class Betaalvoorstel(GemeenteScopedModel):
    """What a household should be paid for one month, recalculated from the decision and that
    month's income, with the difference from the previous month explained. A person approves it
    before it can go into a run."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Te controleren")
        GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
        BETAALD = "betaald", _("Betaald")
        VERVALLEN = "vervallen", _("Vervallen")

    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="betaalvoorstellen"
    )
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="betaalvoorstellen"
    )
    besluit = models.ForeignKey(
        "uitkering.Besluit", on_delete=models.PROTECT, related_name="betaalvoorstellen"
    )
    inkomstenopgave = models.ForeignKey(
        "uitkering.Inkomstenopgave",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    maand = models.DateField(_("maand"))
    uitkering_cent = models.IntegerField(_("uitkering over de maand (eurocent)"))
    vakantiegeld_reservering_cent = models.IntegerField(
        _("gereserveerd vakantiegeld (eurocent)"), default=0
    )
    vakantiegeld_uitbetaling_cent = models.IntegerField(
        _("uitbetaald vakantiegeld (eurocent)"), default=0
    )
    nabetaling_cent = models.IntegerField(_("nabetaling (eurocent)"), default=0)
    inhouding_cent = models.IntegerField(_("inhouding aflossing (eurocent)"), default=0)
    te_betalen_cent = models.IntegerField(_("te betalen (eurocent)"))
    vorige_te_betalen_cent = models.IntegerField(
        _("vorige maand te betalen (eurocent)"), null=True, blank=True
    )
    verschil_uitleg = models.JSONField(_("uitleg verschil"), default=list, blank=True)
    situatie = models.JSONField(_("situatie"), default=dict)
    berekening = models.JSONField(_("berekening"), default=dict)
    # Vrijlating counters after this month (art. 31 lid 2 n and r): months used so far.
    vrijlating_n_maanden = models.PositiveSmallIntegerField(default=0)
    vrijlating_r_maanden = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONCEPT
    )
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    goedgekeurd_op = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("betaalvoorstel")
        verbose_name_plural = _("betaalvoorstellen")
        ordering = ["-maand"]
        constraints = [
            # One live proposal per household and month; a superseded one is "vervallen".
            models.UniqueConstraint(
                fields=["huishouden", "maand"],
                condition=~models.Q(status="vervallen"),
                name="betaalvoorstel_een_per_maand",
            )
        ]

    def __str__(self) -> str:
        return f"betaalvoorstel {self.maand:%Y-%m}"


class Betaalrun(GemeenteScopedModel):
    """A payment run for one gemeente and month. Four eyes: prepared by one person, approved by
    another; executed once, exported as often as needed."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Samengesteld")
        GEACCORDEERD = "geaccordeerd", _("Geaccordeerd")
        IN_UITVOERING = "in_uitvoering", _("In uitvoering")
        UITGEVOERD = "uitgevoerd", _("Uitgevoerd")
        MISLUKT = "mislukt", _("Mislukt")
        # Withdrawn before it was executed: its lines are released for a new run.
        INGETROKKEN = "ingetrokken", _("Ingetrokken")

    maand = models.DateField(_("maand"))
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.CONCEPT
    )
    samengesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geaccordeerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geaccordeerd_op = models.DateTimeField(_("geaccordeerd op"), null=True, blank=True)
    uitgevoerd_op = models.DateTimeField(_("uitgevoerd op"), null=True, blank=True)
    aantal = models.PositiveIntegerField(_("aantal betalingen"), default=0)
    totaal_cent = models.BigIntegerField(_("totaal (eurocent)"), default=0)
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    bericht_id = models.CharField(_("bericht-ID"), max_length=35, blank=True)
    pain001 = models.BinaryField(_("pain.001-bestand"), null=True, blank=True)
    # The date the bank is asked to pay on; never before the execution.
    betaaldatum = models.DateField(_("gewenste betaaldatum"), null=True, blank=True)

    class Meta:
        verbose_name = _("betaalrun")
        verbose_name_plural = _("betaalruns")
        ordering = ["-maand", "-aangemaakt_op"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(geaccordeerd_door=models.F("samengesteld_door")),
                name="betaalrun_vier_ogen",
            )
        ]

    def __str__(self) -> str:
        return f"betaalrun {self.maand:%Y-%m}"


class Rekeningwijziging(GemeenteScopedModel):
    """The resident asks to be paid on another account. The decision keeps the account it was
    taken with (its snapshot); payments from `vanaf` go to this one. Never edited: a later
    change is a new row."""

    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="rekeningwijzigingen"
    )
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="rekeningwijzigingen"
    )
    iban = models.CharField(_("IBAN"), max_length=34)
    tenaamstelling = models.CharField(_("op naam van"), max_length=70)
    vanaf = models.DateField(_("vanaf de betaling over"))
    reden = models.TextField(_("reden"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("rekeningwijziging")
        verbose_name_plural = _("rekeningwijzigingen")
        ordering = ["-vanaf", "-aangemaakt_op"]

    def __str__(self) -> str:
        return f"rekeningwijziging {self.vanaf:%Y-%m}"


class Maandberekening(GemeenteScopedModel):
    """One start of "voorstellen maken" for a gemeente and month, done by the background worker
    in batches. The page follows its progress; a failed or interrupted calculation keeps the
    batches already saved and is started again to finish the rest."""

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    ACTIEF = (Status.WACHTRIJ, Status.BEZIG)

    maand = models.DateField(_("maand"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.WACHTRIJ
    )
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    huishoudens = models.PositiveIntegerField(_("huishoudens te berekenen"), default=0)
    gedaan = models.PositiveIntegerField(_("huishoudens berekend"), default=0)
    aangemaakt = models.PositiveIntegerField(_("voorstellen gemaakt"), default=0)
    al_aanwezig = models.PositiveIntegerField(_("al een voorstel"), default=0)
    # [{"besluit": uuid, "reden": "..."}]: households the engine could not calculate, and why.
    overgeslagen = models.JSONField(_("overgeslagen"), default=list, blank=True)
    foutmelding = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        verbose_name = _("maandberekening")
        verbose_name_plural = _("maandberekeningen")
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "maand"],
                condition=models.Q(status__in=["wachtrij", "bezig"]),
                name="maandberekening_een_tegelijk",
            )
        ]

    def __str__(self) -> str:
        return f"maandberekening {self.maand:%Y-%m}"

    @property
    def voortgang(self) -> int:
        if self.status == self.Status.KLAAR:
            return 100
        return (100 * self.gedaan) // self.huishoudens if self.huishoudens else 0


class Betaling(GemeenteScopedModel):
    """One credit transfer in a run. The unique constraints make paying a household twice for the
    same month impossible, whatever the code above does."""

    class Soort(models.TextChoices):
        PERIODIEK = "periodiek", _("Uitkering")
        BIJZONDERE_BIJSTAND = "bijzondere_bijstand", _("Bijzondere bijstand")
        # A decided underpayment (herziening "nabetalen") paid on its own, because the
        # household gets no monthly payment any more to add it to.
        NABETALING = "nabetaling", _("Nabetaling")

    betaalrun = models.ForeignKey(Betaalrun, on_delete=models.PROTECT, related_name="betalingen")
    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="betalingen"
    )
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="betalingen"
    )
    maand = models.DateField(_("maand"))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    betaalvoorstel = models.OneToOneField(
        Betaalvoorstel, on_delete=models.PROTECT, null=True, blank=True, related_name="betaling"
    )
    bijzondere_bijstand = models.OneToOneField(
        "uitkering.BijzondereBijstand",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="betaling",
    )
    herziening = models.OneToOneField(
        "uitkering.Herziening",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="betaling",
    )
    bedrag_cent = models.PositiveIntegerField(_("bedrag (eurocent)"))
    iban = models.CharField(_("IBAN"), max_length=34)
    naam = models.CharField(_("naam"), max_length=70)
    omschrijving = models.CharField(_("omschrijving"), max_length=140)
    end_to_end_id = models.CharField(_("end-to-end-ID"), max_length=35, unique=True)

    class Meta:
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")
        ordering = ["maand"]
        constraints = [
            models.UniqueConstraint(
                fields=["huishouden", "maand"],
                condition=models.Q(soort="periodiek"),
                name="betaling_periodiek_een_per_maand",
            )
        ]


class Betaalopdracht(GemeenteScopedModel):
    """One line of a composed run: the approved proposal (or granted bijzondere bijstand, or a
    decided nabetaling of a household without a monthly payment) and the amount the second
    person approves. A line stays 'actief' while its run may still pay it, so
    the same proposal can never sit in two runs; withdrawing a run releases its lines."""

    betaalrun = models.ForeignKey(Betaalrun, on_delete=models.PROTECT, related_name="opdrachten")
    soort = models.CharField(_("soort"), max_length=20, choices=Betaling.Soort.choices)
    betaalvoorstel = models.ForeignKey(
        Betaalvoorstel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opdrachten",
    )
    bijzondere_bijstand = models.ForeignKey(
        "uitkering.BijzondereBijstand",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="betaalopdrachten",
    )
    herziening = models.ForeignKey(
        "uitkering.Herziening",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="betaalopdrachten",
    )
    huishouden = models.ForeignKey("clients.Huishouden", on_delete=models.PROTECT, related_name="+")
    persoon = models.ForeignKey("clients.Persoon", on_delete=models.PROTECT, related_name="+")
    maand = models.DateField(_("maand"))
    bedrag_cent = models.PositiveIntegerField(_("bedrag (eurocent)"))
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("betaalopdracht")
        verbose_name_plural = _("betaalopdrachten")
        ordering = ["maand"]
        constraints = [
            models.UniqueConstraint(
                fields=["betaalvoorstel"],
                condition=models.Q(actief=True),
                name="betaalopdracht_voorstel_in_een_run",
            ),
            models.UniqueConstraint(
                fields=["bijzondere_bijstand"],
                condition=models.Q(actief=True),
                name="betaalopdracht_bijzondere_in_een_run",
            ),
            models.UniqueConstraint(
                fields=["herziening"],
                condition=models.Q(actief=True),
                name="betaalopdracht_nabetaling_in_een_run",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(
                        betaalvoorstel__isnull=False,
                        bijzondere_bijstand__isnull=True,
                        herziening__isnull=True,
                    )
                    | models.Q(
                        betaalvoorstel__isnull=True,
                        bijzondere_bijstand__isnull=False,
                        herziening__isnull=True,
                    )
                    | models.Q(
                        betaalvoorstel__isnull=True,
                        bijzondere_bijstand__isnull=True,
                        herziening__isnull=False,
                    )
                ),
                name="betaalopdracht_een_bron_met_nabetaling",
            ),
        ]

    def __str__(self) -> str:
        return f"betaalopdracht {self.maand:%Y-%m}"
