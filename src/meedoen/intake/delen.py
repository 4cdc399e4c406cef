"""Which facts may be shared with a partner. A referral shares only the facts chosen from this
catalogue (never the BSN); the defaults per kind of partner are the minimum it needs."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from meedoen.intake.models import PartnerSoort

DEELBARE_FEITEN: dict[str, Any] = {
    "naam": _("naam"),
    "geboortedatum": _("geboortedatum"),
    "adres": _("adres"),
    "telefoon": _("telefoonnummer"),
    "email": _("e-mailadres"),
    "hulpvraag": _("hulpvraag"),
    "schulden_totaal": _("totaal aan schulden"),
    "aantal_schuldeisers": _("aantal schuldeisers"),
    "deurwaarder": _("deurwaarder betrokken"),
    "betalingsachterstanden": _("betalingsachterstanden (huur, energie, zorgverzekering)"),
    "woonrisico": _("woonrisico"),
}

STANDAARD_PER_SOORT: dict[str, tuple[str, ...]] = {
    PartnerSoort.SCHULDHULPVERLENING: (
        "naam",
        "adres",
        "telefoon",
        "schulden_totaal",
        "aantal_schuldeisers",
        "deurwaarder",
        "betalingsachterstanden",
    ),
    PartnerSoort.MAATSCHAPPELIJK_WERK: ("naam", "telefoon", "hulpvraag", "woonrisico"),
    PartnerSoort.BIJZONDERE_BIJSTAND: ("naam", "adres", "hulpvraag"),
    PartnerSoort.SOCIAAL_TEAM: ("naam", "adres", "telefoon", "hulpvraag", "woonrisico"),
    PartnerSoort.ANDERS: ("naam", "telefoon"),
}


def feiten_waarden(*, persoon, intake, feiten: list[str]) -> dict[str, str]:
    """The values of the chosen facts as text, exactly as they are shared."""
    waarden: dict[str, str] = {}
    for feit in feiten:
        if feit not in DEELBARE_FEITEN:
            raise ValueError(feit)
        waarden[feit] = _waarde(feit, persoon, intake)
    return waarden


def _waarde(feit: str, persoon, intake) -> str:
    if feit == "naam":
        return persoon.volledige_naam
    if feit == "geboortedatum":
        return persoon.geboortedatum.isoformat()
    if feit == "adres":
        return persoon.adres
    if feit == "telefoon":
        return persoon.telefoon
    if feit == "email":
        return persoon.email
    if intake is None:
        return ""
    if feit == "hulpvraag":
        return intake.hulpvraag
    if feit == "schulden_totaal":
        return str(intake.schulden_totaal)
    if feit == "aantal_schuldeisers":
        return str(intake.aantal_schuldeisers)
    if feit == "deurwaarder":
        return "ja" if intake.deurwaarder else "nee"
    if feit == "betalingsachterstanden":
        soorten = [
            naam
            for naam, ja in (
                ("huur", intake.achterstand_huur),
                ("energie", intake.achterstand_energie),
                ("zorgverzekering", intake.achterstand_zorgverzekering),
            )
            if ja
        ]
        return ", ".join(soorten) or "geen"
    if feit == "woonrisico":
        return intake.get_woonrisico_display()
    return ""
