from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

# The admin requires a verified second factor, like every other staff page.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", include("meedoen.ui.urls")),
    path("inloggen/", include("meedoen.accounts.urls")),
    path("beheer/", include("meedoen.accounts.beheer_urls")),
    path("inwoners/", include("meedoen.clients.urls")),
    path("intake/", include("meedoen.intake.urls")),
    path("begeleiding/", include("meedoen.begeleiding.urls")),
    path("signalen/", include("meedoen.signalen.urls")),
    path("audit/", include("meedoen.ui.audit_urls")),
    path("cijfers/", include("meedoen.rapportage.urls")),
    path("uitkering/", include("meedoen.uitkering.urls")),
    path("werk/", include("meedoen.werk.urls")),
    path("api/", include("meedoen.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
