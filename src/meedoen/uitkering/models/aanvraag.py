from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel, GemeenteScopedModel


class Aanvraag(GemeenteScopedModel):
    """An application for algemene bijstand. Its status moves only along the transition table in
    `uitkering.aanvraagstatus`; each move appends an `AanvraagStatus` row."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Ingediend")
        IN_ONDERZOEK = "in_onderzoek", _("In onderzoek")
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        BUITEN_BEHANDELING = "buiten_behandeling", _("Buiten behandeling")
        BEZWAAR = "bezwaar", _("In bezwaar")
        BEZWAAR_AFGEHANDELD = "bezwaar_afgehandeld", _("Bezwaar afgehandeld")

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="aanvragen"
    )
    huishouden = models.ForeignKey(
        "clients.Huishouden", on_delete=models.PROTECT, related_name="aanvragen"
    )
    ontvangen_op = models.DateField(_("ontvangen op"))
    gewenste_ingangsdatum = models.DateField(_("gewenste ingangsdatum"))
    iban = models.CharField(_("IBAN"), max_length=34)
    tenaamstelling = models.CharField(_("tenaamstelling rekening"), max_length=70)
    # What the applicant declared on the application date: the household as the engine needs it
    # (members' roles, birth dates, kostendelers), income per source and person, and assets.
    gegevens = models.JSONField(_("opgegeven gegevens"), default=dict)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INGEDIEND
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandelaar"),
    )
    # Beslistermijn: 8 weeks after receipt (Awb art. 4:13), extendable once with a reason
    # (Awb art. 4:14).
    beslistermijn = models.DateField(_("beslistermijn"))
    verdaagd_tot = models.DateField(_("verdaagd tot"), null=True, blank=True)
    verdagingsreden = models.TextField(_("reden verdaging"), blank=True)
    # Under 27: a 4-week search period before the application can be dealt with (art. 41 lid 4),
    # unless maatwerk applies.
    zoektermijn_tot = models.DateField(_("zoektermijn tot"), null=True, blank=True)
    zoektermijn_maatwerk = models.BooleanField(_("maatwerk: geen zoektermijn"), default=False)
    zoektermijn_maatwerk_reden = models.TextField(_("reden maatwerk zoektermijn"), blank=True)

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["-ontvangen_op"]
        indexes = [models.Index(fields=["gemeente", "status", "beslistermijn"])]

    def __str__(self) -> str:
        return f"aanvraag {self.pk}"


class AanvraagStatus(BaseModel):
    """Append-only history of an application's status."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="statussen")
    van = models.CharField(_("van"), max_length=20, choices=Aanvraag.Status.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=20, choices=Aanvraag.Status.choices)
    reden = models.TextField(_("reden"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("status van een aanvraag")
        verbose_name_plural = _("statussen van aanvragen")
        ordering = ["aangemaakt_op"]


class Bezwaar(GemeenteScopedModel):
    """A bezwaarschrift against the final decision on an application (Awb art. 6:4) and the
    beslissing op bezwaar: when it came in, when it was decided and with what outcome. After a
    (partly) upheld bezwaar the decision is revoked (Awb art. 7:11) and the application goes back
    into investigation for a new decision; `heroverweging_op` records when that happened and
    `nieuw_besluit` the decision that replaced the revoked one. The status history of the
    application stays the append-only record of each step."""

    class Uitkomst(models.TextChoices):
        # Awb art. 7:11; niet-ontvankelijk: art. 6:6 and 6:11; ingetrokken: the resident withdrew.
        GEGROND = "gegrond", _("Gegrond: het besluit wordt herzien")
        DEELS_GEGROND = "deels_gegrond", _("Deels gegrond: het besluit wordt deels herzien")
        ONGEGROND = "ongegrond", _("Ongegrond: het besluit blijft")
        NIET_ONTVANKELIJK = (
            "niet_ontvankelijk",
            _("Niet-ontvankelijk: het bezwaar wordt niet inhoudelijk behandeld"),
        )
        INGETROKKEN = "ingetrokken", _("Ingetrokken door de inwoner")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="bezwaren")
    # The decision the bezwaar is against.
    besluit = models.ForeignKey(
        "uitkering.Besluit",
        on_delete=models.PROTECT,
        related_name="bezwaren",
        verbose_name=_("bestreden besluit"),
    )
    ontvangen_op = models.DateField(_("bezwaarschrift ontvangen op"))
    bezwaartermijn_tot = models.DateField(_("bezwaartermijn tot en met"))
    toelichting = models.TextField(_("waar de inwoner het niet mee eens is"))
    beslist_op = models.DateField(_("beslissing op bezwaar op"), null=True, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    uitkomst_toelichting = models.TextField(_("toelichting op de uitkomst"), blank=True)
    heroverweging_op = models.DateField(_("besluit herroepen op"), null=True, blank=True)
    nieuw_besluit = models.ForeignKey(
        "uitkering.Besluit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nieuw besluit"),
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        ordering = ["ontvangen_op", "aangemaakt_op"]
        constraints = [
            # An outcome always has its date, and a date its outcome.
            models.CheckConstraint(
                condition=models.Q(uitkomst="", beslist_op__isnull=True)
                | (~models.Q(uitkomst="") & models.Q(beslist_op__isnull=False)),
                name="bezwaar_uitkomst_met_datum",
            ),
            # One bezwaar at a time per application.
            models.UniqueConstraint(
                fields=["aanvraag"],
                condition=models.Q(uitkomst=""),
                name="bezwaar_een_open_per_aanvraag",
            ),
        ]

    def __str__(self) -> str:
        return f"bezwaar {self.pk}"

    @property
    def gegrond(self) -> bool:
        return self.uitkomst in (self.Uitkomst.GEGROND, self.Uitkomst.DEELS_GEGROND)

    @property
    def op_tijd(self) -> bool:
        return self.ontvangen_op <= self.bezwaartermijn_tot
