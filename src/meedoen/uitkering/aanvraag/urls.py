from django.urls import path

from meedoen.uitkering.aanvraag import views

# Included in the "uitkering" namespace by uitkering/urls.py; prefix names with the part.
urlpatterns: list = [
    path("aanvragen/", views.lijst, name="aanvraag_lijst"),
    path(
        "aanvragen/inwoner/<uuid:persoon_uuid>/nieuw/",
        views.registreren,
        name="aanvraag_registreren",
    ),
    path("aanvragen/<uuid:aanvraag_uuid>/", views.detail, name="aanvraag_detail"),
    path("aanvragen/<uuid:aanvraag_uuid>/besluit/", views.besluit_nemen, name="aanvraag_besluit"),
    path("besluiten/<uuid:besluit_uuid>/", views.besluit_detail, name="besluit_detail"),
    path("documenten/<uuid:document_uuid>/", views.document, name="aanvraag_document"),
]
