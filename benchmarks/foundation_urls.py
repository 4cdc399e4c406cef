"""The project's URLs plus `/_floor/`: the cheapest page the same server can serve through the
full middleware stack (session, authentication, second factor, CSRF, CSP, axes)."""

from django.http import HttpResponse
from django.urls import path

from meedoen.conf.urls import urlpatterns as project_urlpatterns


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("_floor/", floor), *project_urlpatterns]
