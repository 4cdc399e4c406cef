from django.urls import path

from meedoen.werk.taxonomie import views

# Spliced into the "werk" namespace through werk/profiel/urls.py.
urlpatterns = [
    path("taxonomie/zoeken/", views.zoeken, name="taxonomie_zoeken"),
]
