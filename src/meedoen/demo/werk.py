"""Demo data for werk: employers with vacancies, work profiles for the residents whose route seeks
work, a training catalogue, 40 maatschappelijke banen with a confirmed verdringingstoets, the
gemeenten's work policy (recht op werk in Deventer), proposals in every status, placements with
follow-up, a loonwaarde with its loonkostensubsidie, and one recht-op-werk contract.

Everything goes through the werk services, acting as the demo users, so the demo carries the
same audit trail as real use. Deterministic (a fixed random stream per gemeente) and idempotent:
each step is skipped for a gemeente that already has its rows. See docs/demo.md."""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from uuid import UUID

from django.db import transaction

from meedoen.accounts.models import User
from meedoen.accounts.selectors import actor_voor
from meedoen.begeleiding.models import Begeleidingsstand
from meedoen.core.models import Gemeente
from meedoen.demo.woonplaatsen import DEMO_GEMEENTEN, POSTCODE_LETTERPAREN
from meedoen.rules.periods import last_period
from meedoen.werk import taxonomie
from meedoen.werk.banen import loon
from meedoen.werk.banen import services as banen
from meedoen.werk.koppelen import kandidaten as adapter
from meedoen.werk.koppelen import services as koppelen
from meedoen.werk.koppelen.redenen import om_op_te_slaan
from meedoen.werk.matching import top_vacatures
from meedoen.werk.models import (
    Arbeidscontract,
    MaatschappelijkeBaan,
    Opleiding,
    Plaatsing,
    Vacature,
    Voorstel,
    Werkbeleid,
    Werkgever,
    Werkprofiel,
)
from meedoen.werk.profiel import services as profiel
from meedoen.werk.werkgevers import services as werkgevers

RECHT_OP_WERK = "GM0150"  # Deventer offers recht op werk in the demo (docs/demo.md)
WERKGEVERSDIENSTVERLENER = {
    "GM0150": "wgd.deventer",
    "GM0106": "wgd.drenthe",
    "GM1680": "wgd.drenthe",
    "GM1730": "wgd.drenthe",
}
KLANTMANAGER = {
    "GM0150": "km.deventer",
    "GM0106": "km.assen",
    "GM1680": "km.aht",
    "GM1730": "km.aht",
}
BEHEERDER = {
    "GM0150": "fb.deventer",
    "GM0106": "fb.drenthe",
    "GM1680": "fb.drenthe",
    "GM1730": "fb.drenthe",
}
BANEN_PER_GEMEENTE = {"GM0150": 16, "GM0106": 12, "GM1730": 6, "GM1680": 6}  # 40 in all
WERKGEVERS_PER_GEMEENTE = {"GM0150": 8, "GM0106": 6, "GM1730": 4, "GM1680": 4}
BANEN_SINDS = dt.date(2026, 1, 1)


@dataclass(frozen=True)
class DemoVacature:
    titel: str
    beroep: str  # a title the taxonomy maps to one occupation
    vereist: tuple[str, ...]
    gewenst: tuple[str, ...]
    uren: int
    niveau: int = 0
    rijbewijs: bool = False
    lks: bool = False


VACATURES = (
    DemoVacature(
        "Heftruckchauffeur",
        "heftruckchauffeur",
        ("nl-heftruckcertificaat",),
        ("nl-vca-basis",),
        38,
        2,
    ),
    DemoVacature(
        "Magazijnmedewerker",
        "magazijnmedewerker",
        ("nl-orderpicken",),
        ("nl-heftruckcertificaat", "nl-fysiek-werk"),
        32,
        lks=True,
    ),
    DemoVacature(
        "Kassamedewerker",
        "kassamedewerker",
        ("nl-kassawerk",),
        ("nl-klantvriendelijkheid",),
        20,
        lks=True,
    ),
    DemoVacature("Vakkenvuller", "vakkenvuller", ("nl-vakkenvullen",), (), 16, lks=True),
    DemoVacature("Schoonmaker kantoren", "schoonmaker", ("nl-schoonmaken",), (), 24, lks=True),
    DemoVacature("Kok", "kok", ("nl-haccp",), ("nl-maaltijden",), 36, 3),
    DemoVacature("Hovenier", "hovenier", ("nl-groenonderhoud",), ("nl-handgereedschap",), 32, 2),
    DemoVacature(
        "Productiemedewerker",
        "productiemedewerker",
        ("nl-vca-basis",),
        ("nl-fysiek-werk",),
        38,
        lks=True,
    ),
    DemoVacature(
        "Vrachtwagenchauffeur",
        "vrachtwagenchauffeur",
        ("nl-rijbewijs-c", "nl-code95"),
        (),
        40,
        2,
        rijbewijs=True,
    ),
    DemoVacature(
        "Medewerker klantenservice",
        "medewerker klantenservice",
        ("nl-telefonisch-klantcontact",),
        ("nl-computer-basis",),
        28,
        4,
    ),
    DemoVacature(
        "Administratief medewerker",
        "administratief medewerker",
        ("nl-administratie", "nl-computer-basis"),
        (),
        24,
        4,
    ),
    DemoVacature("Beveiliger", "beveiliger", ("nl-bhv",), ("nl-rijbewijs-b",), 36, 3),
)
WERKGEVER_NAMEN = (
    "Logistiek Centrum {plaats}",
    "Supermarkt De Hoek",
    "Schoonmaakbedrijf Glans",
    "Restaurant Het Veerhuis",
    "Hoveniersbedrijf Groen & Co",
    "Metaalbewerking {plaats}",
    "Transport Van der Veen",
    "Zorggroep {plaats}",
)
# Free-text job titles as residents say them; the taxonomy's fuzzy mapping picks the occupation.
ERVARING = (
    "heftruckchauffeur",
    "magazijnmedewerker",
    "kassamedewerker",
    "vakkenvuller",
    "schoonmaker",
    "kok",
    "hovenier",
    "productiemedewerker",
    "vrachtwagenchauffeur",
    "buschauffeur",
    "medewerker klantenservice",
    "administratief medewerker",
    "beveiliger",
    "timmerman",
    "postbode",
    "conciërge",
)
VAARDIGHEDEN = (
    "nl-heftruckcertificaat",
    "nl-vca-basis",
    "nl-haccp",
    "nl-klantvriendelijkheid",
    "nl-kassawerk",
    "nl-vakkenvullen",
    "nl-orderpicken",
    "nl-schoonmaken",
    "nl-groenonderhoud",
    "nl-handgereedschap",
    "nl-fysiek-werk",
    "nl-maaltijden",
    "nl-computer-basis",
    "nl-administratie",
    "nl-rijbewijs-b",
    "nl-nederlands-b1",
)
OPLEIDINGEN = (
    ("Heftruckcertificaat", "certificaat", ["nl-heftruckcertificaat"], "heftruckchauffeur", 1),
    ("VCA Basis", "certificaat", ["nl-vca-basis"], "productiemedewerker", 1),
    ("HACCP en hygiëne in de keuken", "cursus", ["nl-haccp"], "kok", 2),
    ("Nederlands naar B1", "cursus", ["nl-nederlands-b1"], "", 26),
    (
        "Leerwerktraject groenonderhoud",
        "leerwerktraject",
        ["nl-groenonderhoud", "nl-handgereedschap"],
        "hovenier",
        40,
    ),
    (
        "Kassa en klantcontact",
        "cursus",
        ["nl-kassawerk", "nl-klantvriendelijkheid"],
        "kassamedewerker",
        3,
    ),
)
BANEN = (
    (
        "Buurthuis De Kern",
        "wijk",
        "Gastvrouw of gastheer",
        "Bezoekers ontvangen, koffie en thee schenken, activiteiten helpen klaarzetten.",
        16,
    ),
    (
        "Zorgcentrum De Linde",
        "zorg",
        "Maatje voor bewoners",
        "Wandelen met bewoners, samen de krant lezen, helpen bij activiteiten.",
        12,
    ),
    (
        "Basisschool De Regenboog",
        "onderwijs",
        "Hulp op het schoolplein",
        "Toezicht helpen houden in de pauze, spelmateriaal beheren.",
        10,
    ),
    (
        "Voedselbank",
        "welzijn",
        "Medewerker uitgifte",
        "Pakketten samenstellen en uitgeven, voorraad bijhouden.",
        16,
    ),
    (
        "Sportvereniging Vooruit",
        "sport",
        "Materiaalbeheer",
        "Ballen, doelen en kleding klaarzetten en opruimen, kleine reparaties.",
        12,
    ),
    (
        "Bibliotheek",
        "cultuur",
        "Hulp bij het Digitaal Café",
        "Bezoekers helpen met hun telefoon of laptop, koffie zetten.",
        8,
    ),
    (
        "Wijkteam Groen",
        "wijk",
        "Onderhoud buurttuin",
        "Wieden, snoeien en planten in de buurttuin, samen met bewoners.",
        20,
    ),
    (
        "Kringloopwinkel",
        "welzijn",
        "Medewerker sorteren",
        "Spullen sorteren, prijzen en in de winkel zetten.",
        24,
    ),
)
GOED = {"anders_betaald": False, "aanvullend": True, "recente_vacatures": False}
WAAROM = {
    "anders_betaald": "Dit werk wordt nu door vrijwilligers gedaan of blijft liggen.",
    "aanvullend": "Het komt bovenop het werk van de vaste medewerkers.",
    "recente_vacatures": "De organisatie had het afgelopen jaar geen vacatures voor dit werk.",
}


def _actor(username: str):
    return actor_voor(User.objects.get(username=username))


@cache
def _beroep(titel: str) -> str:
    """The taxonomy's occupation for a title, mapped once per title (the fuzzy mapping costs
    about a tenth of a second a call)."""
    koppeling = taxonomie.koppel_functietitel(titel)
    return koppeling.gekozen or (koppeling.beste.code if koppeling.beste else "")


def _postcode(rng: random.Random, code: str) -> str:
    spec = next(g for g in DEMO_GEMEENTEN if g.code == code)
    plaats = rng.choices(spec.woonplaatsen, weights=[w.gewicht for w in spec.woonplaatsen])[0]
    return f"{rng.randint(plaats.pc4_van, plaats.pc4_tot)} {rng.choice(POSTCODE_LETTERPAREN)}"


def _hoofdplaats(code: str) -> str:
    return next(g for g in DEMO_GEMEENTEN if g.code == code).woonplaatsen[0].naam


# Policy, catalogue, employers, banen ----------------------------------------------------------


def _werkbeleid(gemeente: Gemeente) -> None:
    if Werkbeleid.objects.filter(gemeente=gemeente).exists():
        return
    koppelen.werkbeleid_opslaan(
        actor=_actor(BEHEERDER[gemeente.code]),
        gemeente=gemeente,
        gegevens={"recht_op_werk": gemeente.code == RECHT_OP_WERK},
    )


def _opleidingen(gemeente: Gemeente) -> None:
    if Opleiding.objects.filter(gemeente=gemeente).exists():
        return
    actor = _actor(WERKGEVERSDIENSTVERLENER[gemeente.code])
    for naam, soort, vaardigheden, beroep, weken in OPLEIDINGEN:
        koppelen.opleiding_opslaan(
            actor=actor,
            gemeente=gemeente,
            gegevens={
                "naam": naam,
                "soort": soort,
                "aanbieder": f"ROC {_hoofdplaats(gemeente.code)}",
                "vaardigheden": vaardigheden,
                "beroepen": [_beroep(beroep)] if beroep else [],
                "duur_weken": weken,
                "kosten_cent": 6_250 * weken,  # a demo price: € 62,50 a week
            },
        )


def _werkgevers(gemeente: Gemeente, rng: random.Random, vandaag: dt.date) -> None:
    if Werkgever.objects.filter(gemeente=gemeente).exists():
        return
    actor = _actor(WERKGEVERSDIENSTVERLENER[gemeente.code])
    plaats = _hoofdplaats(gemeente.code)
    basis = int(gemeente.code[2:]) * 10_000
    for nummer in range(WERKGEVERS_PER_GEMEENTE[gemeente.code]):
        werkgever = _werkgever(actor, gemeente, nummer, plaats, basis, rng)
        for index in rng.sample(range(len(VACATURES)), k=3):
            spec = VACATURES[index]
            _vacature(actor, werkgever, spec, gemeente.code, rng, vandaag)


def _werkgever(actor, gemeente, nummer, plaats, basis, rng):
    naam = WERKGEVER_NAMEN[nummer % len(WERKGEVER_NAMEN)].format(plaats=plaats)
    return werkgevers.werkgever_opslaan(
        actor=actor,
        gemeente=gemeente,
        gegevens={
            "naam": naam,
            "kvk_nummer": f"{basis + nummer + 1:08d}",
            "sector": naam.split()[0],
            "postcode": _postcode(rng, gemeente.code),
            "plaats": plaats,
            "accounthouder": actor.user,
        },
    )


def _vacature(actor, werkgever, spec: DemoVacature, code: str, rng, vandaag) -> None:
    werkgevers.vacature_opslaan(
        actor=actor,
        gegevens={
            "werkgever": werkgever,
            "titel": spec.titel,
            "beroep": _beroep(spec.beroep),
            "omschrijving": f"{spec.titel} bij {werkgever.naam}.",
            "vaardigheden_vereist": list(spec.vereist),
            "vaardigheden_gewenst": list(spec.gewenst),
            "opleidingsniveau_min": spec.niveau,
            "uren_per_week": spec.uren,
            "postcode": werkgever.postcode or _postcode(rng, code),
            "rijbewijs_nodig": spec.rijbewijs,
            "startdatum": vandaag + dt.timedelta(days=rng.randint(7, 60)),
            "plaatsen": rng.choice((1, 1, 2, 3)),
            "contractvorm": rng.choice(("vast", "tijdelijk", "tijdelijk", "leerwerk")),
            "geschikt_loonkostensubsidie": spec.lks,
        },
    )


def _banen(gemeente: Gemeente, rng: random.Random) -> None:
    if MaatschappelijkeBaan.objects.filter(gemeente=gemeente).exists():
        return
    actor = _actor(WERKGEVERSDIENSTVERLENER[gemeente.code])
    plaats = _hoofdplaats(gemeente.code)
    for nummer in range(BANEN_PER_GEMEENTE[gemeente.code]):
        organisatie, sector, titel, taken, uren = BANEN[nummer % len(BANEN)]
        if nummer >= len(BANEN):
            organisatie = f"{organisatie} {rng.choice(('Noord', 'Zuid', 'Oost', 'West'))}"
        baan = banen.baan_opslaan(
            actor=actor,
            gemeente=gemeente,
            gegevens={
                "gastorganisatie": f"{organisatie} {plaats}",
                "sector": sector,
                "titel": titel,
                "taken": taken,
                "uren_per_week": uren,
                "capaciteit": rng.choice((1, 2, 2, 3)),
                "postcode": _postcode(rng, gemeente.code),
                "begindatum": BANEN_SINDS,
            },
        )
        banen.verdringingstoets_bevestigen(
            actor=actor, baan=baan, antwoorden=GOED, toelichtingen=WAAROM
        )


# Residents: profiles, proposals, placements, contract ----------------------------------------


def _zoekenden(gemeente: Gemeente) -> list:
    standen = Begeleidingsstand.objects.filter(
        gemeente=gemeente, route__zoekt_werk=True
    ).select_related("persoon")
    return sorted((s.persoon for s in standen), key=lambda p: (p.achternaam, p.voornamen, p.bsn))


def _profielen(gemeente: Gemeente, rng: random.Random, vandaag: dt.date) -> int:
    actor = _actor(KLANTMANAGER[gemeente.code])
    met_profiel = set(
        Werkprofiel.objects.filter(gemeente=gemeente).values_list("persoon_id", flat=True)
    )
    nieuw = 0
    for persoon in _zoekenden(gemeente):
        if persoon.pk in met_profiel:
            continue
        werk = profiel.werkprofiel_opslaan(
            actor=actor,
            persoon=persoon,
            gegevens={
                "opleidingsniveau": rng.choice((1, 2, 2, 3, 3, 4, 4, 5, 6)),
                "uren_per_week": rng.choice((16, 20, 24, 32, 36, 38)),
                "reisafstand_km": rng.choice((10, 15, 20, 25, 30)),
                "rijbewijs": rng.random() < 0.5,
                "eigen_vervoer": rng.random() < 0.4,
                "nederlands_niveau": rng.choice(("A2", "B1", "B1", "B2", "C1")),
                "vaardigheden": rng.sample(VAARDIGHEDEN, k=rng.randint(1, 4)),
                "wens_beroepen": [_beroep(rng.choice(ERVARING))] if rng.random() < 0.4 else [],
                "wensen": "Liefst overdag werken, dichtbij huis.",
                "met_inwoner_besproken_op": vandaag - dt.timedelta(days=rng.randint(5, 90)),
            },
        )
        for titel in rng.sample(ERVARING, k=rng.randint(1, 2)):
            # The klantmanager confirms the taxonomy's suggestion for the title, as on the
            # profile page (so the row counts as chosen by a person).
            profiel.werkervaring_toevoegen(
                actor=actor,
                profiel=werk,
                functietitel=titel,
                beroep=_beroep(titel),
                jaren=Decimal(rng.choice(("0.5", "1", "2", "3", "5", "8"))),
            )
        nieuw += 1
    return nieuw


def _beste_vacatures(gemeente: Gemeente, personen: list) -> dict[str, list]:
    """Per resident id: their five best open vacancies of the gemeente, in one ranking."""
    profielen = adapter.zoekende_profielen(gemeente_ids=[gemeente.pk]).filter(persoon__in=personen)
    vacatures = Vacature.objects.filter(gemeente=gemeente, status=Vacature.Status.OPEN)
    invoer = adapter.invoer(
        kandidaten=adapter.kandidaten_uit(profielen),
        vacatures=adapter.vacatures_uit(vacatures),
        gemeente_id=gemeente.pk,
    )
    return top_vacatures(
        invoer.kandidaten, invoer.vacatures, invoer.gewichten, invoer.verwantschap, k=5
    )


def _voorstellen(gemeente: Gemeente, vandaag: dt.date) -> set:
    """A few proposals in every status: voorgesteld, gesprek, afgewezen and geplaatst (which
    makes a regular placement). Returns the residents who got one."""
    actor = _actor(WERKGEVERSDIENSTVERLENER[gemeente.code])
    statussen = ("voorgesteld", "gesprek", "afgewezen", "geplaatst")
    personen = _zoekenden(gemeente)
    beste = _beste_vacatures(gemeente, personen)
    vacatures = Vacature.objects.in_bulk(
        [m.vacature_id for matches in beste.values() for m in matches]
    )
    gebruikt = set()
    for persoon in personen:
        if len(gebruikt) >= 2 * len(statussen):
            break
        voorstel = None
        for match in beste.get(str(persoon.pk), []):
            vacature = vacatures[UUID(match.vacature_id)]
            vacature.refresh_from_db(fields=["status"])
            if vacature.status == Vacature.Status.OPEN:
                voorstel = koppelen.voorstel_doen(
                    actor=actor,
                    persoon=persoon,
                    vacature=vacature,
                    score=match.score,
                    redenen=om_op_te_slaan(match),
                )
                break
        if voorstel is None:
            continue
        doel = statussen[len(gebruikt) % len(statussen)]
        if doel in ("gesprek", "geplaatst"):
            koppelen.voorstel_status_wijzigen(actor=actor, voorstel=voorstel, status="gesprek")
        if doel == "afgewezen":
            koppelen.voorstel_status_wijzigen(
                actor=actor,
                voorstel=voorstel,
                status="afgewezen",
                afwijsreden="De werkgever koos een kandidaat met meer ervaring.",
            )
        if doel == "geplaatst":
            koppelen.voorstel_geplaatst(actor, voorstel, vandaag - dt.timedelta(days=21))
        gebruikt.add(persoon.pk)
    return gebruikt


def _plaatsingen(gemeente: Gemeente, vandaag: dt.date, bezet: set) -> list[Plaatsing]:
    """Three residents on maatschappelijke banen: one with recent contact, one whose planned
    contact has come, one without any contact since the start (so the worklist shows them)."""
    actor = _actor(WERKGEVERSDIENSTVERLENER[gemeente.code])
    banen_lijst = list(MaatschappelijkeBaan.objects.filter(gemeente=gemeente).order_by("titel"))
    vrij = [p for p in _zoekenden(gemeente) if p.pk not in bezet][:3]
    plaatsingen = []
    for index, persoon in enumerate(vrij):
        baan = banen_lijst[index % len(banen_lijst)]
        plaatsing = banen.plaatsing_aanmaken(
            actor,
            persoon=persoon,
            soort=Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN,
            baan=baan,
            begindatum=vandaag - dt.timedelta(days=60 - 15 * index),
            uren_per_week=baan.uren_per_week,
        )
        if index < 2:
            banen.plaatsing_contact_vastleggen(
                actor=actor,
                plaatsing=plaatsing,
                datum=vandaag - dt.timedelta(days=30),
                verloop="Gaat goed. Komt op tijd en heeft het naar de zin.",
                volgende_contact=vandaag + dt.timedelta(days=14) if index == 0 else vandaag,
                vandaag=vandaag,
            )
        plaatsingen.append(plaatsing)
    return plaatsingen


def _loonwaarde(gemeente: Gemeente, vandaag: dt.date) -> None:
    regulier = Plaatsing.objects.filter(gemeente=gemeente, soort=Plaatsing.Soort.REGULIER).first()
    periode = last_period()
    if regulier is None or periode is None:
        return
    banen.loonwaarde_vastleggen(
        actor=_actor(WERKGEVERSDIENSTVERLENER[gemeente.code]),
        plaatsing=regulier,
        percentage=70,
        methode="Uniforme loonwaardebepaling op de werkplek",
        vastgesteld_door="Jobcoach van het werkgeversservicepunt",
        vastgesteld_op=vandaag - dt.timedelta(days=14),
        periode=periode,
    )


def contract_begindatum() -> dt.date:
    """The demo contract starts in the last month the rules engine has amounts for: the
    comparison and the minimum wage need that month's confirmed parameters."""
    jaar, maand = (int(d) for d in (last_period() or "2026-06").split("-"))
    return dt.date(jaar, maand, 1)


def _contract(gemeente: Gemeente, bezet: set) -> None:
    if gemeente.code != RECHT_OP_WERK or Arbeidscontract.objects.filter(gemeente=gemeente).exists():
        return
    actor = _actor(WERKGEVERSDIENSTVERLENER[gemeente.code])
    begin = contract_begindatum()
    persoon = next(
        (p for p in _zoekenden(gemeente) if p.pk not in bezet and p.geboortedatum.year < 2000),
        None,
    )
    baan = MaatschappelijkeBaan.objects.filter(gemeente=gemeente).order_by("-capaciteit", "titel")
    if persoon is None or not baan.exists():
        return
    plaatsing = banen.plaatsing_aanmaken(
        actor,
        persoon=persoon,
        soort=Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN,
        baan=baan.first(),
        begindatum=begin - dt.timedelta(days=31),
        uren_per_week=28,
    )
    uurloon = loon.minimumloon_per_uur(
        geboortedatum=persoon.geboortedatum, periode=loon.periode_van(begin)
    ).uurloon_cent
    bruto = loon.bruto_maandloon_cent(uren_per_week=28, bruto_uurloon_cent=uurloon)
    banen.contract_aanmaken(
        actor=actor,
        persoon=persoon,
        plaatsing=plaatsing,
        uren_per_week=28,
        bruto_uurloon_cent=uurloon,
        # The net wage comes from the salary administration; the demo takes 88% of gross.
        netto_maandloon_cent=bruto * 88 // 100,
        begindatum=begin,
    )


def _gemeente_inrichten(gemeente: Gemeente, vandaag: dt.date) -> None:
    rng = random.Random(f"werk-{gemeente.code}")
    _werkbeleid(gemeente)
    _opleidingen(gemeente)
    _werkgevers(gemeente, rng, vandaag)
    _banen(gemeente, rng)
    _profielen(gemeente, rng, vandaag)
    if Voorstel.objects.filter(gemeente=gemeente).exists():
        return
    bezet = _voorstellen(gemeente, vandaag)
    bezet |= {p.persoon_id for p in _plaatsingen(gemeente, vandaag, bezet)}
    _loonwaarde(gemeente, vandaag)
    _contract(gemeente, bezet)


def werk_inrichten(*, vandaag: dt.date) -> dict[str, int]:
    """Load the werk demo for every demo gemeente; returns counts of what this run added."""
    voor = {
        "werkgevers": Werkgever.objects.count(),
        "banen": MaatschappelijkeBaan.objects.count(),
        "werkprofielen": Werkprofiel.objects.count(),
        "voorstellen": Voorstel.objects.count(),
        "plaatsingen": Plaatsing.objects.count(),
        "contracten": Arbeidscontract.objects.count(),
    }
    for gemeente in Gemeente.objects.filter(code__in=BANEN_PER_GEMEENTE).order_by("code"):
        # One transaction per gemeente: all of it or nothing, and one commit instead of
        # hundreds (the services' own atomic blocks become savepoints).
        with transaction.atomic():
            _gemeente_inrichten(gemeente, vandaag)
    return {
        "werkgevers": Werkgever.objects.count() - voor["werkgevers"],
        "banen": MaatschappelijkeBaan.objects.count() - voor["banen"],
        "werkprofielen": Werkprofiel.objects.count() - voor["werkprofielen"],
        "voorstellen": Voorstel.objects.count() - voor["voorstellen"],
        "plaatsingen": Plaatsing.objects.count() - voor["plaatsingen"],
        "contracten": Arbeidscontract.objects.count() - voor["contracten"],
    }
