from django.urls import path

from meedoen.api import berekeningen, uitkering_views, views

app_name = "api"

urlpatterns = [
    path("v1/personen/", views.PersonenView.as_view(), name="personen"),
    path("v1/personen/zoeken/", views.PersoonZoekenView.as_view(), name="personen_zoeken"),
    path("v1/personen/<uuid:persoon_uuid>/", views.PersoonDetailView.as_view(), name="persoon"),
    path("v1/berekeningen", berekeningen.BerekeningenView.as_view(), name="berekeningen"),
    # Uitkering (read only).
    path("v1/aanvragen/", uitkering_views.AanvragenView.as_view(), name="aanvragen"),
    path(
        "v1/aanvragen/<uuid:aanvraag_uuid>/",
        uitkering_views.AanvraagDetailView.as_view(),
        name="aanvraag",
    ),
    path("v1/besluiten/", uitkering_views.BesluitenView.as_view(), name="besluiten"),
    path(
        "v1/besluiten/<uuid:besluit_uuid>/",
        uitkering_views.BesluitDetailView.as_view(),
        name="besluit",
    ),
    path(
        "v1/personen/<uuid:persoon_uuid>/betalingen/",
        uitkering_views.BetalingenView.as_view(),
        name="persoon_betalingen",
    ),
]
