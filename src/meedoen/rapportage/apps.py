from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "meedoen.rapportage"
    label = "rapportage"
    verbose_name = "Rapportage"
