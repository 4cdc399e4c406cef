"""Organisations, teams, users and their roles."""

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from meedoen.core.roles import Rol as RolCode


class Organisatie(models.Model):
    """An execution organisation (a sociale dienst or a regional one) serving gemeenten."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    gemeenten = models.ManyToManyField("core.Gemeente", related_name="organisaties")

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Team(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="teams")
    naam = models.CharField(_("naam"), max_length=200)
    # The gemeenten this team works for; a subset of its organisation's gemeenten.
    gemeenten = models.ManyToManyField("core.Gemeente", related_name="teams", blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "naam"], name="team_naam_uniek")
        ]

    def __str__(self) -> str:
        return self.naam


class Rol(models.Model):
    code = models.CharField(
        max_length=40, unique=True, choices=[(r.value, r.value) for r in RolCode]
    )
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class User(AbstractUser):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="gebruikers"
    )
    teams = models.ManyToManyField(Team, related_name="leden", blank=True)
    rollen = models.ManyToManyField(Rol, related_name="gebruikers", blank=True)
    # A system client calls the API with a token and never logs in interactively.
    is_systeemclient = models.BooleanField(_("systeemkoppeling"), default=False)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["last_name", "first_name"]
