"""Does the match score predict what happens? Proposals made in a period, the share that led to
an interview and the share that led to a placement, by score band and by the factors in the
reasons kept at proposal time.

A proposal "led to an interview" when it ever had the status gesprek (a placement always passed
through gesprek, see overgangen.py). Counts are of proposals, and a proposal is one resident:
counts from 1 to KLEINE_AANTALLEN - 1 are suppressed, and so is any share built on them, as on
the Cijfers page."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.rapportage.selectors import KLEINE_AANTALLEN
from meedoen.werk.models import Voorstel, VoorstelStatus

FACTOR_LABELS = {
    "ervaring": _("Ervaring in het beroep"),
    "verwant_beroep": _("Ervaring in een verwant beroep"),
    "geen_ervaring": _("Geen ervaring in (verwant) beroep"),
    "wens": _("Beroep dat de inwoner wil"),
    "alle_vaardigheden": _("Alle gevraagde vaardigheden"),
    "mist_vaardigheid": _("Mist een vereiste vaardigheid"),
    "opleiding_te_laag": _("Opleidingsniveau lager dan gevraagd"),
    "mist_rijbewijs": _("Mist het rijbewijs"),
    "afstand_onbekend": _("Afstand onbekend"),
}

# Lower bounds of the score bands (score 0..100); the last band includes 100.
SCOREBANDEN = (0, 20, 40, 60, 80)


def factoren(redenen) -> set[str]:
    """The factors present in the reasons kept with a proposal (labels in FACTOR_LABELS): only
    those that can be present or absent, not the ones every match has (hours, distance)."""
    gevonden = set()
    for reden in redenen or ():
        if not isinstance(reden, dict):
            continue
        code, p = reden.get("code"), reden.get("parameters") or {}
        if code in {"ervaring", "verwant_beroep", "geen_ervaring", "wens", "mist_rijbewijs"}:
            gevonden.add(code)
        elif code == "mist_vaardigheid":
            gevonden.add("mist_vaardigheid")
        elif code == "vaardigheden" and p.get("van") and p.get("heeft") == p.get("van"):
            gevonden.add("alle_vaardigheden")
        elif code == "opleiding" and p.get("voldoet") is False:
            gevonden.add("opleiding_te_laag")
        elif code == "afstand_onbekend":
            gevonden.add("afstand_onbekend")
    return gevonden


def _getoond(aantal: int) -> int | None:
    return aantal if aantal == 0 or aantal >= KLEINE_AANTALLEN else None


@dataclass(frozen=True)
class Rij:
    label: str
    voorstellen: int
    gesprek: int
    geplaatst: int

    @property
    def voorstellen_getoond(self) -> int | None:
        return _getoond(self.voorstellen)

    @property
    def gesprek_getoond(self) -> int | None:
        return _getoond(self.gesprek)

    @property
    def geplaatst_getoond(self) -> int | None:
        return _getoond(self.geplaatst)

    def _aandeel(self, teller: int) -> float | None:
        if self.voorstellen_getoond is None or _getoond(teller) is None or not self.voorstellen:
            return None
        return round(100 * teller / self.voorstellen, 1)

    @property
    def aandeel_gesprek(self) -> float | None:
        return self._aandeel(self.gesprek)

    @property
    def aandeel_geplaatst(self) -> float | None:
        return self._aandeel(self.geplaatst)


@dataclass(frozen=True)
class Rapport:
    van: dt.date
    tot: dt.date
    totaal: Rij
    per_scoreband: list[Rij]
    per_factor: list[Rij]
    zonder_score: Rij


def band_label(ondergrens: int) -> str:
    index = SCOREBANDEN.index(ondergrens)
    boven = SCOREBANDEN[index + 1] if index + 1 < len(SCOREBANDEN) else 100
    return f"{ondergrens}–{boven}"


def _band(score) -> int:
    return max(g for g in SCOREBANDEN if float(score) >= g)


def uitkomsten(*, actor: Actor, van: dt.date, tot: dt.date, gemeente_ids=None) -> Rapport:
    """Proposals made from `van` up to and including `tot`, in the actor's gemeenten (or the
    given subset of them)."""
    actor.vereis(Bevoegdheid.CIJFERS_LEZEN)
    bereik = actor.gemeente_ids if gemeente_ids is None else actor.gemeente_ids & set(gemeente_ids)
    begin = timezone.make_aware(dt.datetime.combine(van, dt.time.min))
    einde = timezone.make_aware(dt.datetime.combine(tot + dt.timedelta(days=1), dt.time.min))
    gesprek = VoorstelStatus.objects.filter(voorstel=OuterRef("pk"), status=Voorstel.Status.GESPREK)
    rijen = (
        Voorstel.objects.filter(
            gemeente_id__in=bereik, aangemaakt_op__gte=begin, aangemaakt_op__lt=einde
        )
        .annotate(had_gesprek=Exists(gesprek))
        .values_list("score", "redenen", "status", "had_gesprek")
    )
    tellers: dict[tuple[str, object], list[int]] = defaultdict(lambda: [0, 0, 0])
    for score, redenen, status, had_gesprek in rijen.iterator(chunk_size=2000):
        geplaatst = status == Voorstel.Status.GEPLAATST
        sleutels = [("totaal", None)]
        sleutels.append(("band", _band(score)) if score is not None else ("zonder", None))
        sleutels.extend(("factor", code) for code in sorted(factoren(redenen)))
        for sleutel in sleutels:
            teller = tellers[sleutel]
            teller[0] += 1
            teller[1] += bool(had_gesprek or geplaatst)
            teller[2] += geplaatst

    def rij(label, sleutel) -> Rij:
        return Rij(label, *tellers.get(sleutel, (0, 0, 0)))

    aanwezig = [code for code in FACTOR_LABELS if ("factor", code) in tellers]
    return Rapport(
        van=van,
        tot=tot,
        totaal=rij("", ("totaal", None)),
        per_scoreband=[rij(band_label(g), ("band", g)) for g in reversed(SCOREBANDEN)],
        per_factor=[rij(str(FACTOR_LABELS[code]), ("factor", code)) for code in aanwezig],
        zonder_score=rij("", ("zonder", None)),
    )
