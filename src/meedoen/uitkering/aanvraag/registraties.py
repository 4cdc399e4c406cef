"""The dossier panel "Uitkering" and the start page sections of the aanvraag part. Read-only;
the dossier view already recorded the read."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.core.panels import DossierPanel, StartSectie, registreer_panel, registreer_startsectie
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering import selectors as uitkering_selectors
from meedoen.uitkering.aanvraag import selectors
from meedoen.uitkering.aanvraag.statusflow import OPEN
from meedoen.uitkering.beeindiging import selectors as beeindiging_selectors

MAX_OP_START = 10
LEZERS = frozenset(selectors.LEZERS)


def panel_context(*, actor, persoon) -> dict:
    vandaag = timezone.localdate()
    aanvragen = selectors.aanvragen_van(persoon=persoon)
    huishouden_aanvraag = selectors.open_aanvraag_van_huishouden(persoon=persoon, datum=vandaag)
    return {
        "persoon": persoon,
        # On a partner's dossier: the household's bijstand in the applicant's name.
        "huishouden": uitkering_selectors.bijstand_van_huishouden(persoon=persoon, datum=vandaag),
        # Another member's open application (the person's own is in open_aanvragen).
        "aanvraag_huishouden": huishouden_aanvraag
        if huishouden_aanvraag and huishouden_aanvraag.persoon_id != persoon.pk
        else None,
        "toekenning": selectors.huidige_toekenning(persoon=persoon),
        "beeindiging": beeindiging_selectors.paneelstand(
            actor=actor, persoon=persoon, vandaag=vandaag
        ),
        "open_aanvragen": [
            {
                "aanvraag": a,
                "termijn": a.verdaagd_tot or a.beslistermijn,
                "dagen_over": ((a.verdaagd_tot or a.beslistermijn) - vandaag).days,
                "dagen_te_laat": (vandaag - (a.verdaagd_tot or a.beslistermijn)).days,
            }
            for a in aanvragen
            if a.status in OPEN
        ],
        "andere_aanvragen": [a for a in aanvragen if a.status not in OPEN],
        "besluiten": selectors.besluiten_van(persoon=persoon),
        "documenten": selectors.documenten_van(persoon=persoon),
        # Not while the household has an open application: one at a time.
        "mag_registreren": actor.mag(Bevoegdheid.UITKERING_BEHANDELEN)
        and huishouden_aanvraag is None,
    }


def termijn_context(*, actor) -> dict:
    regels = selectors.bij_de_termijn(actor=actor, vandaag=timezone.localdate())
    return {"regels": regels[:MAX_OP_START], "aantal": len(regels)}


def accorderen_context(*, actor) -> dict:
    besluiten = selectors.te_accorderen(actor=actor)
    return {"besluiten": list(besluiten[:MAX_OP_START]), "aantal": besluiten.count()}


registreer_panel(
    DossierPanel(
        key="uitkering",
        titel=_("Uitkering"),
        template="uitkering/aanvraag/panel.html",
        volgorde=26,  # right after "Inkomen" (25)
        context=panel_context,
        bevoegdheden=LEZERS,
    )
)
registreer_startsectie(
    StartSectie(
        key="aanvragen_termijn",
        titel=_("Aanvragen bij de termijn"),
        template="uitkering/aanvraag/start_termijn.html",
        volgorde=20,
        context=termijn_context,
        bevoegdheden=frozenset({Bevoegdheid.UITKERING_BEHANDELEN}),
    )
)
registreer_startsectie(
    StartSectie(
        key="besluiten_accorderen",
        titel=_("Besluiten te accorderen"),
        template="uitkering/aanvraag/start_accorderen.html",
        volgorde=21,
        context=accorderen_context,
        bevoegdheden=frozenset({Bevoegdheid.UITKERING_ACCORDEREN}),
    )
)
