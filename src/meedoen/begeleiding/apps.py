from django.apps import AppConfig


class BegeleidingConfig(AppConfig):
    name = "meedoen.begeleiding"
    label = "begeleiding"
    verbose_name = "Begeleiding"

    def ready(self):
        from meedoen.begeleiding import panels, signaalbronnen  # noqa: F401  (registrations)
