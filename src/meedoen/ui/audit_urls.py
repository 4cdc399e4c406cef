from django.urls import path

from meedoen.ui import audit_views as views

app_name = "audit"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("inwoner/", views.inwoner_kiezen, name="inwoner_kiezen"),
    path("export.csv", views.export, name="export"),
]
