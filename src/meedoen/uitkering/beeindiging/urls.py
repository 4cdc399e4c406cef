from django.urls import path

from meedoen.uitkering.beeindiging import views

# Included in the "uitkering" namespace by uitkering/urls.py; prefix names with the part.
urlpatterns: list = [
    path(
        "beeindigen/inwoner/<uuid:persoon_uuid>/",
        views.beeindigen,
        name="beeindiging_nieuw",
    ),
]
