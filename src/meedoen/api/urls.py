from django.urls import path

from meedoen.api import berekeningen, views

app_name = "api"

urlpatterns = [
    path("v1/personen/", views.PersonenView.as_view(), name="personen"),
    path("v1/personen/zoeken/", views.PersoonZoekenView.as_view(), name="personen_zoeken"),
    path("v1/personen/<uuid:persoon_uuid>/", views.PersoonDetailView.as_view(), name="persoon"),
    path("v1/berekeningen", berekeningen.BerekeningenView.as_view(), name="berekeningen"),
]
