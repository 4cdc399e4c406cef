from django.urls import path

from meedoen.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.inloggen, name="login"),
    path("tweede-stap/", views.tweede_stap, name="tweede_stap"),
    path("uitloggen/", views.uitloggen, name="logout"),
]
