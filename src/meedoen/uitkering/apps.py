from django.apps import AppConfig


class UitkeringConfig(AppConfig):
    name = "meedoen.uitkering"
    label = "uitkering"
    verbose_name = "Uitkering"

    def ready(self):
        from meedoen.uitkering import panels  # noqa: F401  (registers the dossier panel)
        from meedoen.uitkering.aanvraag import registraties as _a  # noqa: F401
        from meedoen.uitkering.betalingen import registraties as _b  # noqa: F401
        from meedoen.uitkering.bijzondere import registraties as _bb  # noqa: F401
        from meedoen.uitkering.herziening import registraties  # noqa: F401
