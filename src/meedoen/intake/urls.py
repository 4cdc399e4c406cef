from django.urls import path

from meedoen.intake import views

app_name = "intake"

urlpatterns = [
    path("inwoner/<uuid:persoon_uuid>/nieuw/", views.intake_nieuw, name="nieuw"),
    path("inwoner/<uuid:persoon_uuid>/zrm/", views.zrm_nieuw, name="zrm_nieuw"),
    path("inwoner/<uuid:persoon_uuid>/verwijzen/", views.verwijzing_nieuw, name="verwijzing_nieuw"),
    path("<uuid:intake_uuid>/", views.intake_detail, name="detail"),
    path("verwijzingen/<uuid:verwijzing_uuid>/", views.verwijzing_detail, name="verwijzing"),
    path("beheer/partners/", views.partners, name="partners"),
    path("beheer/partners/<uuid:partner_uuid>/", views.partner_wijzigen, name="partner"),
]
