from meedoen.werk.banen import urls as banen_urls
from meedoen.werk.koppelen import urls as koppelen_urls
from meedoen.werk.profiel import urls as profiel_urls
from meedoen.werk.werkgevers import urls as werkgevers_urls

app_name = "werk"

urlpatterns = [
    *profiel_urls.urlpatterns,
    *werkgevers_urls.urlpatterns,
    *koppelen_urls.urlpatterns,
    *banen_urls.urlpatterns,
]
