from django.urls import path

from meedoen.uitkering import views, views_beleid

app_name = "uitkering"

urlpatterns = [
    path("berekenen/", views.berekening, name="berekening"),
    path("beleid/", views_beleid.inkomensbeleid, name="inkomensbeleid"),
]
