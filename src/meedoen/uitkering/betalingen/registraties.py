"""Betalingen on the dossier (panel "Betalingen") and on the start page (worklists: income
reports missing, proposals to approve, runs to approve). Read-only; no audit writes (the dossier
view recorded the read; start sections list names only, like search results)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.core.panels import DossierPanel, StartSectie, registreer_panel, registreer_startsectie
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.betalingen import maanden, rekening, selectors

MAX_OP_START = 10
LEZERS = frozenset({Bevoegdheid.UITKERING_BEHANDELEN, Bevoegdheid.UITKERING_ACCORDEREN})


def panel_context(*, actor, persoon) -> dict:
    voorstel = selectors.laatste_voorstel(persoon=persoon)
    betalingen = selectors.betalingen_van(persoon=persoon)
    return {
        "persoon": persoon,
        "voorstel": voorstel,
        "bedragen": selectors.bedragen_van(voorstel) if voorstel else None,
        "betalingen": betalingen,
        # A partner's dossier: the household is paid in another member's name.
        "op_naam_van": None
        if voorstel or betalingen
        else selectors.betaald_op_naam_van(persoon=persoon, datum=timezone.localdate()),
        "opgaven": selectors.opgaven_van(persoon=persoon),
        "mag_invoeren": actor.mag(Bevoegdheid.UITKERING_BEHANDELEN),
        # The account the next payment goes to (None without a toekenning in their name).
        "rekening": rekening.huidige_rekening(persoon=persoon),
    }


def ontbrekend_context(*, actor) -> dict:
    maand = maanden.plus(maanden.maand_van(timezone.localdate()), -1)
    huishoudens = selectors.ontbrekende_opgaven(actor=actor, maand=maand)
    eerste = list(huishoudens[:MAX_OP_START])
    personen = selectors.aanvragers(h.aanvrager_id for h in eerste)
    return {
        "maand": maand,
        "maandnaam": maanden.maandnaam(maand),
        "lijst": [personen[h.aanvrager_id] for h in eerste if h.aanvrager_id in personen],
        "aantal": huishoudens.count(),
    }


def voorstellen_context(*, actor) -> dict:
    voorstellen = selectors.te_controleren(actor=actor)
    return {"lijst": list(voorstellen[:MAX_OP_START]), "aantal": voorstellen.count()}


def runs_context(*, actor) -> dict:
    runs = selectors.te_accorderen(actor=actor)
    return {"lijst": list(runs[:MAX_OP_START]), "aantal": runs.count()}


registreer_panel(
    DossierPanel(
        key="betalingen",
        titel=_("Betalingen"),
        template="uitkering/betalingen/panel.html",
        volgorde=27,
        context=panel_context,
        bevoegdheden=LEZERS,
    )
)
registreer_startsectie(
    StartSectie(
        key="inkomstenopgaven_ontbreken",
        titel=_("Inkomstenopgaven ontbreken"),
        template="uitkering/betalingen/startsectie_opgaven.html",
        volgorde=30,
        context=ontbrekend_context,
        bevoegdheden=frozenset({Bevoegdheid.UITKERING_BEHANDELEN}),
    )
)
registreer_startsectie(
    StartSectie(
        key="voorstellen_goed_te_keuren",
        titel=_("Voorstellen goed te keuren"),
        template="uitkering/betalingen/startsectie_voorstellen.html",
        volgorde=31,
        context=voorstellen_context,
        bevoegdheden=frozenset({Bevoegdheid.UITKERING_BEHANDELEN}),
    )
)
registreer_startsectie(
    StartSectie(
        key="betaalruns_te_accorderen",
        titel=_("Betaalruns te accorderen"),
        template="uitkering/betalingen/startsectie_runs.html",
        volgorde=32,
        context=runs_context,
        bevoegdheden=frozenset({Bevoegdheid.UITKERING_ACCORDEREN}),
    )
)
