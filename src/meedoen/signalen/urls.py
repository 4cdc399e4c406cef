from django.urls import path

from meedoen.signalen import views

app_name = "signalen"

urlpatterns = [
    path("taken/", views.taken, name="taken"),
    path("taken/<uuid:taak_uuid>/afronden/", views.taak_afronden, name="taak_afronden"),
    path("schoolverlaters/", views.schoolverlaters_import, name="schoolverlaters"),
    path("instellingen/", views.instellingen, name="instellingen"),
]
