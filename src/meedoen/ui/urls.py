from django.urls import path

from meedoen.ui import views

app_name = "ui"

urlpatterns = [path("", views.start, name="start")]
