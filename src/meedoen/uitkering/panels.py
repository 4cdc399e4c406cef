"""The dossier's income panel: a calculation for this household and, on the dossier of a
partner or other member, the household's bijstand that is in someone else's name."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.core.panels import DossierPanel, registreer_panel
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering import selectors

# Who may see a household's amount and application: the same as for the "Uitkering" panel.
UITKERING_LEZERS = (Bevoegdheid.UITKERING_BEHANDELEN, Bevoegdheid.UITKERING_ACCORDEREN)


def _context(*, actor, persoon):
    huishouden = None
    if actor.mag_een(*UITKERING_LEZERS):
        huishouden = selectors.bijstand_van_huishouden(persoon=persoon, datum=timezone.localdate())
    return {"persoon": persoon, "huishouden": huishouden}


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
