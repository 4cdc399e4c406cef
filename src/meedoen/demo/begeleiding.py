"""Demo policy for begeleiding: routes, advice rules and partners per gemeente, and a sample
caseload (route, klantmanager, contacts) so worklists and coverage have something to show.

Everything goes through the begeleiding and intake services, acting as the demo functioneel
beheerder and klantmanagers, so the demo carries the same audit trail as real use. Idempotent:
what exists is left alone."""

import datetime as dt
from dataclasses import dataclass

from meedoen.accounts.models import Team, User
from meedoen.accounts.selectors import actor_voor
from meedoen.begeleiding.models import Contactkanaal, Route, RouteKeuze
from meedoen.begeleiding.services import beheer, traject
from meedoen.clients.models import HuishoudRol, Lidmaatschap
from meedoen.core.models import Gemeente
from meedoen.intake.models import Partner
from meedoen.intake.services import partner_opslaan


@dataclass(frozen=True)
class DemoRoute:
    naam: str
    omschrijving: str
    team: str
    contact_interval_dagen: int
    verplichtingen: str
    zoekt_werk: bool = False  # residents in this route are candidates for vacancies (werk)


# Deventer's four groups (seed 003); Drenthe-Noord's three gemeenten share one policy (seed 004).
DEVENTER_ROUTES = (
    DemoRoute(
        "Matchen",
        "Zo snel mogelijk naar een bestaande baan.",
        "Werktalent",
        28,
        "Solliciteren op passend werk\nAfspraken met de klantmanager nakomen",
        zoekt_werk=True,
    ),
    DemoRoute(
        "Groeien",
        "Eerst leren en ervaring opdoen, dan werk.",
        "Werktalent",
        42,
        "Meedoen aan het afgesproken traject",
        zoekt_werk=True,
    ),
    DemoRoute(
        "Faciliteren",
        "Meedoen in de samenleving, bijvoorbeeld vrijwilligerswerk.",
        "Inkomensondersteuning",
        91,
        "",
    ),
    DemoRoute("Zorgen", "Inkomenszekerheid staat voorop.", "Inkomensondersteuning", 182, ""),
)
DRENTHE_ROUTES = (
    DemoRoute(
        "Werk",
        "Naar betaald werk, zo regulier mogelijk.",
        "Werk",
        28,
        "Solliciteren op passend werk",
        zoekt_werk=True,
    ),
    DemoRoute(
        "Meedoen",
        "Stappen zetten richting werk of vrijwilligerswerk.",
        "Werk",
        56,
        "",
        zoekt_werk=True,
    ),
    DemoRoute(
        "Ondersteuning", "Bestaanszekerheid en zorg eerst.", "Inkomen Drenthe-Noord", 182, ""
    ),
)
# Team "Werk" means the gemeente's own work team in Drenthe-Noord.
DRENTHE_WERKTEAM = {
    "GM0106": "Werk Assen",
    "GM1680": "Werk Aa en Hunze en Tynaarlo",
    "GM1730": "Werk Aa en Hunze en Tynaarlo",
}
BEHEERDER = {
    "GM0150": "fb.deventer",
    "GM0106": "fb.drenthe",
    "GM1680": "fb.drenthe",
    "GM1730": "fb.drenthe",
}
KLANTMANAGER = {
    "GM0150": "km.deventer",
    "GM0106": "km.assen",
    "GM1680": "km.aht",
    "GM1730": "km.aht",
}

ADVIESREGELS = {
    # route name -> conditions; tried in this order, the first that holds gives the advice.
    "GM0150": (
        ("Eerst stabiliteit", "Zorgen", [("eerst_stabiliteit", "gelijk", "ja")]),
        ("Gezondheid beperkt", "Faciliteren", [("beperking_gezondheid", "gelijk", "ja")]),
        ("Veel uren beschikbaar", "Matchen", [("uren_beschikbaar", "ten_minste", "24")]),
        ("Enkele uren beschikbaar", "Groeien", [("uren_beschikbaar", "ten_minste", "8")]),
    ),
    "*": (
        ("Eerst stabiliteit", "Ondersteuning", [("eerst_stabiliteit", "gelijk", "ja")]),
        ("Uren voor werk", "Werk", [("uren_beschikbaar", "ten_minste", "20")]),
        ("Stap voor stap", "Meedoen", [("uren_beschikbaar", "ten_minste", "4")]),
    ),
}
PARTNERS = (
    ("Schuldhulpverlening", "schuldhulpverlening"),
    ("Maatschappelijk werk", "maatschappelijk_werk"),
    ("Bijzondere bijstand", "bijzondere_bijstand"),
    ("Sociaal team", "sociaal_team"),
)
VOORBEELDEN_PER_GEMEENTE = 40


def _actor(username: str):
    return actor_voor(User.objects.get(username=username))


def _routes(gemeente: Gemeente) -> dict[str, Route]:
    actor = _actor(BEHEERDER[gemeente.code])
    specs = DEVENTER_ROUTES if gemeente.code == "GM0150" else DRENTHE_ROUTES
    routes = {r.naam: r for r in Route.objects.filter(gemeente=gemeente)}
    for volgorde, spec in enumerate(specs, start=1):
        if spec.naam in routes:
            if routes[spec.naam].zoekt_werk != spec.zoekt_werk:
                # a demo database from before routes had this flag
                routes[spec.naam] = beheer.route_opslaan(
                    actor=actor,
                    gemeente=gemeente,
                    gegevens={"zoekt_werk": spec.zoekt_werk},
                    route=routes[spec.naam],
                )
            continue
        teamnaam = DRENTHE_WERKTEAM[gemeente.code] if spec.team == "Werk" else spec.team
        routes[spec.naam] = beheer.route_opslaan(
            actor=actor,
            gemeente=gemeente,
            gegevens={
                "naam": spec.naam,
                "omschrijving": spec.omschrijving,
                "team": Team.objects.get(organisatie=actor.organisatie, naam=teamnaam),
                "contact_interval_dagen": spec.contact_interval_dagen,
                "standaard_verplichtingen": spec.verplichtingen,
                "volgorde": volgorde,
                "zoekt_werk": spec.zoekt_werk,
            },
        )
    return routes


def _adviesregels(gemeente: Gemeente, routes: dict[str, Route]) -> None:
    if routes and next(iter(routes.values())).adviesregels.exists():
        return
    actor = _actor(BEHEERDER[gemeente.code])
    regels = ADVIESREGELS.get(gemeente.code, ADVIESREGELS["*"])
    for volgorde, (naam, route, voorwaarden) in enumerate(regels, start=1):
        beheer.adviesregel_opslaan(
            actor=actor,
            gemeente=gemeente,
            gegevens={
                "naam": naam,
                "route": routes[route],
                "volgorde": volgorde,
                "voorwaarden": [
                    {"veld": veld, "operator": op, "waarde": waarde}
                    for veld, op, waarde in voorwaarden
                ],
            },
        )


def _partners(gemeente: Gemeente) -> None:
    actor = _actor(BEHEERDER[gemeente.code])
    bestaand = set(Partner.objects.filter(gemeente=gemeente).values_list("naam", flat=True))
    for naam, soort in PARTNERS:
        volledig = f"{naam} {gemeente.naam}"
        if volledig not in bestaand:
            partner_opslaan(
                actor=actor,
                gemeente=gemeente,
                gegevens={"naam": volledig, "soort": soort, "contact": "088 000 00 00"},
            )


def _voorbeeldcaseload(gemeente: Gemeente, routes: dict[str, Route], vandaag: dt.date) -> int:
    """Give the first applicants of the gemeente a route, a klantmanager and some contacts;
    some contacts are recent, some long ago, so the worklist shows who is out of view."""
    if RouteKeuze.objects.filter(gemeente=gemeente).exists():
        return 0
    actor = _actor(KLANTMANAGER[gemeente.code])
    aanvragers = (
        Lidmaatschap.objects.filter(gemeente=gemeente, rol=HuishoudRol.AANVRAGER, tot__isnull=True)
        .select_related("persoon")
        .order_by("persoon__achternaam", "persoon__voornamen")[:VOORBEELDEN_PER_GEMEENTE]
    )
    lijst = list(routes.values())
    for index, lid in enumerate(aanvragers):
        route = lijst[index % len(lijst)]
        begin = vandaag - dt.timedelta(days=200 + index)
        traject.route_kiezen(actor=actor, persoon=lid.persoon, route=route, ingangsdatum=begin)
        # Every third resident had no contact since the start: out of view.
        if index % 3:
            dagen_geleden = (index * 11) % (route.contact_interval_dagen * 2) + 1
            traject.contactmoment_vastleggen(
                actor=actor,
                persoon=lid.persoon,
                gegevens={
                    "datum": vandaag - dt.timedelta(days=dagen_geleden),
                    "kanaal": Contactkanaal.TELEFOON,
                    "samenvatting": "Gesprek over hoe het gaat en de volgende stap.",
                    "volgende_stap": "Over een paar weken weer bellen.",
                },
                vandaag=vandaag,
            )
    return len(aanvragers)


def begeleiding_inrichten(*, vandaag: dt.date) -> int:
    """Routes, advice rules and partners for every demo gemeente, and a sample caseload.
    Returns the number of residents that got a route in this run."""
    nieuw = 0
    for gemeente in Gemeente.objects.filter(code__in=BEHEERDER).order_by("code"):
        routes = _routes(gemeente)
        _adviesregels(gemeente, routes)
        _partners(gemeente)
        nieuw += _voorbeeldcaseload(gemeente, routes, vandaag)
    return nieuw
