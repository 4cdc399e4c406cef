from django.urls import path

from meedoen.uitkering import views, views_beleid
from meedoen.uitkering.aanvraag import urls as aanvraag_urls
from meedoen.uitkering.beeindiging import urls as beeindiging_urls
from meedoen.uitkering.betalingen import urls as betalingen_urls
from meedoen.uitkering.bijzondere import urls as bijzondere_urls
from meedoen.uitkering.herziening import urls as herziening_urls

app_name = "uitkering"

urlpatterns = [
    path("berekenen/", views.berekening, name="berekening"),
    path("beleid/", views_beleid.inkomensbeleid, name="inkomensbeleid"),
    path("beleid/uitvoering/", views_beleid.uitvoering, name="inkomensbeleid_uitvoering"),
    *aanvraag_urls.urlpatterns,
    *betalingen_urls.urlpatterns,
    *herziening_urls.urlpatterns,
    *bijzondere_urls.urlpatterns,
    *beeindiging_urls.urlpatterns,
]
