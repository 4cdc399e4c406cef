from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit trail lives in core but is its own app so that it can refer to accounts."""

    name = "meedoen.core.audit"
    label = "audit"
    verbose_name = "Audittrail"
