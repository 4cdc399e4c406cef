"""Allocation: a proposal of who goes where, for a set of places (the maatschappelijke banen with
free places, or chosen vacancies) and the residents who seek work in one gemeente.

The matching engine's `alloceer` (OR-Tools min-cost flow) maximises the total score under the
places' free capacity and each resident's travel radius; this module turns the database into
engine input (through the matching part's adapter), and the engine's answer into lines a
caseworker reads: who, where, score, reasons, and for whoever gets no place, why. Nothing is
written here: a person confirms or changes each line, and confirmed lines become proposals
(`bevestigen`), never placements."""

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.banen import selectors
from meedoen.werk.banen.services.plaatsingen import overlappend
from meedoen.werk.koppelen import kandidaten as adapter
from meedoen.werk.koppelen.redenen import om_op_te_slaan, teksten
from meedoen.werk.koppelen.services import voorstel_doen
from meedoen.werk.matching import Match, alloceer, score_paar, top_vacatures, uitgesloten_omdat
from meedoen.werk.matching.allocatie import MIN_SCORE
from meedoen.werk.models import MaatschappelijkeBaan, Plaatsing, Vacature

BANEN = "banen"
VACATURES = "vacatures"


@dataclasses.dataclass(frozen=True)
class Plek:
    id: str
    soort: str  # BANEN or VACATURES
    titel: str
    organisatie: str
    vrij: int  # free places now: the capacity the allocation may fill


@dataclasses.dataclass(frozen=True)
class Regel:
    persoon_id: str
    naam: str
    plek_id: str | None
    score: float | None
    redenen: list[str]
    waarom_geen_plek: str = ""


@dataclasses.dataclass(frozen=True)
class Verdeelvoorstel:
    plekken: dict[str, Plek]
    regels: list[Regel]
    totaal_score: float
    geplaatst: int
    plaatsen: int
    open_plaatsen: dict[str, int]
    bewezen_optimaal: bool

    @property
    def niet_geplaatst(self) -> int:
        return len(self.regels) - self.geplaatst


# Input ---------------------------------------------------------------------------------------


def _vrij_per_vacature(vacatures: Iterable[Vacature], vandaag: dt.date) -> dict:
    ids = [v.pk for v in vacatures]
    bezet = Counter(
        Plaatsing.objects.filter(overlappend(vandaag, None), vacature_id__in=ids).values_list(
            "vacature_id", flat=True
        )
    )
    return {v.pk: max(v.plaatsen - bezet[v.pk], 0) for v in vacatures}


def plekken_van(
    *, actor: Actor, gemeente, soort: str, vacature_ids: Iterable = (), vandaag: dt.date
) -> dict[str, Plek]:
    """The places of one gemeente with their free capacity, in a stable order."""
    if soort == BANEN:
        banen = selectors.banen(actor=actor, vandaag=vandaag, alleen_vrij=True).filter(
            gemeente=gemeente
        )
        return {
            str(b.pk): Plek(str(b.pk), BANEN, b.titel, b.gastorganisatie, b.vrij) for b in banen
        }
    vacatures = list(
        selectors.open_vacatures(actor=actor).filter(gemeente=gemeente, pk__in=list(vacature_ids))
    )
    vrij = _vrij_per_vacature(vacatures, vandaag)
    return {
        str(v.pk): Plek(str(v.pk), VACATURES, v.titel, v.werkgever.naam, vrij[v.pk])
        for v in vacatures
        if vrij[v.pk] > 0
    }


def zoekende_profielen(*, actor: Actor, gemeente, vandaag: dt.date):
    """Work profiles of residents seeking work in the gemeente, without a running placement."""
    actor.vereis(Bevoegdheid.MATCHEN)
    if gemeente.pk not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    aan_het_werk = Plaatsing.objects.filter(
        overlappend(vandaag, None), beeindigingsreden=""
    ).values("persoon_id")
    return (
        adapter.zoekende_profielen(gemeente_ids=[gemeente.pk])
        .exclude(persoon_id__in=aan_het_werk)
        .select_related("persoon")
        .order_by("persoon__achternaam", "persoon__voornamen")
    )


def _engine_plekken(plekken: Mapping[str, Plek], soort: str):
    ids = list(plekken)
    if soort == BANEN:
        rijen = adapter.banen_uit(MaatschappelijkeBaan.objects.filter(pk__in=ids))
    else:
        rijen = adapter.vacatures_uit(Vacature.objects.filter(pk__in=ids))
    # Only the free places may be filled, not the whole capacity.
    per_id = {r.id: dataclasses.replace(r, plaatsen=plekken[r.id].vrij) for r in rijen}
    return [per_id[i] for i in ids if i in per_id]


# The proposal --------------------------------------------------------------------------------


def _waarom_geen_plek(beste: Match | None, plekken: Mapping[str, Plek]) -> str:
    if not plekken:
        return _("Er zijn geen plekken met vrije plaatsen.")
    if beste is None:
        return _(
            "Geen plek binnen de reisafstand die de inwoner wil afleggen, of alleen werk dat "
            "de inwoner niet wil doen."
        )
    plek = plekken[beste.vacature_id]
    if beste.score < MIN_SCORE:
        return _("De best passende plek (%(titel)s) scoort %(score)s, minder dan %(drempel)s.") % {
            "titel": plek.titel,
            "score": beste.score,
            "drempel": int(MIN_SCORE),
        }
    return _(
        "De plekken die passen (het best: %(titel)s, score %(score)s) zijn gegeven aan "
        "inwoners voor wie ze samen meer opleveren."
    ) % {"titel": plek.titel, "score": beste.score}


def voorstel_berekenen(
    *, actor: Actor, gemeente, soort: str, vacature_ids: Iterable = (), vandaag: dt.date
) -> Verdeelvoorstel:
    actor.vereis(Bevoegdheid.MATCHEN)
    plekken = plekken_van(
        actor=actor, gemeente=gemeente, soort=soort, vacature_ids=vacature_ids, vandaag=vandaag
    )
    profielen = zoekende_profielen(actor=actor, gemeente=gemeente, vandaag=vandaag)
    namen = {str(p.persoon_id): p.persoon.volledige_naam for p in profielen}
    kandidaten = adapter.kandidaten_uit(profielen)
    engine_plekken = _engine_plekken(plekken, soort)
    invoer = adapter.invoer(
        kandidaten=kandidaten, vacatures=engine_plekken, gemeente_id=gemeente.pk
    )
    uitkomst = alloceer(kandidaten, engine_plekken, invoer.gewichten, invoer.verwantschap)
    per_kandidaat = {k.id: k for k in kandidaten}
    per_plek = {v.id: v for v in engine_plekken}
    toegewezen = {t.kandidaat_id: t for t in uitkomst.toewijzingen}
    zonder = [per_kandidaat[k] for k in uitkomst.niet_geplaatst]
    beste = top_vacatures(
        zonder, engine_plekken, invoer.gewichten, invoer.verwantschap, k=1, met_redenen=False
    )
    regels = []
    for kandidaat in kandidaten:
        t = toegewezen.get(kandidaat.id)
        if t is None:
            eerste = (beste.get(kandidaat.id) or [None])[0]
            regels.append(
                Regel(
                    kandidaat.id,
                    namen[kandidaat.id],
                    None,
                    None,
                    [],
                    _waarom_geen_plek(eerste, plekken),
                )
            )
            continue
        match = score_paar(
            kandidaat, per_plek[t.vacature_id], invoer.gewichten, invoer.verwantschap
        )
        regels.append(
            Regel(kandidaat.id, namen[kandidaat.id], t.vacature_id, t.score, teksten(match.redenen))
        )
    regels.sort(
        key=lambda r: (r.plek_id is None, plekken[r.plek_id].titel if r.plek_id else "", r.naam)
    )
    return Verdeelvoorstel(
        plekken=plekken,
        regels=regels,
        totaal_score=uitkomst.totaal_score,
        geplaatst=uitkomst.geplaatst,
        plaatsen=uitkomst.plaatsen,
        open_plaatsen=uitkomst.open_plaatsen,
        bewezen_optimaal=uitkomst.bewezen_optimaal,
    )


# Confirming ----------------------------------------------------------------------------------


@transaction.atomic
def bevestigen(
    *,
    actor: Actor,
    gemeente,
    soort: str,
    keuzes: Mapping[str, str],
    vacature_ids: Iterable = (),
    vandaag: dt.date,
) -> list:
    """Turn the confirmed lines (resident id -> place id, as the caseworker left them) into
    proposals, all or none. The free capacity holds for the confirmed lines too; a place the
    caseworker chose by hand gets its own score and reasons (also when the engine would have
    excluded the pair: a person decided, and the reasons say why it scores as it does)."""
    actor.vereis(Bevoegdheid.MATCHEN)
    plekken = plekken_van(
        actor=actor, gemeente=gemeente, soort=soort, vacature_ids=vacature_ids, vandaag=vandaag
    )
    onbekend = [p for p in keuzes.values() if p not in plekken]
    if onbekend:
        raise ValidationError(_("Een gekozen plek is niet meer vrij. Maak het voorstel opnieuw."))
    te_vol = [
        plekken[p].titel
        for p, aantal in Counter(keuzes.values()).items()
        if aantal > plekken[p].vrij
    ]
    if te_vol:
        raise ValidationError(
            _("Meer inwoners gekozen dan er plaatsen vrij zijn bij: %(plekken)s.")
            % {"plekken": ", ".join(sorted(te_vol))}
        )
    profielen = zoekende_profielen(actor=actor, gemeente=gemeente, vandaag=vandaag).filter(
        persoon_id__in=list(keuzes)
    )
    personen = {str(p.persoon_id): p.persoon for p in profielen}
    if set(keuzes) - set(personen):
        raise ValidationError(_("Een gekozen inwoner zoekt geen werk meer of is al geplaatst."))
    kandidaten = {k.id: k for k in adapter.kandidaten_uit(profielen)}
    engine_plekken = {v.id: v for v in _engine_plekken(plekken, soort)}
    invoer = adapter.invoer(
        kandidaten=list(kandidaten.values()),
        vacatures=list(engine_plekken.values()),
        gemeente_id=gemeente.pk,
    )
    modellen = _plek_modellen(soort, set(keuzes.values()))
    voorstellen = []
    for persoon_id, plek_id in keuzes.items():
        kandidaat, plek = kandidaten[persoon_id], engine_plekken[plek_id]
        match = score_paar(kandidaat, plek, invoer.gewichten, invoer.verwantschap)
        redenen = om_op_te_slaan(match) if match else _uitgesloten(kandidaat, plek)
        doel = {"baan" if soort == BANEN else "vacature": modellen[plek_id]}
        try:
            voorstellen.append(
                voorstel_doen(
                    actor=actor,
                    persoon=personen[persoon_id],
                    score=match.score if match else None,
                    redenen=redenen,
                    toelichting=_("Uit het verdeelvoorstel."),
                    **doel,
                )
            )
        except ValidationError as exc:
            raise ValidationError(
                f"{personen[persoon_id].volledige_naam}: {' '.join(exc.messages)}"
            ) from exc
    return voorstellen


def _plek_modellen(soort: str, ids: set[str]) -> dict:
    model = MaatschappelijkeBaan if soort == BANEN else Vacature
    return {str(p.pk): p for p in model.objects.filter(pk__in=list(ids))}


def _uitgesloten(kandidaat, plek) -> list[dict]:
    reden = uitgesloten_omdat(kandidaat, plek)
    if reden is None:
        return []
    return [{"code": reden.code, "parameters": reden.params, "tekst": " ".join(teksten([reden]))}]
