"""The dossier's income panel: for now, a calculation for this household."""

from django.utils.translation import gettext_lazy as _

from meedoen.core.panels import DossierPanel, registreer_panel
from meedoen.core.roles import Bevoegdheid


def _context(*, actor, persoon):
    return {"persoon": persoon}


registreer_panel(
    DossierPanel(
        key="inkomen",
        titel=_("Inkomen"),
        template="uitkering/panels/inkomen.html",
        volgorde=25,
        context=_context,
        bevoegdheden=frozenset({Bevoegdheid.BEREKENEN}),
    )
)
