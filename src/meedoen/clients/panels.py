"""The dossier's own panels: person and contact details, and the household."""

from django.utils.translation import gettext_lazy as _

from meedoen.clients import selectors
from meedoen.core.panels import DossierPanel, registreer_panel
from meedoen.core.roles import Bevoegdheid


def _persoon_context(*, actor, persoon):
    return {"persoon": persoon, "mag_wijzigen": actor.mag(Bevoegdheid.DOSSIER_SCHRIJVEN)}


def _huishouden_context(*, actor, persoon):
    return {
        "persoon": persoon,
        "huishouden": selectors.huishouden_van(persoon=persoon),
        "mag_wijzigen": actor.mag(Bevoegdheid.DOSSIER_SCHRIJVEN),
    }


registreer_panel(
    DossierPanel(
        key="persoon",
        titel=_("Persoon en contact"),
        template="clients/panels/persoon.html",
        volgorde=10,
        context=_persoon_context,
    )
)
registreer_panel(
    DossierPanel(
        key="huishouden",
        titel=_("Huishouden"),
        template="clients/panels/huishouden.html",
        volgorde=20,
        context=_huishouden_context,
    )
)
