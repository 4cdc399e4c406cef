"""A synthetic bijstand population: households with Dutch residents, deterministic per seed.

Nothing here touches the database. Households come as one endless stream per seed (one
`random.Random(seed)` and one `Faker("nl_NL")` seeded with `seed_instance(seed)`; never the
global random), so the first N residents are the same whatever N is: a larger N only adds
residents. Ids are drawn from the same stream, which makes loading idempotent. The output is
the same for the same Faker version (pinned in the lock file).
"""

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from faker import Faker

from meedoen.clients.models import HuishoudRol
from meedoen.clients.normalize import zoeksleutel
from meedoen.clients.validators import normaliseer_bsn
from meedoen.demo import namen
from meedoen.demo.woonplaatsen import DEMO_GEMEENTEN, POSTCODE_LETTERPAREN, Woonplaats

AOW_LEEFTIJD = 67
# Housemates from 27 count for the kostendelersnorm, so the demo's medebewoners are 27+.
MEDEBEWONER_MIN_LEEFTIJD = 27


class Samenstelling(StrEnum):
    ALLEENSTAAND = "alleenstaand"
    EENOUDER = "eenouder"
    PAAR = "paar"
    MET_MEDEBEWONER = "met medebewoner"


# An approximation of the bijstand caseload by household type (rounded, not a CBS figure).
SAMENSTELLING_AANDELEN = {
    Samenstelling.ALLEENSTAAND: 0.58,
    Samenstelling.EENOUDER: 0.22,
    Samenstelling.PAAR: 0.14,
    Samenstelling.MET_MEDEBEWONER: 0.06,
}
AANDEEL_MET_GESCHIEDENIS = 0.10  # a partner who left or a child who moved out
AANDEEL_PAAR_MET_KINDEREN = 0.55
AANDEEL_JONGEREN_ALLEENSTAAND = 0.07  # 18-20; about 4% of all applicants
AANDEEL_AOW_ALLEENSTAAND = 0.05  # above AOW age; about 3% of all applicants
MAX_JAREN_IN_HUISHOUDEN = 12


@dataclass(frozen=True)
class Adres:
    straat: str
    huisnummer: str
    huisnummertoevoeging: str
    postcode: str
    woonplaats: str


@dataclass(frozen=True)
class DemoPersoon:
    id: uuid.UUID
    bsn: str
    voornamen: str
    tussenvoegsel: str
    achternaam: str
    geboortedatum: dt.date
    telefoon: str
    email: str
    adres: Adres


@dataclass(frozen=True)
class DemoLid:
    id: uuid.UUID
    persoon: DemoPersoon
    rol: str
    van: dt.date
    reden_begin: str
    tot: dt.date | None = None
    reden_einde: str = ""


@dataclass(frozen=True)
class DemoHuishouden:
    id: uuid.UUID
    gemeente_code: str
    samenstelling: Samenstelling
    leden: tuple[DemoLid, ...]


def jaren_terug(datum: dt.date, jaren: int) -> dt.date:
    """The same day `jaren` years earlier (29 February becomes 28 February)."""
    try:
        return datum.replace(year=datum.year - jaren)
    except ValueError:
        return datum.replace(year=datum.year - jaren, day=28)


def leeftijd_op(geboortedatum: dt.date, datum: dt.date) -> int:
    voor_verjaardag = (datum.month, datum.day) < (geboortedatum.month, geboortedatum.day)
    return datum.year - geboortedatum.year - voor_verjaardag


def bevolking(*, aantal: int, seed: int, peildatum: dt.date) -> Iterator[DemoHuishouden]:
    """The first `aantal` residents of the stream for `seed`, household by household. The last
    household is cut short when needed, so the number of residents is exact."""
    resterend = aantal
    for huishouden in Bevolkingsgenerator(seed=seed, peildatum=peildatum).huishoudens():
        if resterend <= 0:
            return
        if len(huishouden.leden) > resterend:
            huishouden = replace(huishouden, leden=huishouden.leden[:resterend])
        resterend -= len(huishouden.leden)
        yield huishouden


class Bevolkingsgenerator:
    """Draws households one after another; every draw comes from this instance's own streams."""

    def __init__(self, *, seed: int, peildatum: dt.date):
        self.peildatum = peildatum
        self.rng = random.Random(seed)
        self.fake = Faker("nl_NL")
        self.fake.seed_instance(seed)
        self._bsns: set[str] = set()

    def huishoudens(self) -> Iterator[DemoHuishouden]:
        bouwers = {
            Samenstelling.ALLEENSTAAND: self._alleenstaand,
            Samenstelling.EENOUDER: self._eenouder,
            Samenstelling.PAAR: self._paar,
            Samenstelling.MET_MEDEBEWONER: self._met_medebewoner,
        }
        soorten = list(SAMENSTELLING_AANDELEN)
        gewichten = list(SAMENSTELLING_AANDELEN.values())
        while True:
            huishouden_id = self._uuid()
            gemeente = self.rng.choices(DEMO_GEMEENTEN, [g.gewicht for g in DEMO_GEMEENTEN])[0]
            woonplaats = self.rng.choices(
                gemeente.woonplaatsen, [w.gewicht for w in gemeente.woonplaatsen]
            )[0]
            samenstelling = self.rng.choices(soorten, gewichten)[0]
            geschiedenis = self.rng.random() < AANDEEL_MET_GESCHIEDENIS
            leden = bouwers[samenstelling](woonplaats, geschiedenis)
            yield DemoHuishouden(huishouden_id, gemeente.code, samenstelling, tuple(leden))

    # --- household types -------------------------------------------------------------------

    def _alleenstaand(self, woonplaats: Woonplaats, geschiedenis: bool) -> list[DemoLid]:
        kans = self.rng.random()
        if kans < AANDEEL_JONGEREN_ALLEENSTAAND:
            leeftijd = self.rng.randint(18, 20)
        elif kans < AANDEEL_JONGEREN_ALLEENSTAAND + AANDEEL_AOW_ALLEENSTAAND:
            leeftijd = self.rng.randint(AOW_LEEFTIJD, 80)
        else:
            leeftijd = self.rng.randint(21, AOW_LEEFTIJD - 1)
        adres = self._adres(woonplaats)
        aanvrager = self._persoon(leeftijd, self._geslacht(0.5), adres, woonplaats)
        if geschiedenis and leeftijd >= 21:
            return self._met_vertrokken_partner(aanvrager, [], woonplaats)
        van = self._begin([aanvrager])
        return [self._lid(aanvrager, HuishoudRol.AANVRAGER, van, "Aanvraag bijstand")]

    def _eenouder(self, woonplaats: Woonplaats, geschiedenis: bool) -> list[DemoLid]:
        leeftijd = (
            self.rng.randint(18, 20) if self.rng.random() < 0.03 else self.rng.randint(21, 50)
        )
        adres = self._adres(woonplaats)
        aanvrager = self._persoon(leeftijd, self._geslacht(0.85), adres, woonplaats)
        familienaam = (aanvrager.tussenvoegsel, aanvrager.achternaam)
        if self.rng.random() < 0.4:
            familienaam = namen.achternaam(self.fake, self.rng)
        kinderen = self._kinderen(leeftijd, familienaam, adres, woonplaats)
        if geschiedenis and self.rng.random() < 0.5 and leeftijd >= 37:
            return self._met_uitgevlogen_kind(aanvrager, None, kinderen, woonplaats, familienaam)
        if geschiedenis and leeftijd >= 21:
            return self._met_vertrokken_partner(aanvrager, kinderen, woonplaats)
        van = self._begin([aanvrager])
        return [
            self._lid(aanvrager, HuishoudRol.AANVRAGER, van, "Aanvraag bijstand"),
            *self._kind_leden(kinderen, van),
        ]

    def _paar(self, woonplaats: Woonplaats, geschiedenis: bool) -> list[DemoLid]:
        if self.rng.random() < 0.03:
            leeftijd = self.rng.randint(AOW_LEEFTIJD, 78)
        else:
            leeftijd = self.rng.randint(21, AOW_LEEFTIJD - 1)
        partner_leeftijd = max(19, leeftijd + self.rng.randint(-5, 5))
        geslacht = self._geslacht(0.5)
        partner_geslacht = geslacht if self.rng.random() < 0.05 else {"v": "m", "m": "v"}[geslacht]
        adres = self._adres(woonplaats)
        aanvrager = self._persoon(leeftijd, geslacht, adres, woonplaats)
        partner = self._persoon(partner_leeftijd, partner_geslacht, adres, woonplaats)
        ouder = self.rng.choice([aanvrager, partner])
        familienaam = (ouder.tussenvoegsel, ouder.achternaam)
        jongste_ouder = min(leeftijd, partner_leeftijd)
        kinderen = []
        if self.rng.random() < AANDEEL_PAAR_MET_KINDEREN and jongste_ouder >= 19:
            kinderen = self._kinderen(jongste_ouder, familienaam, adres, woonplaats)
        if geschiedenis and jongste_ouder >= 37:
            return self._met_uitgevlogen_kind(aanvrager, partner, kinderen, woonplaats, familienaam)
        van = self._begin([aanvrager, partner])
        if self.rng.random() < 0.3 and van < self.peildatum - dt.timedelta(days=60):
            partner_van, reden = self._datum_tussen(van, self.peildatum), "Gaan samenwonen"
        else:
            partner_van, reden = van, "Samenwonend bij de aanvraag"
        return [
            self._lid(aanvrager, HuishoudRol.AANVRAGER, van, "Aanvraag bijstand"),
            self._lid(partner, HuishoudRol.PARTNER, partner_van, reden),
            *self._kind_leden(kinderen, van),
        ]

    def _met_medebewoner(self, woonplaats: Woonplaats, geschiedenis: bool) -> list[DemoLid]:
        adres = self._adres(woonplaats)
        if self.rng.random() < 0.5:  # an adult child still living with a parent
            kind_leeftijd = self.rng.randint(MEDEBEWONER_MIN_LEEFTIJD, 38)
            leeftijd = min(80, kind_leeftijd + self.rng.randint(20, 35))
            aanvrager = self._persoon(leeftijd, self._geslacht(0.6), adres, woonplaats)
            medebewoner = self._persoon(
                kind_leeftijd,
                self._geslacht(0.4),
                adres,
                woonplaats,
                familienaam=(aanvrager.tussenvoegsel, aanvrager.achternaam),
            )
            reden = "Meerderjarig kind woont in"
        else:  # a parent who came to live with the applicant
            leeftijd = self.rng.randint(MEDEBEWONER_MIN_LEEFTIJD, 55)
            aanvrager = self._persoon(leeftijd, self._geslacht(0.5), adres, woonplaats)
            ouder_leeftijd = min(90, leeftijd + self.rng.randint(20, 35))
            medebewoner = self._persoon(ouder_leeftijd, self._geslacht(0.6), adres, woonplaats)
            reden = "Ouder komt inwonen"
        if geschiedenis:
            leden = self._met_vertrokken_partner(aanvrager, [], woonplaats)
            van = leden[0].van
        else:
            van = self._begin([aanvrager])
            leden = [self._lid(aanvrager, HuishoudRol.AANVRAGER, van, "Aanvraag bijstand")]
        inwonend_van = self._datum_tussen(van, self.peildatum)
        leden.insert(1, self._lid(medebewoner, HuishoudRol.MEDEBEWONER, inwonend_van, reden))
        return leden

    # --- history -------------------------------------------------------------------------

    def _met_vertrokken_partner(
        self, aanvrager: DemoPersoon, kinderen: list[DemoPersoon], woonplaats: Woonplaats
    ) -> list[DemoLid]:
        """The household started as a couple; the partner left and lives elsewhere now."""
        leeftijd = leeftijd_op(aanvrager.geboortedatum, self.peildatum)
        ex_leeftijd = max(leeftijd, 21) + self.rng.randint(0, 5)
        ex = self._persoon(ex_leeftijd, self._geslacht(0.5), self._adres(woonplaats), woonplaats)
        uiterlijk = self.peildatum - dt.timedelta(days=400)
        van = self._begin([aanvrager, ex], uiterlijk=uiterlijk)
        tot = self._datum_tussen(
            van + dt.timedelta(days=180), self.peildatum - dt.timedelta(days=30)
        )
        return [
            self._lid(aanvrager, HuishoudRol.AANVRAGER, van, "Aanvraag bijstand"),
            *self._kind_leden(kinderen, van),
            self._lid(
                ex,
                HuishoudRol.PARTNER,
                van,
                "Samenwonend bij de aanvraag",
                tot=tot,
                reden_einde="Relatie beëindigd, partner is verhuisd",
            ),
        ]

    def _met_uitgevlogen_kind(
        self,
        aanvrager: DemoPersoon,
        partner: DemoPersoon | None,
        kinderen: list[DemoPersoon],
        woonplaats: Woonplaats,
        familienaam: tuple[str, str],
    ) -> list[DemoLid]:
        """A child grew up in the household and moved out after turning 18."""
        jongste = min(
            leeftijd_op(p.geboortedatum, self.peildatum) for p in (aanvrager, partner) if p
        )
        leeftijd = self.rng.randint(19, min(28, jongste - 18))
        kind = self._persoon(
            leeftijd,
            self._geslacht(0.5),
            self._adres(woonplaats),
            woonplaats,
            familienaam=familienaam,
        )
        # Left between their 18th and 24th birthday; the household existed before that.
        vertrek = self._datum_tussen(
            _verjaardag(kind.geboortedatum, 18),
            min(_verjaardag(kind.geboortedatum, 24), self.peildatum),
        )
        volwassenen = [p for p in (aanvrager, partner) if p]
        van = self._begin(volwassenen, uiterlijk=vertrek - dt.timedelta(days=1))
        leden = [self._lid(aanvrager, HuishoudRol.AANVRAGER, van, "Aanvraag bijstand")]
        if partner:
            leden.append(
                self._lid(partner, HuishoudRol.PARTNER, van, "Samenwonend bij de aanvraag")
            )
        leden.extend(self._kind_leden(kinderen, van))
        kind_van = max(van, kind.geboortedatum)
        leden.append(
            self._lid(
                kind,
                HuishoudRol.KIND,
                kind_van,
                "Geboorte" if kind_van > van else "Kind woont bij aanvrager",
                tot=vertrek,
                reden_einde="Op zichzelf gaan wonen",
            )
        )
        return leden

    # --- people ------------------------------------------------------------------------------

    def _kinderen(
        self, ouder_leeftijd: int, familienaam: tuple[str, str], adres: Adres, woonplaats
    ) -> list[DemoPersoon]:
        aantal = self.rng.choices([1, 2, 3], [0.50, 0.33, 0.17])[0]
        oudste = min(17, ouder_leeftijd - 18)
        leeftijden = sorted((self.rng.randint(0, oudste) for _ in range(aantal)), reverse=True)
        return [
            self._persoon(leeftijd, self._geslacht(0.5), adres, woonplaats, familienaam=familienaam)
            for leeftijd in leeftijden
        ]

    def _kind_leden(self, kinderen: list[DemoPersoon], van: dt.date) -> list[DemoLid]:
        leden = []
        for kind in kinderen:
            kind_van = max(van, kind.geboortedatum)
            reden = "Geboorte" if kind_van > van else "Kind woont bij aanvrager"
            leden.append(self._lid(kind, HuishoudRol.KIND, kind_van, reden))
        return leden

    def _persoon(
        self,
        leeftijd: int,
        geslacht: str,
        adres: Adres,
        woonplaats: Woonplaats,
        *,
        familienaam: tuple[str, str] | None = None,
    ) -> DemoPersoon:
        persoon_id = self._uuid()
        voornamen = namen.voornamen(self.fake, self.rng, geslacht)
        tussenvoegsel, achternaam = familienaam or namen.achternaam(self.fake, self.rng)
        geboortedatum = self._geboortedatum(leeftijd)
        volwassen = leeftijd >= 18
        return DemoPersoon(
            id=persoon_id,
            bsn=self._bsn(),
            voornamen=voornamen,
            tussenvoegsel=tussenvoegsel,
            achternaam=achternaam,
            geboortedatum=geboortedatum,
            telefoon=self._telefoon(woonplaats) if volwassen else "",
            email=self._email(voornamen, tussenvoegsel, achternaam) if volwassen else "",
            adres=adres,
        )

    def _geslacht(self, kans_vrouw: float) -> str:
        return "v" if self.rng.random() < kans_vrouw else "m"

    def _bsn(self) -> str:
        while True:
            bsn = normaliseer_bsn(self.fake.ssn())
            if bsn not in self._bsns:
                self._bsns.add(bsn)
                return bsn

    def _telefoon(self, woonplaats: Woonplaats) -> str:
        kans = self.rng.random()
        if kans < 0.65:
            return f"06-{self.rng.randint(10_000_000, 99_999_999)}"
        if kans < 0.80:
            cijfers = 10 - len(woonplaats.netnummer)
            abonnee = self.rng.randint(2 * 10 ** (cijfers - 1), 10**cijfers - 1)
            return f"{woonplaats.netnummer}-{abonnee}"
        return ""

    def _email(self, voornamen: str, tussenvoegsel: str, achternaam: str) -> str:
        if self.rng.random() >= 0.7:
            return ""
        naam = zoeksleutel(f"{tussenvoegsel}{achternaam}").replace(" ", "")
        lokaal = f"{zoeksleutel(voornamen.split()[0])}.{naam}"
        if self.rng.random() < 0.5:
            lokaal += str(self.rng.randint(1, 99))
        # Reserved example domains (RFC 2606): demo mail can never reach a real person.
        return f"{lokaal}@{self.rng.choice(['example.com', 'example.net', 'example.org'])}"

    def _adres(self, woonplaats: Woonplaats) -> Adres:
        toevoeging = ""
        if self.rng.random() < 0.08:
            toevoeging = self.rng.choice(["A", "B", "C", "-1", "-2", "-3"])
        pc4 = self.rng.randint(woonplaats.pc4_van, woonplaats.pc4_tot)
        return Adres(
            straat=self.fake.street_name(),
            huisnummer=str(self.rng.randint(1, 180)),
            huisnummertoevoeging=toevoeging,
            postcode=f"{pc4} {self.rng.choice(POSTCODE_LETTERPAREN)}",
            woonplaats=woonplaats.naam,
        )

    # --- dates and ids ---------------------------------------------------------------------

    def _geboortedatum(self, leeftijd: int) -> dt.date:
        """A birth date so that the person is exactly `leeftijd` on the peildatum."""
        laatst = jaren_terug(self.peildatum, leeftijd)
        vroegst = jaren_terug(self.peildatum, leeftijd + 1) + dt.timedelta(days=1)
        return self._datum_tussen(vroegst, laatst)

    def _begin(self, volwassenen: list[DemoPersoon], uiterlijk: dt.date | None = None) -> dt.date:
        """When the household started: within the last years, when all adults were 18+."""
        vroegst = max(
            jaren_terug(self.peildatum, MAX_JAREN_IN_HUISHOUDEN),
            *(_verjaardag(p.geboortedatum, 18) for p in volwassenen),
        )
        laatst = uiterlijk or self.peildatum - dt.timedelta(days=30)
        return self._datum_tussen(vroegst, max(vroegst, laatst))

    def _datum_tussen(self, vroegst: dt.date, laatst: dt.date) -> dt.date:
        return vroegst + dt.timedelta(days=self.rng.randint(0, max(0, (laatst - vroegst).days)))

    def _lid(self, persoon: DemoPersoon, rol: str, van: dt.date, reden: str, **einde) -> DemoLid:
        return DemoLid(self._uuid(), persoon, str(rol), van, reden, **einde)

    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)


def _verjaardag(geboortedatum: dt.date, leeftijd: int) -> dt.date:
    return jaren_terug(geboortedatum, -leeftijd)
