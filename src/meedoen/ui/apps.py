from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UiConfig(AppConfig):
    """Base templates, theme, components and the staff start page."""

    name = "meedoen.ui"
    label = "ui"
    verbose_name = _("Gebruikersinterface")
