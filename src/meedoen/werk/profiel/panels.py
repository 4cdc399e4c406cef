"""The "Werkprofiel" dossier panel. Read-only; no audit writes (the dossier view recorded the
read)."""

from django.utils.translation import get_language, gettext_lazy

from meedoen.core.panels import DossierPanel, registreer_panel
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.profiel import selectors


def werkprofiel_context(*, actor, persoon) -> dict:
    lang = (get_language() or "nl")[:2]
    profiel = selectors.werkprofiel(persoon=persoon)
    return {
        "persoon": persoon,
        "profiel": profiel,
        "ervaringen": selectors.ervaringen(profiel=profiel, lang=lang),
        "vaardigheden": selectors.labels(profiel.vaardigheden if profiel else [], lang),
        "wens_beroepen": selectors.labels(profiel.wens_beroepen if profiel else [], lang),
        "nogo_beroepen": selectors.labels(profiel.nogo_beroepen if profiel else [], lang),
        "mag_bewerken": actor.mag(Bevoegdheid.MATCHEN),
    }


registreer_panel(
    DossierPanel(
        key="werkprofiel",
        titel=gettext_lazy("Werkprofiel"),
        template="werk/profiel/panel.html",
        volgorde=45,
        context=werkprofiel_context,
    )
)
