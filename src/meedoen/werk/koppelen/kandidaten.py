"""The adapter between the database and the matching engine: residents' work profiles become
`Kandidaat`s, vacancies and maatschappelijke banen become the engine's `Vacature`s, and the
gemeente's `Werkbeleid` becomes `Gewichten`.

Protected attributes — nationality, ethnicity, religion, gender, age and birth date — are never
read here: every query names the columns it needs (`values_list`), so a Persoon's
`geboortedatum` is not even loaded. A test changes them and checks every score stays the same.

Ids: a Kandidaat's id is the resident's (Persoon) UUID, a Vacature's id the UUID of the vacancy
or baan, as strings.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet

from meedoen.werk.koppelen.taxonomie import locatie, verwantschap
from meedoen.werk.matching.types import Gewichten, Kandidaat
from meedoen.werk.matching.types import Vacature as EngineVacature
from meedoen.werk.models import (
    MaatschappelijkeBaan,
    Vacature,
    Werkbeleid,
    Werkervaring,
    Werkprofiel,
)

# Werkbeleid field -> Gewichten field. The scales differ (0..10 against points), which does not
# matter: the engine divides by the maximum, so only the ratios between weights count.
GEWICHT_VELDEN = {
    "gewicht_beroep_exact": "beroep_exact",
    "gewicht_beroep_verwant": "beroep_verwant",
    "gewicht_vaardigheden": "vaardigheden",
    "gewicht_uren": "uren",
    "gewicht_afstand": "afstand",
    "gewicht_opleiding": "opleiding",
    "gewicht_wensen": "wensen",
}

_PROFIEL_KOLOMMEN = (
    "pk",
    "persoon_id",
    "persoon__postcode",
    "opleidingsniveau",
    "uren_per_week",
    "reisafstand_km",
    "rijbewijs",
    "vaardigheden",
    "wens_beroepen",
    "nogo_beroepen",
)
_VACATURE_KOLOMMEN = (
    "pk",
    "beroep",
    "vaardigheden_vereist",
    "vaardigheden_gewenst",
    "opleidingsniveau_min",
    "uren_per_week",
    "postcode",
    "rijbewijs_nodig",
    "plaatsen",
)
_BAAN_KOLOMMEN = ("pk", "beroep", "uren_per_week", "postcode", "capaciteit")


def gewichten_voor(*, gemeente_id: int) -> Gewichten:
    """The gemeente's weights; the model's defaults when it set none."""
    beleid = Werkbeleid.objects.filter(gemeente_id=gemeente_id).first() or Werkbeleid()
    return Gewichten(**{naar: getattr(beleid, van) for van, naar in GEWICHT_VELDEN.items()})


def _codes(waarden) -> frozenset[str]:
    return frozenset(str(w) for w in waarden or () if w)


def _ervaring_per_profiel(profiel_ids: Iterable) -> dict:
    """profiel id -> {occupation code: years}; several rows of one occupation add up."""
    ervaring: dict = defaultdict(lambda: defaultdict(float))
    rijen = Werkervaring.objects.filter(profiel_id__in=profiel_ids).exclude(beroep="")
    for profiel_id, beroep, jaren in rijen.values_list("profiel_id", "beroep", "jaren"):
        ervaring[profiel_id][beroep] += float(jaren)
    return ervaring


def _kandidaat(rij: tuple, ervaring: dict) -> Kandidaat:
    (pk, persoon_id, postcode, niveau, uren, radius, rijbewijs, vaardigheden, wensen, nogos) = rij
    return Kandidaat(
        id=str(persoon_id),
        beroepen=dict(ervaring.get(pk, {})),
        vaardigheden=_codes(vaardigheden),
        opleidingsniveau=niveau,
        uren_per_week=uren,
        locatie=locatie(postcode),
        reisafstand_km=radius,
        rijbewijs=rijbewijs,
        wensen_beroepen=_codes(wensen),
        nogos=_codes(nogos),
    )


def kandidaten_uit(profielen: QuerySet[Werkprofiel]) -> list[Kandidaat]:
    """Candidates for the given profiles, in two queries whatever their number."""
    rijen = list(profielen.values_list(*_PROFIEL_KOLOMMEN))
    ervaring = _ervaring_per_profiel([r[0] for r in rijen])
    return [_kandidaat(rij, ervaring) for rij in rijen]


def kandidaat_voor(*, persoon) -> Kandidaat | None:
    """The resident as a candidate; None without a work profile."""
    gevonden = kandidaten_uit(Werkprofiel.objects.filter(persoon_id=persoon.pk))
    return gevonden[0] if gevonden else None


def zoekende_profielen(*, gemeente_ids: Iterable[int]) -> QuerySet[Werkprofiel]:
    """Work profiles of residents whose current route seeks work (begeleiding's Route
    `zoekt_werk`), in the given gemeenten."""
    return Werkprofiel.objects.filter(
        gemeente_id__in=list(gemeente_ids),
        persoon__begeleidingsstand__route__zoekt_werk=True,
    )


def vacatures_uit(vacatures: QuerySet[Vacature]) -> list[EngineVacature]:
    return [
        EngineVacature(
            id=str(pk),
            beroep=beroep,
            vaardigheden_vereist=_codes(vereist),
            vaardigheden_gewenst=_codes(gewenst),
            opleidingsniveau_min=niveau,
            uren_per_week=uren,
            locatie=locatie(postcode),
            rijbewijs_nodig=rijbewijs,
            plaatsen=plaatsen,
        )
        for pk, beroep, vereist, gewenst, niveau, uren, postcode, rijbewijs, plaatsen in (
            vacatures.values_list(*_VACATURE_KOLOMMEN)
        )
    ]


def banen_uit(banen: QuerySet[MaatschappelijkeBaan]) -> list[EngineVacature]:
    """Maatschappelijke banen as places: no skills or education asked, capacity as places."""
    return [
        EngineVacature(
            id=str(pk),
            beroep=beroep,
            uren_per_week=uren,
            locatie=locatie(postcode),
            plaatsen=capaciteit,
        )
        for pk, beroep, uren, postcode, capaciteit in banen.values_list(*_BAAN_KOLOMMEN)
    ]


def verwantschap_voor(
    kandidaten: Sequence[Kandidaat], vacatures: Sequence[EngineVacature]
) -> dict[str, frozenset[str]]:
    """The taxonomy's relatedness, for the occupations that occur on either side only."""
    codes = {v.beroep for v in vacatures if v.beroep}
    for k in kandidaten:
        codes.update(k.beroepen)
    return verwantschap(codes)


@dataclass(frozen=True)
class Invoer:
    """Everything the engine needs for one ranking."""

    kandidaten: list[Kandidaat]
    vacatures: list[EngineVacature]
    gewichten: Gewichten
    verwantschap: dict[str, frozenset[str]]


def invoer(
    *, kandidaten: list[Kandidaat], vacatures: list[EngineVacature], gemeente_id: int
) -> Invoer:
    return Invoer(
        kandidaten=kandidaten,
        vacatures=vacatures,
        gewichten=gewichten_voor(gemeente_id=gemeente_id),
        verwantschap=verwantschap_voor(kandidaten, vacatures),
    )
