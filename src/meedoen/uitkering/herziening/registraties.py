"""Start page sections and the dossier panel of herziening and bijzondere bijstand. Read-only;
the dossier view already recorded the read."""

from django.utils.translation import gettext_lazy as _

from meedoen.clients import services as clients_services
from meedoen.core.panels import DossierPanel, StartSectie, registreer_panel, registreer_startsectie
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.bijzondere import selectors as bijzondere_selectors
from meedoen.uitkering.herziening import selectors as herziening_selectors
from meedoen.uitkering.herziening import services as herziening_services

MAX_OP_START = 5
BEHANDELAARS = frozenset({Bevoegdheid.UITKERING_BEHANDELEN})


def herzieningen_context(*, actor) -> dict:
    open_ = herziening_selectors.te_beslissen(actor=actor)
    return {"lijst": list(open_[:MAX_OP_START]), "aantal": open_.count()}


def bijzondere_context(*, actor) -> dict:
    open_ = bijzondere_selectors.te_beslissen(actor=actor)
    return {"lijst": list(open_[:MAX_OP_START]), "aantal": open_.count()}


def panel_context(*, actor, persoon) -> dict:
    return {
        "persoon": persoon,
        "herziening": herziening_selectors.voor_persoon(persoon=persoon),
        "bijzondere": bijzondere_selectors.voor_persoon(persoon=persoon),
    }


registreer_startsectie(
    StartSectie(
        key="herzieningen",
        titel=_("Herzieningen te beslissen"),
        template="uitkering/herziening/startsectie.html",
        volgorde=40,
        context=herzieningen_context,
        bevoegdheden=BEHANDELAARS,
    )
)
registreer_startsectie(
    StartSectie(
        key="bijzondere_bijstand",
        titel=_("Bijzondere bijstand te beslissen"),
        template="uitkering/bijzondere/startsectie.html",
        volgorde=41,
        context=bijzondere_context,
        bevoegdheden=BEHANDELAARS,
    )
)
registreer_panel(
    DossierPanel(
        key="terugvordering_bijzondere_bijstand",
        titel=_("Terugvordering en bijzondere bijstand"),
        template="uitkering/panels/terugvordering_bijzondere.html",
        volgorde=32,
        context=panel_context,
        bevoegdheden=BEHANDELAARS,
    )
)

# A household change in a paid month is checked right away (see clients.services).
if herziening_services.na_huishoudwijziging not in clients_services.NA_HUISHOUDWIJZIGING:
    clients_services.NA_HUISHOUDWIJZIGING.append(herziening_services.na_huishoudwijziging)
