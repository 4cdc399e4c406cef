from django.urls import path

from meedoen.accounts import beheer_views as views

app_name = "beheer"

urlpatterns = [
    path("gebruikers/", views.gebruikers, name="gebruikers"),
    path("gebruikers/nieuw/", views.gebruiker_nieuw, name="gebruiker_nieuw"),
    path("gebruikers/<uuid:gebruiker_uuid>/", views.gebruiker_wijzigen, name="gebruiker_wijzigen"),
    path("teams/", views.teams, name="teams"),
    path("teams/nieuw/", views.team_nieuw, name="team_nieuw"),
    path("teams/<uuid:team_id>/", views.team_wijzigen, name="team_wijzigen"),
]
