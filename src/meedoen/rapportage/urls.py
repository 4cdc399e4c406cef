from django.urls import path

from meedoen.rapportage import views

app_name = "rapportage"

urlpatterns = [path("", views.overzicht, name="overzicht")]
