from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "meedoen.clients"
    label = "clients"
    verbose_name = "Inwoners"

    def ready(self):
        from meedoen.clients import panels  # noqa: F401  (registers the dossier's own panels)
