from django.urls import path

from meedoen.begeleiding import views, views_beheer, views_werklijst

app_name = "begeleiding"

urlpatterns = [
    path(
        "inwoner/<uuid:persoon_uuid>/ambitiegesprek/", views.ambitiegesprek, name="ambitiegesprek"
    ),
    path("inwoner/<uuid:persoon_uuid>/route/", views.route_kiezen, name="route"),
    path("inwoner/<uuid:persoon_uuid>/plan/", views.plan, name="plan"),
    path("inwoner/<uuid:persoon_uuid>/contact/", views.contactmoment, name="contact"),
    path("inwoner/<uuid:persoon_uuid>/ladder/", views.ladder, name="ladder"),
    path("inwoner/<uuid:persoon_uuid>/ontheffing/", views.ontheffing, name="ontheffing"),
    path("inwoner/<uuid:persoon_uuid>/maatregel/", views.maatregel, name="maatregel"),
    path("inwoner/<uuid:persoon_uuid>/klantmanager/", views.toewijzen, name="toewijzen"),
    path("afspraken/<uuid:afspraak_uuid>/", views.afspraak_status, name="afspraak"),
    path("werklijst/", views_werklijst.werklijst, name="werklijst"),
    path("dekking/", views_werklijst.dekking, name="dekking"),
    path("beheer/routes/", views_beheer.routes, name="routes"),
    path("beheer/routes/<uuid:route_uuid>/", views_beheer.route_wijzigen, name="route_wijzigen"),
    path("beheer/adviesregels/", views_beheer.adviesregels, name="adviesregels"),
    path(
        "beheer/adviesregels/<uuid:adviesregel_uuid>/",
        views_beheer.adviesregel_wijzigen,
        name="adviesregel_wijzigen",
    ),
]
