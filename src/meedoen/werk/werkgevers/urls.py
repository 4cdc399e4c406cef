from django.urls import path

from meedoen.werk.werkgevers.views import importeren, vacatures, werkgevers

# Included in the "werk" namespace by werk/urls.py; prefix names with the part.
urlpatterns = [
    path("werkgevers/", werkgevers.lijst, name="werkgevers_lijst"),
    path("werkgevers/nieuw/", werkgevers.nieuw, name="werkgevers_nieuw"),
    path("werkgevers/<uuid:werkgever_uuid>/", werkgevers.detail, name="werkgevers_werkgever"),
    path(
        "werkgevers/<uuid:werkgever_uuid>/wijzigen/",
        werkgevers.wijzigen,
        name="werkgevers_wijzigen",
    ),
    path(
        "werkgevers/<uuid:werkgever_uuid>/contactpersoon/",
        werkgevers.contactpersoon_nieuw,
        name="werkgevers_contactpersoon_nieuw",
    ),
    path(
        "werkgevers/contactpersonen/<uuid:contactpersoon_uuid>/",
        werkgevers.contactpersoon,
        name="werkgevers_contactpersoon",
    ),
    path(
        "werkgevers/contactpersonen/<uuid:contactpersoon_uuid>/verwijderen/",
        werkgevers.contactpersoon_verwijderen,
        name="werkgevers_contactpersoon_verwijderen",
    ),
    path("vacatures/", vacatures.lijst, name="werkgevers_vacatures"),
    path("vacatures/nieuw/", vacatures.nieuw, name="werkgevers_vacature_nieuw"),
    path("vacatures/importeren/", importeren.uploaden, name="werkgevers_import"),
    path(
        "vacatures/importeren/<uuid:vacatureimport_uuid>/",
        importeren.controle,
        name="werkgevers_import_controle",
    ),
    path("vacatures/<uuid:vacature_uuid>/", vacatures.detail, name="werkgevers_vacature"),
    path(
        "vacatures/<uuid:vacature_uuid>/wijzigen/",
        vacatures.wijzigen,
        name="werkgevers_vacature_wijzigen",
    ),
    path(
        "vacatures/<uuid:vacature_uuid>/status/",
        vacatures.status,
        name="werkgevers_vacature_status",
    ),
]
