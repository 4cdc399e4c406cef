from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "meedoen.signalen"
    label = "signalen"
    verbose_name = "Signalen en taken"

    def ready(self):
        from meedoen.signalen import levensgebeurtenissen, startsectie  # noqa: F401
