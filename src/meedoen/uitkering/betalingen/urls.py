from django.urls import path  # noqa: F401

# Included in the "uitkering" namespace by uitkering/urls.py; prefix names with the part.
urlpatterns: list = []
