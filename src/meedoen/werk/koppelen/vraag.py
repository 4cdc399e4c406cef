"""Demand first (seed 003: "een goede match begint bij de behoefte op de arbeidsmarkt").

Open places of an occupation: the places of open vacancies minus the placements running today.

Labour-market view: per occupation, open places against *suitable candidates*: residents whose
current route seeks work and who have that occupation or a related one (same ISCO-08 unit group,
the taxonomy's relatedness) in their experience or wishes, and have not ruled it out (no-go).
Shown: the occupations with more open places than candidates, largest gap first.

Hidden matches for one resident: occupations related to the resident's own (experience and
wishes) with more open places than all of the resident's own occupations together, with the
skill gap (required skills of those vacancies the resident lacks, and in how many vacancies
each is asked) and courses from the gemeente's catalogue that provide a missing skill or lead
to the occupation.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.rapportage.selectors import KLEINE_AANTALLEN
from meedoen.werk.koppelen import kandidaten as adapter
from meedoen.werk.koppelen.taxonomie import labels_voor, verwantschap
from meedoen.werk.models import Opleiding, Vacature, Werkervaring, Werkprofiel

MAX_VERBORGEN = 10


def _vereis_lezen(actor: Actor) -> None:
    actor.vereis_een(Bevoegdheid.MATCHEN, Bevoegdheid.CIJFERS_LEZEN)


def _bereik(actor: Actor, gemeente_ids: Iterable[int] | None) -> set[int]:
    if gemeente_ids is None:
        return set(actor.gemeente_ids)
    return set(actor.gemeente_ids) & set(gemeente_ids)


def open_vacatures_met_plaatsen(gemeente_ids: Iterable[int]) -> list[tuple]:
    """(vacancy id, occupation code, free places, required skills) of open vacancies."""
    vandaag = timezone.localdate()
    lopend = (Q(plaatsingen__einddatum__isnull=True) | Q(plaatsingen__einddatum__gte=vandaag)) & Q(
        plaatsingen__begindatum__lte=vandaag
    )
    rijen = (
        Vacature.objects.filter(gemeente_id__in=list(gemeente_ids), status=Vacature.Status.OPEN)
        .annotate(bezet=Count("plaatsingen", filter=lopend))
        .values_list("pk", "beroep", "plaatsen", "bezet", "vaardigheden_vereist")
    )
    uit = []
    for pk, beroep, plaatsen, bezet, vereist in rijen:
        vrij = max(plaatsen - bezet, 0)
        if vrij and beroep:
            uit.append((pk, beroep, vrij, list(vereist or ())))
    return uit


def open_plaatsen_per_beroep(gemeente_ids: Iterable[int]) -> Counter:
    teller: Counter = Counter()
    for _pk, beroep, vrij, _vereist in open_vacatures_met_plaatsen(gemeente_ids):
        teller[beroep] += vrij
    return teller


@dataclass(frozen=True)
class Tekort:
    beroep: str
    label: str
    open_plaatsen: int
    kandidaten: int
    onderdrukt: bool = False  # fewer than KLEINE_AANTALLEN candidates, for aggregate readers

    @property
    def tekort(self) -> int:
        return self.open_plaatsen - self.kandidaten


def _eigen_beroepen(gemeente_ids: set[int]) -> list[tuple[set[str], set[str]]]:
    """Per resident seeking work: (occupations in experience or wishes, no-gos)."""
    profielen = adapter.zoekende_profielen(gemeente_ids=gemeente_ids)
    rijen = list(profielen.values_list("pk", "wens_beroepen", "nogo_beroepen"))
    ervaring: dict = defaultdict(set)
    for profiel_id, beroep in (
        Werkervaring.objects.filter(profiel_id__in=[r[0] for r in rijen])
        .exclude(beroep="")
        .values_list("profiel_id", "beroep")
    ):
        ervaring[profiel_id].add(beroep)
    return [
        (ervaring[pk] | {c for c in wensen or () if c}, {c for c in nogos or () if c})
        for pk, wensen, nogos in rijen
    ]


def _met_verwante(codes: set[str], verwant: dict[str, frozenset[str]]) -> set[str]:
    uit = set(codes)
    for code in codes:
        uit |= verwant.get(code, frozenset())
    return uit


def arbeidsmarkt(
    *, actor: Actor, gemeente_ids: Iterable[int] | None = None, taal: str = "nl"
) -> list[Tekort]:
    """Occupations with more open places than suitable candidates, largest gap first. An actor
    who only reads figures sees candidate counts below KLEINE_AANTALLEN as suppressed, counted as
    KLEINE_AANTALLEN - 1 (so neither the count nor the order reveals them)."""
    _vereis_lezen(actor)
    bereik = _bereik(actor, gemeente_ids)
    vraag = open_plaatsen_per_beroep(bereik)
    if not vraag:
        return []
    inwoners = _eigen_beroepen(bereik)
    alle_codes = set(vraag)
    for eigen, _nogos in inwoners:
        alle_codes |= eigen
    verwant = verwantschap(alle_codes)
    geschikt: Counter = Counter()
    for eigen, nogos in inwoners:
        bereikbaar = _met_verwante(eigen, verwant)
        for code in (bereikbaar & vraag.keys()) - nogos:
            geschikt[code] += 1
    alleen_cijfers = not actor.mag(Bevoegdheid.MATCHEN)
    labels = labels_voor(vraag.keys(), taal)
    rijen = []
    for code, open_plaatsen in vraag.items():
        aantal = geschikt[code]
        onderdrukt = alleen_cijfers and 0 < aantal < KLEINE_AANTALLEN
        if onderdrukt:
            aantal = KLEINE_AANTALLEN - 1
        if open_plaatsen > aantal:
            rijen.append(Tekort(code, labels[code], open_plaatsen, aantal, onderdrukt))
    return sorted(rijen, key=lambda r: (-r.tekort, -r.open_plaatsen, r.label))


@dataclass(frozen=True)
class Ontbrekend:
    vaardigheid: str
    label: str
    in_vacatures: int  # in how many of the occupation's open vacancies it is required


@dataclass(frozen=True)
class Suggestie:
    opleiding: Opleiding
    levert: list[str]  # labels of the missing skills it provides
    leidt_tot_beroep: bool


@dataclass(frozen=True)
class VerborgenMatch:
    beroep: str
    label: str
    open_plaatsen: int
    vacatures: int
    via: list[str]  # labels of the resident's own occupations it is related to
    ontbrekend: list[Ontbrekend] = field(default_factory=list)
    opleidingen: list[Suggestie] = field(default_factory=list)


@dataclass(frozen=True)
class Kansen:
    eigen: list[tuple[str, int]]  # (label, open places) of the resident's own occupations
    eigen_open: int
    verborgen: list[VerborgenMatch]
    heeft_profiel: bool


def verborgen_matches(*, actor: Actor, persoon, taal: str = "nl") -> Kansen:
    """For a resident already opened by the page: related occupations with more demand than
    the resident's own, within the actor's gemeenten (the region the resident can work in)."""
    actor.vereis(Bevoegdheid.MATCHEN)
    profiel = Werkprofiel.objects.filter(persoon_id=persoon.pk).first()
    if profiel is None:
        return Kansen([], 0, [], heeft_profiel=False)
    eigen = set(profiel.ervaringen.exclude(beroep="").values_list("beroep", flat=True))
    eigen |= {c for c in profiel.wens_beroepen if c}
    nogos = {c for c in profiel.nogo_beroepen if c}
    heeft = {c for c in profiel.vaardigheden if c}
    vacatures = open_vacatures_met_plaatsen(actor.gemeente_ids)
    vraag: Counter = Counter()
    per_beroep: dict[str, list[list[str]]] = defaultdict(list)
    for _pk, beroep, vrij, vereist in vacatures:
        vraag[beroep] += vrij
        per_beroep[beroep].append(vereist)
    verwant = verwantschap(eigen)
    eigen_open = sum(vraag[c] for c in eigen)
    via: dict[str, set[str]] = defaultdict(set)
    for code in eigen:
        for ander in verwant.get(code, frozenset()):
            via[ander].add(code)
    gevonden = [
        code for code in via if code not in eigen and code not in nogos and vraag[code] > eigen_open
    ]
    gevonden.sort(key=lambda c: (-vraag[c], c))
    gevonden = gevonden[:MAX_VERBORGEN]
    catalogus = list(Opleiding.objects.filter(gemeente_id=persoon.gemeente_id, actief=True))
    codes = set(eigen) | set(gevonden)
    for code in gevonden:
        for vereist in per_beroep[code]:
            codes.update(vereist)
    labels = labels_voor(codes, taal)
    verborgen = []
    for code in gevonden:
        mist: Counter = Counter()
        for vereist in per_beroep[code]:
            mist.update(set(vereist) - heeft)
        ontbrekend = [
            Ontbrekend(s, labels.get(s, s), n)
            for s, n in sorted(mist.items(), key=lambda i: (-i[1], labels.get(i[0], i[0])))
        ]
        verborgen.append(
            VerborgenMatch(
                beroep=code,
                label=labels[code],
                open_plaatsen=vraag[code],
                vacatures=len(per_beroep[code]),
                via=sorted(labels[c] for c in via[code]),
                ontbrekend=ontbrekend,
                opleidingen=_suggesties(catalogus, code, set(mist), labels),
            )
        )
    return Kansen(
        eigen=sorted(((labels[c], vraag[c]) for c in eigen), key=lambda e: (-e[1], e[0])),
        eigen_open=eigen_open,
        verborgen=verborgen,
        heeft_profiel=True,
    )


def _suggesties(catalogus, beroep: str, mist: set[str], labels) -> list[Suggestie]:
    """Courses that provide a missing skill or lead to the occupation; most missing skills
    covered first."""
    uit = []
    for opleiding in catalogus:
        levert = sorted(mist & set(opleiding.vaardigheden))
        leidt = beroep in opleiding.beroepen
        if levert or leidt:
            uit.append(Suggestie(opleiding, [labels.get(s, s) for s in levert], leidt))
    return sorted(uit, key=lambda s: (-len(s.levert), not s.leidt_tot_beroep, s.opleiding.naam))
