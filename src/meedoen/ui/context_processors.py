"""Template context for every page: the main navigation and who is acting for which gemeenten."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from meedoen.core.roles import ROL_NAMEN, Rol

ALLE_MEDEWERKERS = frozenset(Rol)


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    rollen: frozenset[str]
    exact: bool = False  # active only on the URL itself, not on pages below it


# The main navigation, in display order. An item appears when its URL exists (so a new app's
# link shows up as soon as its urls.py is included) and the user has one of its roles.
NAVIGATIE = (
    NavItem(_("Start"), "ui:start", ALLE_MEDEWERKERS, exact=True),
    NavItem(
        _("Inwoners"),
        "clients:zoeken",
        frozenset(
            {Rol.KLANTMANAGER, Rol.INKOMENSCONSULENT, Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER}
        ),
    ),
    NavItem(
        _("Nieuwe inwoner"),
        "clients:registreren",
        frozenset({Rol.KLANTMANAGER, Rol.INKOMENSCONSULENT, Rol.TEAMLEIDER}),
    ),
    NavItem(
        _("Berekenen"),
        "uitkering:berekening",
        frozenset({Rol.INKOMENSCONSULENT, Rol.KLANTMANAGER}),
    ),
    NavItem(
        _("Aanvragen"),
        "uitkering:aanvraag_lijst",
        frozenset({Rol.INKOMENSCONSULENT, Rol.TEAMLEIDER}),
    ),
    NavItem(_("Herzieningen"), "uitkering:herziening_lijst", frozenset({Rol.INKOMENSCONSULENT})),
    NavItem(
        _("Betalingen"),
        "uitkering:betalingen_overzicht",
        frozenset({Rol.INKOMENSCONSULENT, Rol.TEAMLEIDER}),
    ),
    NavItem(
        _("Taken"),
        "signalen:taken",
        frozenset({Rol.KLANTMANAGER, Rol.INKOMENSCONSULENT, Rol.TEAMLEIDER}),
    ),
    NavItem(_("Werklijst"), "begeleiding:werklijst", frozenset({Rol.KLANTMANAGER, Rol.TEAMLEIDER})),
    NavItem(
        _("Contact met iedereen"),
        "begeleiding:dekking",
        frozenset({Rol.TEAMLEIDER, Rol.BELEIDSADVISEUR}),
    ),
    NavItem(
        _("Schoolverlaters"),
        "signalen:schoolverlaters",
        frozenset({Rol.KLANTMANAGER, Rol.TEAMLEIDER}),
    ),
    NavItem(
        _("Vacatures"),
        "werk:werkgevers_vacatures",
        frozenset({Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER}),
    ),
    NavItem(
        _("Werkgevers"),
        "werk:werkgevers_lijst",
        frozenset({Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER}),
    ),
    NavItem(
        _("Maatschappelijke banen"),
        "werk:banen_lijst",
        frozenset({Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER, Rol.KLANTMANAGER}),
    ),
    NavItem(
        _("Verdelen"),
        "werk:banen_allocatie",
        frozenset({Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER}),
    ),
    NavItem(
        _("Arbeidsmarkt"),
        "werk:koppelen_arbeidsmarkt",
        frozenset(
            {Rol.KLANTMANAGER, Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER, Rol.BELEIDSADVISEUR}
        ),
    ),
    NavItem(_("Gebruikers"), "beheer:gebruikers", frozenset({Rol.FUNCTIONEEL_BEHEERDER})),
    NavItem(_("Teams"), "beheer:teams", frozenset({Rol.FUNCTIONEEL_BEHEERDER})),
    NavItem(_("Routes"), "begeleiding:routes", frozenset({Rol.FUNCTIONEEL_BEHEERDER})),
    NavItem(_("Adviesregels"), "begeleiding:adviesregels", frozenset({Rol.FUNCTIONEEL_BEHEERDER})),
    NavItem(_("Partners"), "intake:partners", frozenset({Rol.FUNCTIONEEL_BEHEERDER})),
    NavItem(_("Signalen"), "signalen:instellingen", frozenset({Rol.FUNCTIONEEL_BEHEERDER})),
    NavItem(
        _("Inkomensbeleid"), "uitkering:inkomensbeleid", frozenset({Rol.FUNCTIONEEL_BEHEERDER})
    ),
    NavItem(
        _("Matchen instellen"), "werk:koppelen_werkbeleid", frozenset({Rol.FUNCTIONEEL_BEHEERDER})
    ),
    NavItem(_("Audittrail"), "audit:lijst", frozenset({Rol.PRIVACY_OFFICER})),
    NavItem(_("Cijfers"), "rapportage:overzicht", frozenset({Rol.BELEIDSADVISEUR, Rol.TEAMLEIDER})),
)


def _url(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def nav_items_voor(*, rollen: frozenset[str], path: str) -> list[dict]:
    items = []
    for item in NAVIGATIE:
        if not rollen & item.rollen:
            continue
        url = _url(item.url_name)
        if url is None:
            continue
        geraakt = path == url if item.exact else path.startswith(url)
        items.append({"label": item.label, "url": url, "active": geraakt})
    # Only the most specific match is the current page ("Nieuwe inwoner", not also "Inwoners").
    langste = max((len(i["url"]) for i in items if i["active"]), default=0)
    for item in items:
        item["active"] = item["active"] and len(item["url"]) == langste
    return items


def navigation(request) -> dict:
    actor = getattr(request, "actor", None)
    rollen = frozenset(getattr(actor, "rollen", None) or ())
    if not rollen:
        return {
            "nav_items": [],
            "current_gemeenten": [],
            "current_rollen": [],
            "current_organisatie": "",
        }
    organisatie = getattr(actor, "organisatie", None)
    return {
        "current_organisatie": getattr(organisatie, "naam", ""),
        "nav_items": nav_items_voor(rollen=rollen, path=request.path),
        "current_gemeenten": [g.naam for g in getattr(actor, "gemeenten", None) or ()],
        "current_rollen": [ROL_NAMEN[r] for r in Rol if r in rollen],
    }
