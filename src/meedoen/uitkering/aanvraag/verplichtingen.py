"""The obligations that come with bijstand, as the beschikking states them.

Stored with the decision (`Besluit.verplichtingen`) as the Dutch sentences of the letter, so
that the letter can be regenerated identically later. An ontheffing recorded in begeleiding
(Participatiewet art. 9 lid 2) replaces the work and re-integration obligations it covers; the
inlichtingenplicht always applies."""

import datetime as dt

from django.utils import translation
from django.utils.formats import date_format

from meedoen.begeleiding import selectors as begeleiding_selectors

PW = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel="

ARBEID = {
    "code": "arbeidsplicht",
    "tekst": "U zoekt werk dat bij u past en neemt dat werk aan. Heeft u werk, dan houdt u het.",
    "artikel": "Participatiewet art. 9 lid 1 onderdeel a",
    "url": PW + "9",
}
REINTEGRATIE = {
    "code": "re_integratieplicht",
    "tekst": (
        "U doet mee aan wat wij samen met u afspreken om aan het werk te komen, zoals uw plan "
        "van aanpak."
    ),
    "artikel": "Participatiewet art. 9 lid 1 onderdeel b",
    "url": PW + "9",
}
INLICHTINGEN = {
    "code": "inlichtingenplicht",
    "tekst": (
        "U vertelt het ons meteen als er iets verandert. Bijvoorbeeld: u krijgt werk of ander "
        "inkomen, iemand komt bij u wonen of gaat weg, of u gaat verhuizen."
    ),
    "artikel": "Participatiewet art. 17 lid 1",
    "url": PW + "17",
}

# OntheffingPlichten (begeleiding) -> the obligations it lifts.
_ONTHEVEN = {
    "beide": ("arbeidsplicht", "re_integratieplicht"),
    "arbeid": ("arbeidsplicht",),
    "reintegratie": ("re_integratieplicht",),
}


def _geldt_op(ontheffing, datum: dt.date) -> bool:
    return ontheffing.begin <= datum and (ontheffing.einde is None or ontheffing.einde > datum)


def _ontheffing_tekst(ontheffing) -> str:
    wat = {
        "beide": "geen werk te zoeken en niet mee te doen aan activiteiten om aan het werk te "
        "komen",
        "arbeid": "geen werk te zoeken",
        "reintegratie": "niet mee te doen aan activiteiten om aan het werk te komen",
    }[ontheffing.plichten]
    if ontheffing.soort == "gedeeltelijk":
        tekst = f"U hoeft voor een deel {wat}"
        if ontheffing.omvang:
            tekst += f" ({ontheffing.omvang})"
    else:
        tekst = f"U hoeft nu {wat}"
    if ontheffing.einde:
        # Said as begeleiding says it: the ontheffing "loopt af op" its end date.
        with translation.override("nl"):  # the letter is Dutch whatever the staff language
            tekst += f", tot {date_format(ontheffing.einde, 'j F Y')}"
    return tekst + "."


def verplichtingen_voor(*, persoon, datum: dt.date) -> list[dict]:
    """The obligations that apply from `datum`, with the article each rests on."""
    geldend = [
        o for o in begeleiding_selectors.ontheffingen(persoon=persoon) if _geldt_op(o, datum)
    ]
    opgeheven: set[str] = set()
    regels: list[dict] = []
    for ontheffing in geldend:
        opgeheven.update(_ONTHEVEN[ontheffing.plichten])
        regels.append(
            {
                "code": "ontheffing",
                "tekst": _ontheffing_tekst(ontheffing),
                "artikel": "Participatiewet art. 9 lid 2",
                "url": PW + "9",
            }
        )
    standaard = [r for r in (ARBEID, REINTEGRATIE) if r["code"] not in opgeheven]
    return [dict(r) for r in standaard] + regels + [dict(INLICHTINGEN)]
