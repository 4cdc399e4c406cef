"""Building blocks for the herziening tests: a household with a paid month whose stored
calculation is the engine's real answer (the way the monthly run stores it)."""

import datetime as dt

from meedoen.clients.models import HuishoudRol
from meedoen.rules.calculate import calculate
from meedoen.rules.money import parse_amount
from meedoen.testing.factories import LidmaatschapFactory, PersoonFactory, UserFactory
from meedoen.testing.uitkering_factories import BesluitFactory, BetaalvoorstelFactory
from meedoen.uitkering.models import Betaalvoorstel, Inkomstenopgave, Inkomstenregel


def huishouden_met_aanvrager(gemeente, *, geboren=dt.date(1980, 1, 1)):
    lid = LidmaatschapFactory(
        huishouden__gemeente=gemeente,
        persoon__geboortedatum=geboren,
        rol=HuishoudRol.AANVRAGER,
        van=dt.date(2020, 1, 1),
    )
    return lid.persoon, lid.huishouden


def lid_erbij(huishouden, *, rol, geboren, van, naam="Sam"):
    persoon = PersoonFactory(gemeente=huishouden.gemeente, geboortedatum=geboren, voornamen=naam)
    return LidmaatschapFactory(
        huishouden=huishouden, persoon=persoon, rol=rol, van=van, reden_begin="verhuisd"
    )


def situatie(persoon, maand: dt.date, *, werk="0.00", housemates=(), partner=None) -> dict:
    return {
        "period": maand.strftime("%Y-%m"),
        "gemeente": persoon.gemeente.code,
        "applicant": {
            "birth_date": persoon.geboortedatum.isoformat(),
            "income": {"work": werk, "other": "0.00"},
            "work_disregard_months_used": 0,
            "single_parent_disregard_months_used": 0,
        },
        "partner": partner,
        "children": [],
        "housemates": list(housemates),
        "assets": "0.00",
        "home_equity": "0.00",
        "cannot_rely_on_parents": False,
    }


def betaald_voorstel(persoon, huishouden, maand: dt.date, **situatie_kwargs) -> Betaalvoorstel:
    """A paid proposal whose amount is the engine's answer for the situation as it was known."""
    s = situatie(persoon, maand, **situatie_kwargs)
    antwoord = calculate(s)
    besluit = persoon.besluiten.first() or BesluitFactory(
        gemeente=persoon.gemeente, persoon=persoon, huishouden=huishouden
    )
    uitkering = parse_amount(antwoord["benefit"])
    return BetaalvoorstelFactory(
        gemeente=persoon.gemeente,
        besluit=besluit,
        huishouden=huishouden,
        persoon=persoon,
        maand=maand,
        situatie=s,
        berekening=antwoord,
        uitkering_cent=uitkering,
        te_betalen_cent=uitkering,
        status=Betaalvoorstel.Status.BETAALD,
    )


def opgave(persoon, huishouden, maand: dt.date, *, loon_cent: int, wie=None) -> Inkomstenopgave:
    opgave = Inkomstenopgave.objects.create(
        gemeente=persoon.gemeente,
        huishouden=huishouden,
        persoon=persoon,
        maand=maand,
        ingevoerd_door=UserFactory(),
    )
    Inkomstenregel.objects.create(
        opgave=opgave, persoon=wie or persoon, bron="loon", netto_cent=loon_cent
    )
    return opgave
