"""Recht op werk: what the household has per month with the contract, compared with the bijstand
it would get without it. Both sides come from the rules engine, with the gemeente's local policy
(its rekenvarianten), for the household as registered on the contract's start date.

There are no loonheffing tables in the reference data, so the net wage is not computed here: it
is an input from the gemeente's salary administration (checked to be at most the gross wage).
With the contract, the engine computes any remaining aanvullende bijstand with the net wage as
income from work, so the vrijlating (art. 31 lid 2 n) is included.

Assumptions, shown on the page: assets are taken as nil (the resident already receives bijstand
or applies for it, so the vermogenstoets is passed), housemates are not commercial tenants or
students, and the resident can rely on their parents (no youth increase)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from meedoen.clients import selectors as client_selectors
from meedoen.clients.huishoudrollen import huishoudrollen
from meedoen.rules.calculate import calculate
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.money import format_amount, parse_amount
from meedoen.rules.situation import SituationError
from meedoen.uitkering.selectors import rekenvarianten_van

GEEN = "0.00"


def _persoon(geboortedatum: dt.date, werk_cent: int = 0, maanden_vrijlating: int = 0) -> dict:
    return {
        "birth_date": geboortedatum.isoformat(),
        "income": {"work": format_amount(werk_cent), "other": GEEN},
        "work_disregard_months_used": maanden_vrijlating,
        "single_parent_disregard_months_used": 0,
    }


def huishouden_situatie(*, persoon, periode: str, datum: dt.date) -> dict:
    """The situation contract (docs/rules.md) for the resident's household on `datum`, without
    any income, by the one rule of `clients.huishoudrollen`: the resident is the applicant, a
    partner (whoever applied) the partner; a "child" of 18 or older counts as a housemate, as
    the engine requires."""
    huishouden = client_selectors.huishouden_van(persoon=persoon, datum=datum)
    rollen = huishoudrollen(
        persoon=persoon, leden=huishouden.leden if huishouden else [], periode=periode
    )
    return {
        "period": periode,
        "gemeente": persoon.gemeente.code,
        "applicant": _persoon(persoon.geboortedatum),
        "partner": _persoon(rollen.partner.persoon.geboortedatum) if rollen.partner else None,
        **rollen.kinderen_en_medebewoners(),
        "assets": GEEN,
        "home_equity": GEEN,
        "cannot_rely_on_parents": False,
    }


def _bereken(situatie: dict) -> dict:
    """The engine with the gemeente's rekenvarianten: what `uitkering.selectors.berekening`
    does, without its BEREKENEN check (werkgeversdienstverleners make contracts but do not
    calculate benefits themselves; the service already checked their capability and scope)."""
    try:
        return calculate(situatie, reforms=rekenvarianten_van(gemeente_code=situatie["gemeente"]))
    except SituationError as exc:
        raise ValidationError(
            [m["nl"] for meldingen in exc.errors.values() for m in meldingen]
        ) from exc
    except ParameterOntbreekt as exc:
        raise ValidationError(
            {
                "begindatum": _(
                    "Voor %(periode)s zijn de bedragen van de bijstand nog niet bevestigd. "
                    "Kies een begindatum in een maand waarvoor ze bekend zijn."
                )
                % {"periode": exc.periode}
            }
        ) from exc


def _stappen(antwoord: dict) -> list[dict]:
    return [
        {k: stap.get(k, "") for k in ("code", "nl", "en", "article", "url", "amount")}
        for stap in antwoord["explanation"]
    ]


def vergelijken(
    *,
    persoon,
    begindatum: dt.date,
    netto_maandloon_cent: int,
    maanden_vrijlating_gebruikt: int = 0,
    partner_netto_inkomen_cent: int = 0,
    partner_maanden_vrijlating_gebruikt: int = 0,
) -> dict:
    """The comparison as stored on the contract (JSON): both totals per month, the difference,
    the engine's explanation steps for both sides, and the assumptions."""
    periode = f"{begindatum.year:04d}-{begindatum.month:02d}"
    basis = huishouden_situatie(persoon=persoon, periode=periode, datum=begindatum)
    heeft_partner = basis["partner"] is not None
    if not heeft_partner:
        partner_netto_inkomen_cent = 0
    zonder = dict(basis)
    met = dict(
        basis,
        applicant=_persoon(
            persoon.geboortedatum, netto_maandloon_cent, maanden_vrijlating_gebruikt
        ),
    )
    if heeft_partner:
        # The partner's own income counts on both sides alike.
        zonder["partner"] = met["partner"] = _persoon(
            dt.date.fromisoformat(basis["partner"]["birth_date"]),
            partner_netto_inkomen_cent,
            partner_maanden_vrijlating_gebruikt,
        )
    antwoord_zonder = _bereken(zonder)
    antwoord_met = _bereken(met)
    bijstand_zonder = parse_amount(antwoord_zonder["benefit"])
    bijstand_met = parse_amount(antwoord_met["benefit"])
    totaal_zonder = bijstand_zonder + partner_netto_inkomen_cent
    totaal_met = netto_maandloon_cent + bijstand_met + partner_netto_inkomen_cent
    return {
        "periode": periode,
        "huishouden": {
            "partner": heeft_partner,
            "kinderen": len(basis["children"]),
            "medebewoners": len(basis["housemates"]),
            "huishoudtype": antwoord_zonder.get("household_type", ""),
        },
        "zonder_contract": {
            "bijstand": format_amount(bijstand_zonder),
            "inkomen_partner": format_amount(partner_netto_inkomen_cent),
            "totaal": format_amount(totaal_zonder),
            "uitleg": _stappen(antwoord_zonder),
        },
        "met_contract": {
            "netto_loon": format_amount(netto_maandloon_cent),
            "aanvullende_bijstand": format_amount(bijstand_met),
            "inkomen_partner": format_amount(partner_netto_inkomen_cent),
            "totaal": format_amount(totaal_met),
            "uitleg": _stappen(antwoord_met),
        },
        "verschil": format_amount(totaal_met - totaal_zonder),
        "rekenvarianten": list(antwoord_met.get("reforms", [])),
        "aannames": {
            "maanden_vrijlating_gebruikt": maanden_vrijlating_gebruikt,
            "partner_maanden_vrijlating_gebruikt": partner_maanden_vrijlating_gebruikt,
            "vermogen": GEEN,
        },
    }
