from django.urls import path

from meedoen.uitkering.bijzondere import views, views_beheer, views_beleid

# Included in the "uitkering" namespace by uitkering/urls.py; prefix names with the part.
urlpatterns: list = [
    path("bijzondere-bijstand/", views.lijst, name="bijzondere_lijst"),
    path(
        "inwoner/<uuid:persoon_uuid>/bijzondere-bijstand/",
        views.nieuw,
        name="bijzondere_nieuw",
    ),
    path("bijzondere-bijstand/<uuid:bijzondere_uuid>/", views.detail, name="bijzondere_detail"),
    path(
        "bijzondere-bijstand/<uuid:bijzondere_uuid>/berekenen/",
        views.berekenen,
        name="bijzondere_berekenen",
    ),
    path(
        "bijzondere-bijstand/<uuid:bijzondere_uuid>/bewijs/",
        views.bewijs,
        name="bijzondere_bewijs",
    ),
    path(
        "bijzondere-bijstand/<uuid:bijzondere_uuid>/brief/",
        views.brief,
        name="bijzondere_brief",
    ),
    path("beheer/draagkracht/", views_beleid.draagkracht, name="bijzondere_draagkracht"),
    path(
        "beheer/kosten/",
        views_beheer.categorieen,
        name="bijzondere_categorieen",
    ),
    path(
        "beheer/kosten/<uuid:kostencategorie_uuid>/",
        views_beheer.categorie_wijzigen,
        name="bijzondere_categorie",
    ),
]
