from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from meedoen.accounts.models import Organisatie, Rol, Team, User


@admin.register(User)
class MeedoenUserAdmin(UserAdmin):
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Meedoen", {"fields": ["organisatie", "teams", "rollen", "is_systeemclient"]}),
    ]
    list_display = ["username", "first_name", "last_name", "organisatie", "is_active"]
    filter_horizontal = ["teams", "rollen", "groups", "user_permissions"]


admin.site.register(Organisatie)
admin.site.register(Team)
admin.site.register(Rol)
