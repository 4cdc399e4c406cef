from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import GemeenteScopedModel


class Herziening(GemeenteScopedModel):
    """A month paid wrongly, found by a later income report or household change. The system only
    proposes it; a person decides, and recovery is a separate decision with discretion recorded."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Voorgesteld")
        TERUGVORDEREN = "terugvorderen", _("Besloten: terugvorderen")
        AFGEZIEN = "afgezien", _("Besloten: afgezien van terugvordering")
        NABETALEN = "nabetalen", _("Besloten: nabetalen")
        VERVALLEN = "vervallen", _("Vervallen")

    class Aanleiding(models.TextChoices):
        INKOMSTENOPGAVE = "inkomstenopgave", _("Latere inkomstenopgave")
        HUISHOUDEN = "huishouden", _("Wijziging in het huishouden")
        BEEINDIGING = "beeindiging", _("Bijstand beëindigd")

    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="herzieningen"
    )
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="herzieningen"
    )
    maand = models.DateField(_("maand"))
    # The paid proposal this month was checked against.
    betaalvoorstel = models.ForeignKey(
        "uitkering.Betaalvoorstel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="herzieningen",
    )
    aanleiding = models.CharField(_("aanleiding"), max_length=16, choices=Aanleiding.choices)
    betaald_cent = models.IntegerField(_("betaald (eurocent)"))
    juist_cent = models.IntegerField(_("juiste bedrag (eurocent)"))
    # Positive: paid too much; negative: paid too little.
    verschil_cent = models.IntegerField(_("verschil (eurocent)"))
    uitleg = models.JSONField(_("uitleg"), default=list)
    berekening = models.JSONField(_("berekening"), default=dict)
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.VOORGESTELD
    )
    # The consulent's weighing (art. 58 lid 8: dringende redenen), recorded with the decision.
    dringende_redenen = models.BooleanField(_("dringende redenen"), default=False)
    evenredigheid = models.TextField(_("afweging evenredigheid"), blank=True)
    gemeente_te_laat = models.BooleanField(_("gemeente heeft te laat gehandeld"), default=False)
    waarschuwing_in_plaats_van_boete = models.BooleanField(
        _("waarschuwing in plaats van boete"), default=False
    )
    toelichting = models.TextField(_("toelichting besluit"), blank=True)
    beslist_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beslist_op = models.DateTimeField(_("beslist op"), null=True, blank=True)
    # An underpayment decided as "nabetalen" is added to the next proposal; this is that
    # proposal. While it is empty (or that proposal was superseded) the nabetaling is open.
    nabetaald_in = models.ForeignKey(
        "uitkering.Betaalvoorstel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nabetalingen",
    )

    class Meta:
        verbose_name = _("herziening")
        verbose_name_plural = _("herzieningen")
        ordering = ["-maand"]
        constraints = [
            # At most one open proposal per household and month: a newer finding replaces it.
            models.UniqueConstraint(
                fields=["huishouden", "maand"],
                condition=models.Q(status="voorgesteld"),
                name="herziening_een_voorstel_per_maand",
            )
        ]

    def __str__(self) -> str:
        return f"herziening {self.maand:%Y-%m}"


class Terugvordering(GemeenteScopedModel):
    """A decided recovery with its repayment arrangement. Repaid either by deductions from the
    monthly benefit (verrekenen) or by the resident paying the gemeente each month (zelf
    betalen, with a betalingskenmerk). Either way the monthly amount never takes the household
    below the beslagvrije voet (an input, as the gemeente computed it)."""

    class Status(models.TextChoices):
        LOPEND = "lopend", _("Lopend")
        AFGELOST = "afgelost", _("Afgelost")
        KWIJTGESCHOLDEN = "kwijtgescholden", _("Kwijtgescholden")

    class Wijze(models.TextChoices):
        VERREKENEN = "verrekenen", _("Inhouden op de uitkering")
        ZELF_BETALEN = "zelf_betalen", _("Zelf betalen aan de gemeente")

    herziening = models.OneToOneField(
        Herziening, on_delete=models.PROTECT, related_name="terugvordering"
    )
    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="terugvorderingen"
    )
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="terugvorderingen"
    )
    bedrag_cent = models.PositiveIntegerField(_("terug te vorderen (eurocent)"))
    beslagvrije_voet_cent = models.PositiveIntegerField(_("beslagvrije voet (eurocent)"))
    aflossing_per_maand_cent = models.PositiveIntegerField(_("aflossing per maand (eurocent)"))
    eerste_maand = models.DateField(_("eerste maand van aflossing"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.LOPEND
    )
    wijze = models.CharField(
        _("wijze van terugbetalen"),
        max_length=12,
        choices=Wijze.choices,
        default=Wijze.VERREKENEN,
    )
    # Zelf betalen: the household's own net income per month as entered by the consulent (the
    # voet is checked against it), and the reference the resident puts on each transfer.
    inkomen_per_maand_cent = models.PositiveIntegerField(
        _("eigen inkomen per maand (eurocent)"), null=True, blank=True
    )
    betalingskenmerk = models.CharField(_("betalingskenmerk"), max_length=20, blank=True)
    # The gemeente's account named in the letter (Inkomensbeleid.rekening_iban at the time).
    rekening_iban = models.CharField(_("IBAN van de gemeente"), max_length=34, blank=True)

    class Meta:
        verbose_name = _("terugvordering")
        verbose_name_plural = _("terugvorderingen")

    def __str__(self) -> str:
        return f"terugvordering {self.pk}"


class Aflossing(GemeenteScopedModel):
    """A deduction from one month's payment towards a recovery."""

    terugvordering = models.ForeignKey(
        Terugvordering, on_delete=models.PROTECT, related_name="aflossingen"
    )
    betaalvoorstel = models.ForeignKey(
        "uitkering.Betaalvoorstel", on_delete=models.PROTECT, related_name="aflossingen"
    )
    bedrag_cent = models.PositiveIntegerField(_("bedrag (eurocent)"))

    class Meta:
        verbose_name = _("aflossing")
        verbose_name_plural = _("aflossingen")
        constraints = [
            models.UniqueConstraint(
                fields=["terugvordering", "betaalvoorstel"], name="aflossing_eenmaal_per_voorstel"
            )
        ]


class Terugbetaling(GemeenteScopedModel):
    """A payment the resident made to the gemeente towards a recovery (zelf betalen), as
    recorded by a consulent. Never edited or deleted: a mistake is undone by a reversing entry
    (the negative amount, pointing to the entry it reverses)."""

    terugvordering = models.ForeignKey(
        Terugvordering, on_delete=models.PROTECT, related_name="terugbetalingen"
    )
    ontvangen_op = models.DateField(_("ontvangen op"))
    # Negative only for a reversing entry.
    bedrag_cent = models.IntegerField(_("bedrag (eurocent)"))
    correctie_van = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correctie",
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("terugbetaling")
        verbose_name_plural = _("terugbetalingen")
        ordering = ["ontvangen_op", "aangemaakt_op"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(bedrag_cent=0), name="terugbetaling_niet_nul"
            )
        ]

    def __str__(self) -> str:
        return f"terugbetaling {self.ontvangen_op:%Y-%m-%d}"
