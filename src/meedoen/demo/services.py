"""Loading the demo: gemeenten, organisations, teams, demo users for every role, and the
synthetic population. Everything is idempotent: a second run with the same arguments adds
nothing, a larger number of residents adds only the missing ones."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.contrib.auth.hashers import make_password
from django.db import transaction

from meedoen.accounts.models import Organisatie, Rol, Team, User
from meedoen.clients.models import Huishouden, Lidmaatschap, Persoon
from meedoen.clients.validators import normaliseer_bsn, normaliseer_postcode
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.models import Gemeente
from meedoen.core.roles import ROL_NAMEN
from meedoen.core.roles import Rol as RolCode
from meedoen.demo.population import DemoHuishouden, DemoPersoon, bevolking
from meedoen.demo.woonplaatsen import DEMO_GEMEENTEN

DEMO_WACHTWOORD = "Meedoen-demo-2026"
DOEL_DEMO = "demo-gegevens laden"
HUISHOUDENS_PER_CHUNK = 2_000
BULK_BATCH = 1_000


@dataclass(frozen=True)
class DemoGebruiker:
    username: str
    rol: RolCode
    voornaam: str
    achternaam: str
    teams: tuple[str, ...] = ()  # no team: the user works for all the organisation's gemeenten


@dataclass(frozen=True)
class DemoOrganisatie:
    naam: str
    gemeenten: tuple[str, ...]
    teams: dict[str, tuple[str, ...]]  # team name -> gemeente codes
    gebruikers: tuple[DemoGebruiker, ...]


K = RolCode
DEMO_ORGANISATIES = (
    DemoOrganisatie(
        naam="Sociale dienst Drenthe-Noord",
        gemeenten=("GM1680", "GM0106", "GM1730"),
        teams={
            "Werk Assen": ("GM0106",),
            "Werk Aa en Hunze en Tynaarlo": ("GM1680", "GM1730"),
            "Inkomen Drenthe-Noord": ("GM1680", "GM0106", "GM1730"),
        },
        gebruikers=(
            DemoGebruiker("km.assen", K.KLANTMANAGER, "Sanne", "Bakker", ("Werk Assen",)),
            DemoGebruiker(
                "km.aht", K.KLANTMANAGER, "Jeroen", "Mulder", ("Werk Aa en Hunze en Tynaarlo",)
            ),
            DemoGebruiker(
                "ic.drenthe", K.INKOMENSCONSULENT, "Fatma", "Doğan", ("Inkomen Drenthe-Noord",)
            ),
            DemoGebruiker("wgd.drenthe", K.WERKGEVERSDIENSTVERLENER, "Henk", "Hofstede"),
            DemoGebruiker("tl.drenthe", K.TEAMLEIDER, "Marieke", "Oosting"),
            DemoGebruiker("ba.drenthe", K.BELEIDSADVISEUR, "Pieter", "Wieringa"),
            DemoGebruiker("fb.drenthe", K.FUNCTIONEEL_BEHEERDER, "Anouk", "Kuipers"),
            DemoGebruiker("po.drenthe", K.PRIVACY_OFFICER, "Ruud", "Jonker"),
        ),
    ),
    DemoOrganisatie(
        naam="Gemeente Deventer, Werk en Inkomen",
        gemeenten=("GM0150",),
        teams={"Werktalent": ("GM0150",), "Inkomensondersteuning": ("GM0150",)},
        gebruikers=(
            DemoGebruiker("km.deventer", K.KLANTMANAGER, "Lotte", "de Vries", ("Werktalent",)),
            DemoGebruiker(
                "ic.deventer", K.INKOMENSCONSULENT, "Mohamed", "Amrani", ("Inkomensondersteuning",)
            ),
            DemoGebruiker(
                "wgd.deventer", K.WERKGEVERSDIENSTVERLENER, "Ingrid", "ter Horst", ("Werktalent",)
            ),
            DemoGebruiker("tl.deventer", K.TEAMLEIDER, "Bas", "Vos"),
            DemoGebruiker("ba.deventer", K.BELEIDSADVISEUR, "Esther", "Rouwenhorst"),
            DemoGebruiker("fb.deventer", K.FUNCTIONEEL_BEHEERDER, "Thijs", "Kamphuis"),
            DemoGebruiker("po.deventer", K.PRIVACY_OFFICER, "Naomi", "Brinkman"),
        ),
    ),
)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    naam: str
    rol: str
    organisatie: str
    teams: str


@transaction.atomic
def organisaties_inrichten(*, wachtwoord: str = DEMO_WACHTWOORD) -> list[DemoLogin]:
    """Gemeenten, organisations, teams and one or more demo users per role. Passwords are reset
    to the demo password on every run; demo users get no TOTP device (demo mode lets them skip
    the second factor)."""
    gemeenten = {
        g.code: Gemeente.objects.update_or_create(code=g.code, defaults={"naam": g.naam})[0]
        for g in DEMO_GEMEENTEN
    }
    rollen = {
        code: Rol.objects.get_or_create(code=str(code), defaults={"naam": str(ROL_NAMEN[code])})[0]
        for code in RolCode
    }
    # One hash for all demo users: hashing is deliberately slow, and the password is shared.
    wachtwoord_hash = make_password(wachtwoord)
    logins = []
    for spec in DEMO_ORGANISATIES:
        organisatie, _ = Organisatie.objects.get_or_create(naam=spec.naam)
        organisatie.gemeenten.set([gemeenten[c] for c in spec.gemeenten])
        teams = {}
        for naam, codes in spec.teams.items():
            teams[naam], _ = Team.objects.get_or_create(organisatie=organisatie, naam=naam)
            teams[naam].gemeenten.set([gemeenten[c] for c in codes])
        for gebruiker in spec.gebruikers:
            user, _ = User.objects.update_or_create(
                username=gebruiker.username,
                defaults={
                    "first_name": gebruiker.voornaam,
                    "last_name": gebruiker.achternaam,
                    "email": f"{gebruiker.username}@example.org",
                    "organisatie": organisatie,
                    "is_active": True,
                    "password": wachtwoord_hash,
                },
            )
            user.rollen.set([rollen[gebruiker.rol]])
            user.teams.set([teams[t] for t in gebruiker.teams])
            logins.append(
                DemoLogin(
                    username=user.username,
                    naam=user.get_full_name(),
                    rol=str(ROL_NAMEN[gebruiker.rol]),
                    organisatie=organisatie.naam,
                    teams=", ".join(gebruiker.teams) or "alle gemeenten van de organisatie",
                )
            )
    return logins


@dataclass
class LaadResultaat:
    personen: int = 0
    huishoudens: int = 0
    lidmaatschappen: int = 0
    # Households left out because a BSN is already registered for another person (a resident
    # entered by hand in the same gemeente, or one from another seed).
    overgeslagen_huishoudens: int = 0
    per_gemeente: dict[str, int] = field(default_factory=dict)


def standaard_peildatum() -> dt.date:
    """1 January of this year: ages and dates are stable within a year, so the same seed gives
    the same people all year."""
    return dt.date(dt.date.today().year, 1, 1)


def bevolking_laden(
    *,
    aantal: int,
    seed: int,
    peildatum: dt.date | None = None,
    chunk: int = HUISHOUDENS_PER_CHUNK,
    voortgang: Callable[[int], None] | None = None,
) -> LaadResultaat:
    """Load the first `aantal` residents for `seed`; rows already present (same ids) are kept.
    Rows are bulk-inserted with what the registration service would set (normalised BSN and
    postcode, zoeknaam, the membership's gemeente); one transaction per chunk, and one summary
    audit event for the run when anything was added."""
    peildatum = peildatum or standaard_peildatum()
    gemeenten = {g.code: g for g in Gemeente.objects.filter(code__in=_demo_codes())}
    resultaat = LaadResultaat()
    verwerkt = 0
    for huishoudens in _in_stukken(bevolking(aantal=aantal, seed=seed, peildatum=peildatum), chunk):
        with transaction.atomic():
            _stuk_laden(huishoudens, gemeenten, resultaat)
        verwerkt += sum(len(h.leden) for h in huishoudens)
        if voortgang:
            voortgang(verwerkt)
    if resultaat.personen or resultaat.huishoudens or resultaat.lidmaatschappen:
        with transaction.atomic():
            audit_vastleggen(
                actor=None,
                actie=Actie.AANGEMAAKT,
                doel=DOEL_DEMO,
                object_type="demo",
                wijzigingen={
                    "personen": [0, resultaat.personen],
                    "huishoudens": [0, resultaat.huishoudens],
                    "lidmaatschappen": [0, resultaat.lidmaatschappen],
                    "seed": [None, seed],
                    "aantal": [None, aantal],
                    "peildatum": [None, peildatum.isoformat()],
                },
            )
    return resultaat


def _demo_codes() -> list[str]:
    return [g.code for g in DEMO_GEMEENTEN]


def _in_stukken(items: Iterable, grootte: int) -> Iterator[list]:
    iterator = iter(items)
    while stuk := list(islice(iterator, grootte)):
        yield stuk


def _stuk_laden(
    huishoudens: list[DemoHuishouden], gemeenten: dict[str, Gemeente], resultaat: LaadResultaat
) -> None:
    huishoudens = _zonder_bsn_conflicten(huishoudens, gemeenten, resultaat)
    leden = [lid for h in huishoudens for lid in h.leden]
    bestaande_personen = _bestaande_ids(Persoon, [lid.persoon.id for lid in leden])
    bestaande_huishoudens = _bestaande_ids(Huishouden, [h.id for h in huishoudens])
    bestaande_leden = _bestaande_ids(Lidmaatschap, [lid.id for lid in leden])

    nieuwe_personen, nieuwe_huishoudens, nieuwe_leden = [], [], []
    for huishouden in huishoudens:
        gemeente = gemeenten[huishouden.gemeente_code]
        if huishouden.id not in bestaande_huishoudens:
            nieuwe_huishoudens.append(Huishouden(id=huishouden.id, gemeente=gemeente))
        for lid in huishouden.leden:
            if lid.persoon.id not in bestaande_personen:
                nieuwe_personen.append(_persoon_rij(lid.persoon, gemeente))
                resultaat.per_gemeente[gemeente.naam] = (
                    resultaat.per_gemeente.get(gemeente.naam, 0) + 1
                )
            if lid.id not in bestaande_leden:
                nieuwe_leden.append(
                    Lidmaatschap(
                        id=lid.id,
                        gemeente=gemeente,
                        huishouden_id=huishouden.id,
                        persoon_id=lid.persoon.id,
                        rol=lid.rol,
                        van=lid.van,
                        tot=lid.tot,
                        reden_begin=lid.reden_begin,
                        reden_einde=lid.reden_einde,
                    )
                )
    Persoon.objects.bulk_create(nieuwe_personen, batch_size=BULK_BATCH)
    Huishouden.objects.bulk_create(nieuwe_huishoudens, batch_size=BULK_BATCH)
    Lidmaatschap.objects.bulk_create(nieuwe_leden, batch_size=BULK_BATCH)
    resultaat.personen += len(nieuwe_personen)
    resultaat.huishoudens += len(nieuwe_huishoudens)
    resultaat.lidmaatschappen += len(nieuwe_leden)


def _persoon_rij(persoon: DemoPersoon, gemeente: Gemeente) -> Persoon:
    adres = persoon.adres
    rij = Persoon(
        id=persoon.id,
        gemeente=gemeente,
        bsn=normaliseer_bsn(persoon.bsn),
        voornamen=persoon.voornamen,
        tussenvoegsel=persoon.tussenvoegsel,
        achternaam=persoon.achternaam,
        geboortedatum=persoon.geboortedatum,
        telefoon=persoon.telefoon,
        email=persoon.email,
        straat=adres.straat,
        huisnummer=adres.huisnummer,
        huisnummertoevoeging=adres.huisnummertoevoeging,
        postcode=normaliseer_postcode(adres.postcode),
        woonplaats=adres.woonplaats,
    )
    rij.bijwerken_zoeknaam()
    return rij


def _bestaande_ids(model, ids: list) -> set:
    return set(model.objects.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()


def _zonder_bsn_conflicten(
    huishoudens: list[DemoHuishouden], gemeenten: dict[str, Gemeente], resultaat: LaadResultaat
) -> list[DemoHuishouden]:
    """Leave out households with a BSN that another person already has in that gemeente; the
    unique constraint would otherwise abort the whole chunk."""
    ids = {lid.persoon.id for h in huishoudens for lid in h.leden}
    bsns = [lid.persoon.bsn for h in huishoudens for lid in h.leden]
    bezet = set(
        Persoon.objects.filter(bsn__in=bsns, gemeente__in=gemeenten.values())
        .exclude(pk__in=ids)
        .values_list("gemeente_id", "bsn")
    )
    if not bezet:
        return huishoudens
    vrij = []
    for huishouden in huishoudens:
        gemeente_id = gemeenten[huishouden.gemeente_code].pk
        if any((gemeente_id, lid.persoon.bsn) in bezet for lid in huishouden.leden):
            resultaat.overgeslagen_huishoudens += 1
        else:
            vrij.append(huishouden)
    return vrij
