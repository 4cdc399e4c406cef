"""Choice lists shared by the werk models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Opleidingsniveau(models.IntegerChoices):
    # An ordered scale so that "at least" is a comparison; matches the matching engine's scale.
    GEEN = 0, _("Geen afgeronde opleiding")
    BASISONDERWIJS = 1, _("Basisonderwijs")
    VMBO = 2, _("Vmbo / mbo 1")
    MBO_2 = 3, _("Mbo 2")
    MBO_3_4 = 4, _("Mbo 3 of 4")
    HAVO_VWO = 5, _("Havo / vwo")
    HBO = 6, _("Hbo")
    WO_BACHELOR = 7, _("Wo bachelor")
    WO_MASTER = 8, _("Wo master")


class TaalNiveau(models.TextChoices):
    # Common European Framework levels, as used for the Dutch language requirement.
    ONBEKEND = "", _("Onbekend")
    A0 = "A0", "A0"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class Contractvorm(models.TextChoices):
    VAST = "vast", _("Vast contract")
    TIJDELIJK = "tijdelijk", _("Tijdelijk contract")
    UITZEND = "uitzend", _("Uitzendwerk")
    LEERWERK = "leerwerk", _("Leerwerkbaan")
    PROEFPLAATSING = "proefplaatsing", _("Proefplaatsing")


class Sector(models.TextChoices):
    ZORG = "zorg", _("Zorg")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    WELZIJN = "welzijn", _("Welzijn")
    SPORT = "sport", _("Sport")
    CULTUUR = "cultuur", _("Cultuur")
    WIJK = "wijk", _("Wijk")
