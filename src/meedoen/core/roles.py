"""Roles and what each may do. Views and selectors ask for a capability, never a role name."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Rol(StrEnum):
    KLANTMANAGER = "klantmanager"
    INKOMENSCONSULENT = "inkomensconsulent"
    WERKGEVERSDIENSTVERLENER = "werkgeversdienstverlener"
    TEAMLEIDER = "teamleider"
    BELEIDSADVISEUR = "beleidsadviseur"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder"
    PRIVACY_OFFICER = "privacy_officer"


# Names of the roles as users see them.
ROL_NAMEN = {
    Rol.KLANTMANAGER: _("Klantmanager"),
    Rol.INKOMENSCONSULENT: _("Inkomensconsulent"),
    Rol.WERKGEVERSDIENSTVERLENER: _("Werkgeversdienstverlener"),
    Rol.TEAMLEIDER: _("Teamleider"),
    Rol.BELEIDSADVISEUR: _("Beleidsadviseur"),
    Rol.FUNCTIONEEL_BEHEERDER: _("Functioneel beheerder"),
    Rol.PRIVACY_OFFICER: _("Privacy officer"),
}


class Bevoegdheid(StrEnum):
    DOSSIER_LEZEN = "dossier_lezen"
    DOSSIER_SCHRIJVEN = "dossier_schrijven"
    AUDIT_LEZEN = "audit_lezen"
    BEHEER = "beheer"
    CIJFERS_LEZEN = "cijfers_lezen"
    BEREKENEN = "berekenen"
    CASELOAD_VERDELEN = "caseload_verdelen"
    # Uitkering: handle applications, income reports, proposals, herzieningen, bijzondere bijstand.
    UITKERING_BEHANDELEN = "uitkering_behandelen"
    # The second pair of eyes on a decision or a payment run (never the same person as the first).
    UITKERING_ACCORDEREN = "uitkering_accorderen"
    # Werk: work profiles, matches and proposals for residents.
    MATCHEN = "matchen"
    # Werk: employers, vacancies, maatschappelijke banen, placements and contracts.
    WERKGEVERS_BEHEREN = "werkgevers_beheren"


BEVOEGDHEDEN: dict[Bevoegdheid, frozenset[Rol]] = {
    Bevoegdheid.DOSSIER_LEZEN: frozenset(
        {Rol.KLANTMANAGER, Rol.INKOMENSCONSULENT, Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER}
    ),
    Bevoegdheid.DOSSIER_SCHRIJVEN: frozenset(
        {Rol.KLANTMANAGER, Rol.INKOMENSCONSULENT, Rol.TEAMLEIDER}
    ),
    Bevoegdheid.AUDIT_LEZEN: frozenset({Rol.PRIVACY_OFFICER}),
    Bevoegdheid.BEHEER: frozenset({Rol.FUNCTIONEEL_BEHEERDER}),
    # A beleidsadviseur sees aggregates, never a dossier.
    Bevoegdheid.CIJFERS_LEZEN: frozenset({Rol.BELEIDSADVISEUR, Rol.TEAMLEIDER}),
    Bevoegdheid.BEREKENEN: frozenset({Rol.INKOMENSCONSULENT, Rol.KLANTMANAGER}),
    Bevoegdheid.CASELOAD_VERDELEN: frozenset({Rol.TEAMLEIDER}),
    Bevoegdheid.UITKERING_BEHANDELEN: frozenset({Rol.INKOMENSCONSULENT}),
    Bevoegdheid.UITKERING_ACCORDEREN: frozenset({Rol.INKOMENSCONSULENT, Rol.TEAMLEIDER}),
    Bevoegdheid.MATCHEN: frozenset(
        {Rol.KLANTMANAGER, Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER}
    ),
    Bevoegdheid.WERKGEVERS_BEHEREN: frozenset({Rol.WERKGEVERSDIENSTVERLENER, Rol.TEAMLEIDER}),
}


def heeft_bevoegdheid(rollen: frozenset[str], bevoegdheid: Bevoegdheid) -> bool:
    return bool(rollen & BEVOEGDHEDEN[bevoegdheid])
