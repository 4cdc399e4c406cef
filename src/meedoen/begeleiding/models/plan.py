"""The plan van aanpak: goals, afspraken (what, who, by when) with append-only status rows,
actions and a review date. Authorship is shared: each part records whether a medewerker or the
inwoner wrote it (the portal will let residents add and edit their own parts)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.models import BaseModel, GemeenteScopedModel


class AuteurSoort(models.TextChoices):
    MEDEWERKER = "medewerker", _("medewerker")
    INWONER = "inwoner", _("inwoner")


class Wie(models.TextChoices):
    INWONER = "inwoner", _("de inwoner")
    GEMEENTE = "gemeente", _("de gemeente")


class GedeeldAuteurschap(models.Model):
    auteur_soort = models.CharField(
        _("geschreven door"), max_length=20, choices=AuteurSoort.choices
    )
    # Set when a medewerker wrote it; for the inwoner the plan's persoon is the author.
    auteur_medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True


class PlanVanAanpak(GemeenteScopedModel):
    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="plannen_van_aanpak"
    )
    opgesteld_op = models.DateField(_("opgesteld op"))
    evaluatiedatum = models.DateField(_("evaluatiedatum: wanneer kijken we samen terug?"))
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("plan van aanpak")
        verbose_name_plural = _("plannen van aanpak")
        ordering = ["-opgesteld_op", "-aangemaakt_op"]


class Doel(GedeeldAuteurschap, BaseModel):
    plan = models.ForeignKey(PlanVanAanpak, on_delete=models.PROTECT, related_name="doelen")
    omschrijving = models.CharField(_("doel"), max_length=1000)

    class Meta:
        ordering = ["aangemaakt_op"]

    def __str__(self) -> str:
        return self.omschrijving


class AfspraakStatus(models.TextChoices):
    OPEN = "open", _("loopt")
    NAGEKOMEN = "nagekomen", _("nagekomen")
    NIET_NAGEKOMEN = "niet_nagekomen", _("niet nagekomen")
    AANGEPAST = "aangepast", _("aangepast")


# from -> allowed next statuses. "Nagekomen" is final; an adjusted afspraak runs again.
AFSPRAAK_OVERGANGEN: dict[str, frozenset[str]] = {
    AfspraakStatus.OPEN: frozenset(
        {AfspraakStatus.NAGEKOMEN, AfspraakStatus.NIET_NAGEKOMEN, AfspraakStatus.AANGEPAST}
    ),
    AfspraakStatus.NIET_NAGEKOMEN: frozenset({AfspraakStatus.NAGEKOMEN, AfspraakStatus.AANGEPAST}),
    AfspraakStatus.AANGEPAST: frozenset(
        {AfspraakStatus.NAGEKOMEN, AfspraakStatus.NIET_NAGEKOMEN, AfspraakStatus.AANGEPAST}
    ),
    AfspraakStatus.NAGEKOMEN: frozenset(),
}


class Afspraak(GedeeldAuteurschap, BaseModel):
    plan = models.ForeignKey(PlanVanAanpak, on_delete=models.PROTECT, related_name="afspraken")
    wat = models.CharField(_("wat spreken we af?"), max_length=1000)
    wie = models.CharField(_("wie doet het?"), max_length=20, choices=Wie.choices)
    uiterlijk = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AfspraakStatus.choices,
        default=AfspraakStatus.OPEN,
        editable=False,
    )

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["uiterlijk", "aangemaakt_op"]

    def __str__(self) -> str:
        return self.wat

    @property
    def laatste_status(self):
        rijen = list(self.statussen.all())
        return rijen[-1] if rijen else None


class AfspraakStatusWijziging(BaseModel):
    afspraak = models.ForeignKey(Afspraak, on_delete=models.PROTECT, related_name="statussen")
    status = models.CharField(_("status"), max_length=20, choices=AfspraakStatus.choices)
    toelichting = models.CharField(_("toelichting"), max_length=2000)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["aangemaakt_op"]


class Actie(GedeeldAuteurschap, BaseModel):
    plan = models.ForeignKey(PlanVanAanpak, on_delete=models.PROTECT, related_name="acties")
    omschrijving = models.CharField(_("actie"), max_length=1000)
    wie = models.CharField(_("wie doet het?"), max_length=20, choices=Wie.choices)
    datum = models.DateField(_("wanneer"))

    class Meta:
        ordering = ["datum", "aangemaakt_op"]

    def __str__(self) -> str:
        return self.omschrijving


class Maatregel(GemeenteScopedModel):
    """A measure under the gemeente's verordening is a separate decision by a person, with
    grounds. It is never created by the system (an afspraak not kept makes a conversation task)."""

    persoon = models.ForeignKey(
        "clients.Persoon", on_delete=models.PROTECT, related_name="maatregelen"
    )
    afspraak = models.ForeignKey(
        Afspraak, on_delete=models.PROTECT, null=True, blank=True, related_name="maatregelen"
    )
    besluitdatum = models.DateField(_("datum besluit"))
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    grondslag = models.CharField(_("artikel van de verordening"), max_length=300)
    gronden = models.CharField(_("gronden: waarom dit besluit?"), max_length=4000)
    omschrijving = models.CharField(_("maatregel"), max_length=1000)
    gesprek_gevoerd = models.BooleanField(_("er is eerst met de inwoner gesproken"), default=False)

    class Meta:
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        ordering = ["-besluitdatum"]
