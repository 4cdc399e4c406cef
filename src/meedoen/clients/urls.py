from django.urls import path

from meedoen.clients import views

app_name = "clients"

urlpatterns = [
    path("", views.zoeken, name="zoeken"),
    path("nieuw/", views.registreren, name="registreren"),
    path("<uuid:persoon_uuid>/", views.dossier, name="dossier"),
    path("<uuid:persoon_uuid>/gegevens/", views.persoon_wijzigen, name="persoon_wijzigen"),
    path("huishoudens/<uuid:huishouden_uuid>/", views.huishouden, name="huishouden"),
    path(
        "huishoudens/<uuid:huishouden_uuid>/toevoegen/", views.lid_toevoegen, name="lid_toevoegen"
    ),
    path(
        "huishoudens/<uuid:huishouden_uuid>/leden/<uuid:lidmaatschap_uuid>/einde/",
        views.lid_beeindigen,
        name="lid_beeindigen",
    ),
    path(
        "huishoudens/<uuid:huishouden_uuid>/leden/<uuid:lidmaatschap_uuid>/rol/",
        views.rol_wijzigen,
        name="rol_wijzigen",
    ),
]
