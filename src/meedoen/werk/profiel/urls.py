from django.urls import path

from meedoen.werk.profiel import views
from meedoen.werk.taxonomie import urls as taxonomie_urls

# Included in the "werk" namespace by werk/urls.py; prefix names with the part.
urlpatterns = [
    path("inwoner/<uuid:persoon_uuid>/profiel/", views.profiel, name="profiel_inwoner"),
    path(
        "inwoner/<uuid:persoon_uuid>/profiel/ervaring/",
        views.ervaring_toevoegen,
        name="profiel_ervaring_toevoegen",
    ),
    path(
        "profiel/ervaring/<uuid:werkervaring_uuid>/",
        views.ervaring,
        name="profiel_ervaring",
    ),
    path(
        "profiel/ervaring/<uuid:werkervaring_uuid>/verwijderen/",
        views.ervaring_verwijderen,
        name="profiel_ervaring_verwijderen",
    ),
    *taxonomie_urls.urlpatterns,
]
