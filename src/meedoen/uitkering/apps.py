from django.apps import AppConfig


class UitkeringConfig(AppConfig):
    name = "meedoen.uitkering"
    label = "uitkering"
    verbose_name = "Uitkering"

    def ready(self):
        from meedoen.uitkering import panels  # noqa: F401  (registers the dossier panel)
