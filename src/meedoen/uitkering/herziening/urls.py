from django.urls import path

from meedoen.uitkering.herziening import views

# Included in the "uitkering" namespace by uitkering/urls.py; prefix names with the part.
urlpatterns: list = [
    path("herzieningen/", views.lijst, name="herziening_lijst"),
    path("herzieningen/controleren/", views.zoeken, name="herziening_zoeken"),
    path("herzieningen/<uuid:herziening_uuid>/", views.detail, name="herziening_detail"),
    path("herzieningen/<uuid:herziening_uuid>/brief/", views.brief, name="herziening_brief"),
]
