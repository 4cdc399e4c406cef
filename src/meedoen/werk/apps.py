from django.apps import AppConfig


class WerkConfig(AppConfig):
    name = "meedoen.werk"
    label = "werk"
    verbose_name = "Werk"
