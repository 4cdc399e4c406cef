from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "meedoen.api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        from meedoen.api import schema  # noqa: F401  (registers the OpenAPI extension)
