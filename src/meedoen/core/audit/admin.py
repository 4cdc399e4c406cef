from django.contrib import admin

from meedoen.core.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: nobody, not even a superuser, adds, changes or deletes audit events."""

    list_display = ["tijdstip", "actor_naam", "actie", "object_type", "doel", "gemeente"]
    list_filter = ["actie"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}
