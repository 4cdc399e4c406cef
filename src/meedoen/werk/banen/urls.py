from django.urls import path  # noqa: F401

# Included in the "werk" namespace by werk/urls.py; prefix names with the part.
urlpatterns: list = []
