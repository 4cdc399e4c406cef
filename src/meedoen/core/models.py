"""Shared building blocks: the Gemeente every resident row belongs to, and the audit trail."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gemeente(models.Model):
    """A municipality, identified by its CBS code (GM + four digits)."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class BaseModel(models.Model):
    """Objects are addressed by a random UUID so that URLs reveal nothing about them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True


class GemeenteScopedModel(BaseModel):
    """Every resident-related row belongs to one gemeente; selectors filter on it."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, verbose_name=_("gemeente"))

    class Meta:
        abstract = True
