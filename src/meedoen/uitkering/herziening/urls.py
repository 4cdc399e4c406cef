from django.urls import path

from meedoen.uitkering.herziening import views

# Included in the "uitkering" namespace by uitkering/urls.py; prefix names with the part.
urlpatterns: list = [
    path("herzieningen/", views.lijst, name="herziening_lijst"),
    path("herzieningen/controleren/", views.zoeken, name="herziening_zoeken"),
    path("herzieningen/<uuid:herziening_uuid>/", views.detail, name="herziening_detail"),
    path("herzieningen/<uuid:herziening_uuid>/brief/", views.brief, name="herziening_brief"),
    path(
        "herzieningen/<uuid:herziening_uuid>/regeling/",
        views.regeling_wijzigen,
        name="herziening_regeling",
    ),
    path(
        "herzieningen/<uuid:herziening_uuid>/kwijtschelden/",
        views.kwijtschelden,
        name="herziening_kwijtschelden",
    ),
    path(
        "herzieningen/<uuid:herziening_uuid>/betalingen/",
        views.terugbetaling,
        name="herziening_terugbetaling",
    ),
    path(
        "herzieningen/<uuid:herziening_uuid>/betalingen/corrigeren/",
        views.terugbetaling_corrigeren,
        name="herziening_terugbetaling_corrigeren",
    ),
    path(
        "herzieningen/<uuid:herziening_uuid>/brieven/<uuid:document_uuid>/",
        views.document,
        name="herziening_document",
    ),
]
