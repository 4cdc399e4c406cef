"""The dossier's intake panel: latest intake, stress check, ZRM over time, referrals."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meedoen.core.panels import DossierPanel, registreer_panel
from meedoen.core.roles import Bevoegdheid
from meedoen.intake import selectors
from meedoen.intake.grafiek import lijngrafiek


def intake_context(*, actor, persoon) -> dict:
    """Reads only; the dossier view already recorded the read."""
    metingen = selectors.zrm_metingen(persoon=persoon)
    punten = [(m.datum, round(m.gemiddelde, 2)) for m in metingen if m.gemiddelde is not None]
    grafiek = lijngrafiek(
        grafiek_id=f"zrm-{persoon.pk}",
        titel=_("ZRM over de tijd: gemiddelde van 13 domeinen"),
        beschrijving=_("Van %(van)s tot %(tot)s, schaal 1 tot 5.")
        % {"van": punten[0][1], "tot": punten[-1][1]}
        if punten
        else "",
        punten=punten,
        y_min=1,
        y_max=5,
    )
    return {
        "persoon": persoon,
        "intake": selectors.laatste_intake(persoon=persoon),
        "metingen": metingen,
        "zrm_grafiek": grafiek,
        "verwijzingen": selectors.verwijzingen_van(persoon=persoon),
        "mag_schrijven": actor.mag(Bevoegdheid.DOSSIER_SCHRIJVEN),
    }


registreer_panel(
    DossierPanel(
        key="intake",
        titel=gettext_lazy("Brede intake en verwijzingen"),
        template="intake/panels/intake.html",
        volgorde=30,
        context=intake_context,
        # Debts, health and referrals: not shown to werkgeversdienstverleners (read-only role).
        bevoegdheden=frozenset({Bevoegdheid.DOSSIER_SCHRIJVEN}),
    )
)
