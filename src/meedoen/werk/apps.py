from django.apps import AppConfig


class WerkConfig(AppConfig):
    name = "meedoen.werk"
    label = "werk"
    verbose_name = "Werk"

    def ready(self):
        from meedoen.werk.banen import panels  # noqa: F401  (registrations)
        from meedoen.werk.koppelen import startsecties  # noqa: F401  (registrations)
        from meedoen.werk.profiel import panels as profiel_panels  # noqa: F401  (registrations)
