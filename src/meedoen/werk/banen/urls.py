from django.urls import path

from meedoen.werk.banen.views import allocatie, banen, contract, plaatsingen

# Included in the "werk" namespace by werk/urls.py; prefix names with the part.
urlpatterns: list = [
    path("banen/", banen.lijst, name="banen_lijst"),
    path("banen/nieuw/", banen.nieuw, name="banen_nieuw"),
    path("banen/<uuid:baan_uuid>/", banen.detail, name="banen_baan"),
    path("banen/<uuid:baan_uuid>/wijzigen/", banen.wijzigen, name="banen_wijzigen"),
    path(
        "banen/<uuid:baan_uuid>/verdringingstoets/",
        banen.verdringingstoets,
        name="banen_verdringingstoets",
    ),
    path("banen/verdelen/", allocatie.verdelen, name="banen_allocatie"),
    path("banen/plaatsingen/", plaatsingen.lijst, name="banen_plaatsingen"),
    path(
        "banen/plaatsingen/<uuid:plaatsing_uuid>/",
        plaatsingen.detail,
        name="banen_plaatsing",
    ),
    path(
        "banen/plaatsingen/<uuid:plaatsing_uuid>/contact/",
        plaatsingen.contact,
        name="banen_plaatsing_contact",
    ),
    path(
        "banen/plaatsingen/<uuid:plaatsing_uuid>/beeindigen/",
        plaatsingen.beeindigen,
        name="banen_plaatsing_beeindigen",
    ),
    path(
        "banen/plaatsingen/<uuid:plaatsing_uuid>/loonwaarde/",
        plaatsingen.loonwaarde,
        name="banen_loonwaarde",
    ),
    path(
        "banen/inwoner/<uuid:persoon_uuid>/plaatsen/", plaatsingen.plaatsen, name="banen_plaatsen"
    ),
    path(
        "banen/inwoner/<uuid:persoon_uuid>/contract/", contract.nieuw, name="banen_contract_nieuw"
    ),
    path("banen/contracten/<uuid:contract_uuid>/", contract.detail, name="banen_contract"),
    path(
        "banen/contracten/<uuid:contract_uuid>/beeindigen/",
        contract.beeindigen,
        name="banen_contract_beeindigen",
    ),
]
