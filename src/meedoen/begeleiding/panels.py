"""Dossier panels: route and ladder, plan van aanpak, contact. Read-only; no audit writes
(the dossier view recorded the read)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meedoen.begeleiding import selectors
from meedoen.begeleiding.selectors.werklijsten import is_achterstallig
from meedoen.begeleiding.services._basis import mag_caseload_verdelen
from meedoen.core.panels import DossierPanel, registreer_panel
from meedoen.core.roles import Bevoegdheid
from meedoen.intake.grafiek import lijngrafiek


def _stand(persoon):
    """The route and contact panels both show the resident's state; the dossier view passes the
    same Persoon object to every panel, so read it once per page."""
    if not hasattr(persoon, "_panel_stand"):
        persoon._panel_stand = selectors.stand(persoon=persoon)
    return persoon._panel_stand


def route_context(*, actor, persoon) -> dict:
    posities = selectors.ladder(persoon=persoon)
    punten = [(p.datum, p.trede) for p in posities]
    return {
        "persoon": persoon,
        "stand": _stand(persoon),
        "gesprek": selectors.laatste_ambitiegesprek(persoon=persoon),
        "geschiedenis": selectors.routegeschiedenis(persoon=persoon),
        "ontheffingen": selectors.ontheffingen(persoon=persoon),
        "ladder": posities,
        "ladder_grafiek": lijngrafiek(
            grafiek_id=f"ladder-{persoon.pk}",
            titel=_("Participatieladder over de tijd"),
            beschrijving=_("Trede %(van)s op %(d1)s, nu trede %(tot)s.")
            % {"van": punten[0][1], "tot": punten[-1][1], "d1": punten[0][0].strftime("%d-%m-%Y")}
            if punten
            else "",
            punten=punten,
            y_min=1,
            y_max=6,
        ),
        "mag_schrijven": actor.mag(Bevoegdheid.DOSSIER_SCHRIJVEN),
        "mag_toewijzen": mag_caseload_verdelen(actor),
    }


def plan_context(*, actor, persoon) -> dict:
    return {
        "persoon": persoon,
        "plan": selectors.huidig_plan(persoon=persoon),
        "maatregelen": selectors.maatregelen(persoon=persoon),
        "mag_schrijven": actor.mag(Bevoegdheid.DOSSIER_SCHRIJVEN),
    }


def contact_context(*, actor, persoon) -> dict:
    stand = _stand(persoon)
    return {
        "persoon": persoon,
        "stand": stand,
        "achterstallig": is_achterstallig(stand=stand, vandaag=timezone.localdate()),
        "contacten": selectors.contactmomenten(persoon=persoon, limiet=10),
        "mag_schrijven": actor.mag(Bevoegdheid.DOSSIER_SCHRIJVEN),
    }


SCHRIJVERS = frozenset({Bevoegdheid.DOSSIER_SCHRIJVEN})

# Route and ambitions are readable by every dossier reader (werkgeversdienstverleners need them
# for matching); plan and contact notes only by those who guide or pay the resident.
registreer_panel(
    DossierPanel(
        key="route",
        titel=gettext_lazy("Route, ambities en participatieladder"),
        template="begeleiding/panels/route.html",
        volgorde=40,
        context=route_context,
    )
)
registreer_panel(
    DossierPanel(
        key="plan",
        titel=gettext_lazy("Plan van aanpak"),
        template="begeleiding/panels/plan.html",
        volgorde=50,
        context=plan_context,
        bevoegdheden=SCHRIJVERS,
    )
)
registreer_panel(
    DossierPanel(
        key="contact",
        titel=gettext_lazy("Contact"),
        template="begeleiding/panels/contact.html",
        volgorde=60,
        context=contact_context,
        bevoegdheden=SCHRIJVERS,
    )
)
