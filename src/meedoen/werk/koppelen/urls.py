from django.urls import path

from meedoen.werk.koppelen.views import beheer, matches, rapport, voorstellen, vraag, werklijst

# Included in the "werk" namespace by werk/urls.py; prefix names with the part.
urlpatterns = [
    path(
        "koppelen/inwoner/<uuid:persoon_uuid>/matches/",
        matches.vacatures_voor_inwoner,
        name="koppelen_matches",
    ),
    path(
        "koppelen/inwoner/<uuid:persoon_uuid>/kansen/",
        vraag.kansen,
        name="koppelen_kansen",
    ),
    path(
        "koppelen/inwoner/<uuid:persoon_uuid>/vacature/<uuid:vacature_uuid>/voorstellen/",
        matches.voorstellen,
        name="koppelen_voorstellen",
    ),
    path(
        "koppelen/vacature/<uuid:vacature_uuid>/kandidaten/",
        matches.kandidaten_voor_vacature,
        name="koppelen_kandidaten",
    ),
    path(
        "koppelen/voorstellen/<uuid:voorstel_uuid>/",
        voorstellen.voorstel,
        name="koppelen_voorstel",
    ),
    path("koppelen/werklijst/", werklijst.werklijst, name="koppelen_werklijst"),
    path("koppelen/arbeidsmarkt/", vraag.arbeidsmarkt, name="koppelen_arbeidsmarkt"),
    path("koppelen/uitkomsten/", rapport.uitkomsten, name="koppelen_uitkomsten"),
    path("koppelen/werkbeleid/", beheer.werkbeleid, name="koppelen_werkbeleid"),
    path("koppelen/opleidingen/", beheer.opleidingen, name="koppelen_opleidingen"),
    path(
        "koppelen/opleidingen/<uuid:opleiding_uuid>/",
        beheer.opleiding_wijzigen,
        name="koppelen_opleiding",
    ),
]
