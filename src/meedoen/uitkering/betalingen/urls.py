from django.urls import path

from meedoen.uitkering.betalingen import (
    views_inkomsten,
    views_rekening,
    views_runs,
    views_voorstellen,
)

# Included in the "uitkering" namespace by uitkering/urls.py; prefix names with the part.
urlpatterns: list = [
    path("betalingen/", views_voorstellen.overzicht, name="betalingen_overzicht"),
    path(
        "betalingen/berekenen/",
        views_voorstellen.maand_berekenen,
        name="betalingen_maand_berekenen",
    ),
    path(
        "betalingen/berekeningen/<uuid:maandberekening_uuid>/voortgang/",
        views_voorstellen.maandberekening_voortgang,
        name="maandberekening_voortgang",
    ),
    path("betalingen/voorstellen/", views_voorstellen.lijst, name="betaalvoorstellen"),
    path(
        "betalingen/voorstellen/goedkeuren/",
        views_voorstellen.alles_goedkeuren,
        name="betaalvoorstellen_goedkeuren",
    ),
    path(
        "betalingen/voorstellen/<uuid:betaalvoorstel_uuid>/",
        views_voorstellen.detail,
        name="betaalvoorstel_detail",
    ),
    path(
        "betalingen/voorstellen/<uuid:betaalvoorstel_uuid>/goedkeuren/",
        views_voorstellen.goedkeuren,
        name="betaalvoorstel_goedkeuren",
    ),
    path(
        "betalingen/inwoners/<uuid:persoon_uuid>/inkomsten/",
        views_inkomsten.opgave,
        name="betalingen_inkomstenopgave",
    ),
    path(
        "betalingen/inkomstenopgaven/ontbrekend/",
        views_inkomsten.ontbrekend,
        name="betalingen_opgaven_ontbrekend",
    ),
    path(
        "betalingen/inwoners/<uuid:persoon_uuid>/rekening/",
        views_rekening.rekening_wijzigen,
        name="betalingen_rekening",
    ),
    path(
        "betalingen/loonstroken/<uuid:inkomstenregel_uuid>/",
        views_inkomsten.loonstrook,
        name="betalingen_loonstrook",
    ),
    path("betalingen/runs/", views_runs.lijst, name="betaalruns"),
    path("betalingen/runs/<uuid:betaalrun_uuid>/", views_runs.detail, name="betaalrun_detail"),
    path(
        "betalingen/runs/<uuid:betaalrun_uuid>/voortgang/",
        views_runs.voortgang,
        name="betaalrun_voortgang",
    ),
    path(
        "betalingen/runs/<uuid:betaalrun_uuid>/accorderen/",
        views_runs.accorderen,
        name="betaalrun_accorderen",
    ),
    path(
        "betalingen/runs/<uuid:betaalrun_uuid>/uitvoeren/",
        views_runs.uitvoeren,
        name="betaalrun_uitvoeren",
    ),
    path(
        "betalingen/runs/<uuid:betaalrun_uuid>/intrekken/",
        views_runs.intrekken,
        name="betaalrun_intrekken",
    ),
    path(
        "betalingen/runs/<uuid:betaalrun_uuid>/bankbestand/",
        views_runs.bankbestand,
        name="betaalrun_bankbestand",
    ),
    path(
        "betalingen/betalingen/<uuid:betaling_uuid>/specificatie/",
        views_runs.specificatie,
        name="betaling_specificatie",
    ),
]
