"""The dossier panel "Werk" and the start section "Plaatsingen: contact nodig". Read-only; no
audit writes (the dossier view recorded the read)."""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.core.panels import DossierPanel, StartSectie, registreer_panel, registreer_startsectie
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.banen import selectors
from meedoen.werk.banen.services import recht_op_werk_aangeboden

MAX_OP_START = 10
TOP_MATCHES = 3


def _url(naam: str, **kwargs) -> str | None:
    """A link to another part's page, if that page exists (parts are built separately)."""
    try:
        return reverse(naam, kwargs=kwargs)
    except NoReverseMatch:
        return None


def werk_context(*, actor, persoon) -> dict:
    vandaag = timezone.localdate()
    plaatsingen = selectors.plaatsingen_van(persoon=persoon)
    contracten = selectors.contracten_van(persoon=persoon)
    return {
        "persoon": persoon,
        "vandaag": vandaag,
        "profiel": selectors.werkprofiel_van(persoon=persoon),
        "profiel_url": _url("werk:profiel_inwoner", persoon_uuid=persoon.pk),
        "matches": selectors.top_matches(actor=actor, persoon=persoon, aantal=TOP_MATCHES),
        "matches_url": _url("werk:koppelen_matches", persoon_uuid=persoon.pk)
        if actor.mag(Bevoegdheid.MATCHEN)
        else None,
        "voorstellen": selectors.open_voorstellen_van(persoon=persoon),
        "plaatsingen": plaatsingen,
        "contract": next((c for c in contracten if c.beeindigd_op is None), None)
        or (contracten[0] if contracten else None),
        "mag_beheren": actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN),
        "recht_op_werk": actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN)
        and recht_op_werk_aangeboden(gemeente_id=persoon.gemeente_id),
    }


def contact_nodig_context(*, actor) -> dict:
    vandaag = timezone.localdate()
    rijen = selectors.plaatsingen(actor=actor, vandaag=vandaag, alleen_contact_nodig=True)
    return {"plaatsingen": list(rijen[:MAX_OP_START]), "aantal": rijen.count()}


registreer_panel(
    DossierPanel(
        key="werk",
        titel=_("Werk"),
        template="werk/banen/panels/werk.html",
        volgorde=70,  # after begeleiding's route, plan and contact (40-60)
        context=werk_context,
    )
)
registreer_startsectie(
    StartSectie(
        key="werk_plaatsingen_contact",
        titel=_("Plaatsingen: contact nodig"),
        template="werk/banen/startsectie_contact.html",
        volgorde=40,
        context=contact_nodig_context,
        bevoegdheden=frozenset({Bevoegdheid.WERKGEVERS_BEHEREN}),
    )
)
