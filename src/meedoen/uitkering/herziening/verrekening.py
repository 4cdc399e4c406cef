"""What a month's payment proposal adds and deducts because of herzieningen: decided
underpayments ("nabetalen") and deductions for running recoveries (terugvorderingen).

The monthly recalculation (uitkering/betalingen) uses it like this, inside its transaction:

    nabetalingen = openstaande_nabetalingen(huishouden=h)
    nabetaling = nabetaling_cent(nabetalingen)
    inhoudingen = aflossing_voor_maand(huishouden=h, maand=m, te_betalen_cent=bedrag + nabetaling)
    voorstel = Betaalvoorstel(..., nabetaling_cent=nabetaling,
                              inhouding_cent=inhouding_cent(inhoudingen),
                              te_betalen_cent=bedrag + nabetaling - inhouding_cent(inhoudingen))
    voorstel.save()
    verrekening_vastleggen(actor=actor, voorstel=voorstel, nabetalingen=nabetalingen,
                           inhoudingen=inhoudingen)

`te_betalen_cent` is what the household would get this month before any deduction. A proposal
that is later superseded (status vervallen) no longer counts: its nabetalingen are open again
and its deductions are not repaid, so recalculating a month never pays or deducts twice.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q, Sum

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.rules.money import format_euro_nl
from meedoen.uitkering.betalingen.maanden import maandnaam
from meedoen.uitkering.models import Aflossing, Betaalvoorstel, Herziening, Terugvordering

DOEL = "verrekening herziening"
_VERVALLEN = Betaalvoorstel.Status.VERVALLEN


@dataclass(frozen=True)
class Regeling:
    """A repayment arrangement as the month's split sees it (pure data, for the property test)."""

    aflossing_per_maand_cent: int
    rest_cent: int
    beslagvrije_voet_cent: int


@dataclass(frozen=True)
class Inhouding:
    terugvordering: Terugvordering
    bedrag_cent: int


def inhoudingen_verdelen(*, te_betalen_cent: int, regelingen: Sequence[Regeling]) -> list[int]:
    """How much to deduct for each arrangement this month, oldest first.

    The household keeps at least the highest beslagvrije voet of its arrangements (or the whole
    payment when that is lower than the voet): deductions only take what lies above it. No
    arrangement takes more than its monthly amount or what is still owed."""
    if not regelingen:
        return []
    voet = max(r.beslagvrije_voet_cent for r in regelingen)
    ruimte = max(0, te_betalen_cent - voet)
    bedragen = []
    for regeling in regelingen:
        bedrag = max(0, min(regeling.aflossing_per_maand_cent, regeling.rest_cent, ruimte))
        bedragen.append(bedrag)
        ruimte -= bedrag
    return bedragen


def maximale_aflossing_cent(*, maandbedrag_cent: int, beslagvrije_voet_cent: int) -> int:
    """The most that can be deducted from a monthly payment without going below the voet."""
    return max(0, maandbedrag_cent - beslagvrije_voet_cent)


def ingehouden_cent(terugvordering: Terugvordering, *, behalve_maand: dt.date | None = None) -> int:
    """Deducted so far in proposals that still count (not superseded)."""
    aflossingen = terugvordering.aflossingen.exclude(betaalvoorstel__status=_VERVALLEN)
    if behalve_maand is not None:
        aflossingen = aflossingen.exclude(betaalvoorstel__maand=behalve_maand)
    return aflossingen.aggregate(som=Sum("bedrag_cent"))["som"] or 0


def ontvangen_cent(terugvordering: Terugvordering) -> int:
    """Paid by the resident to the gemeente (zelf betalen), reversing entries included."""
    return terugvordering.terugbetalingen.aggregate(som=Sum("bedrag_cent"))["som"] or 0


def afgelost_cent(terugvordering: Terugvordering, *, behalve_maand: dt.date | None = None) -> int:
    """Repaid so far: deductions in proposals that still count plus payments received."""
    return ingehouden_cent(terugvordering, behalve_maand=behalve_maand) + ontvangen_cent(
        terugvordering
    )


def rest_cent(terugvordering: Terugvordering, *, behalve_maand: dt.date | None = None) -> int:
    return max(
        0, terugvordering.bedrag_cent - afgelost_cent(terugvordering, behalve_maand=behalve_maand)
    )


def openstaande_nabetalingen(*, huishouden) -> list[Herziening]:
    """Underpayments decided as 'nabetalen' that are not yet in a proposal that counts."""
    return list(
        Herziening.objects.filter(huishouden=huishouden, status=Herziening.Status.NABETALEN)
        .filter(Q(nabetaald_in__isnull=True) | Q(nabetaald_in__status=_VERVALLEN))
        .order_by("maand", "aangemaakt_op")
    )


def nabetaling_cent(nabetalingen: Sequence[Herziening]) -> int:
    # verschil_cent is negative for an underpayment: paid minus right.
    return sum(-h.verschil_cent for h in nabetalingen if h.verschil_cent < 0)


def lopende_terugvorderingen(*, huishouden, maand: dt.date) -> list[Terugvordering]:
    """Arrangements that deduct in this month: repaid by deduction (not zelf betalen),
    started, not waived, oldest first."""
    return list(
        Terugvordering.objects.filter(
            huishouden=huishouden,
            eerste_maand__lte=maand,
            wijze=Terugvordering.Wijze.VERREKENEN,
        )
        .exclude(status=Terugvordering.Status.KWIJTGESCHOLDEN)
        .order_by("eerste_maand", "aangemaakt_op")
    )


def aflossing_voor_maand(*, huishouden, maand: dt.date, te_betalen_cent: int) -> list[Inhouding]:
    """The deductions for this month's proposal (amounts > 0 only). A live proposal for the same
    month is treated as replaced, so calling this again for a recalculated month is safe."""
    regelingen = []
    for terugvordering in lopende_terugvorderingen(huishouden=huishouden, maand=maand):
        rest = rest_cent(terugvordering, behalve_maand=maand)
        if rest > 0:
            regelingen.append((terugvordering, rest))
    bedragen = inhoudingen_verdelen(
        te_betalen_cent=te_betalen_cent,
        regelingen=[
            Regeling(t.aflossing_per_maand_cent, rest, t.beslagvrije_voet_cent)
            for t, rest in regelingen
        ],
    )
    return [
        Inhouding(terugvordering=t, bedrag_cent=bedrag)
        for (t, _), bedrag in zip(regelingen, bedragen, strict=True)
        if bedrag > 0
    ]


def inhouding_cent(inhoudingen: Sequence[Inhouding]) -> int:
    return sum(i.bedrag_cent for i in inhoudingen)


def verrekening_vastleggen(
    *,
    actor: Actor | None,
    voorstel: Betaalvoorstel,
    nabetalingen: Sequence[Herziening],
    inhoudingen: Sequence[Inhouding],
) -> None:
    """Link the nabetalingen to the saved proposal, write the Aflossing rows and mark a recovery
    'afgelost' once nothing is left. Call in the transaction that saves the proposal."""
    for herziening in nabetalingen:
        herziening.nabetaald_in = voorstel
        herziening.save(update_fields=["nabetaald_in", "gewijzigd_op"])
    for inhouding in inhoudingen:
        aflossing = Aflossing(
            gemeente_id=voorstel.gemeente_id,
            terugvordering=inhouding.terugvordering,
            betaalvoorstel=voorstel,
            bedrag_cent=inhouding.bedrag_cent,
        )
        aflossing.full_clean()
        aflossing.save()
        terugvordering_status_bijwerken(terugvordering=inhouding.terugvordering)
    if nabetalingen or inhoudingen:
        audit_vastleggen(
            actor=actor,
            actie=Actie.GEWIJZIGD,
            doel=DOEL,
            obj=voorstel,
            persoon_id=voorstel.persoon_id,
            wijzigingen={
                "nabetaling_cent": [None, nabetaling_cent(nabetalingen)],
                "inhouding_cent": [None, inhouding_cent(inhoudingen)],
                "herzieningen": [None, [str(h.pk) for h in nabetalingen]],
                "terugvorderingen": [None, [str(i.terugvordering.pk) for i in inhoudingen]],
            },
        )


def terugvordering_status_bijwerken(*, terugvordering: Terugvordering) -> None:
    """Afgelost when the deductions that count and the payments received cover the amount;
    lopend again otherwise (a superseded proposal's deduction, or a reversed payment, no longer
    counts)."""
    if terugvordering.status == Terugvordering.Status.KWIJTGESCHOLDEN:
        return
    nieuw = (
        Terugvordering.Status.AFGELOST
        if rest_cent(terugvordering) == 0
        else Terugvordering.Status.LOPEND
    )
    if nieuw != terugvordering.status:
        terugvordering.status = nieuw
        terugvordering.save(update_fields=["status", "gewijzigd_op"])


def uitleg_regels(
    *, maand: dt.date, nabetalingen: Sequence[Herziening], inhoudingen: Sequence[Inhouding]
) -> list[str]:
    """Plain-Dutch lines for the proposal of `maand`, explaining what was added and deducted
    (letters are always Dutch). Works before and after `verrekening_vastleggen`."""
    regels = [
        f"Nabetaling over {maandnaam(h.maand)}: {format_euro_nl(-h.verschil_cent)}. "
        "U kreeg toen te weinig."
        for h in nabetalingen
        if h.verschil_cent < 0
    ]
    for inhouding in inhoudingen:
        t = inhouding.terugvordering
        over = rest_cent(t, behalve_maand=maand) - inhouding.bedrag_cent
        regels.append(
            f"Inhouding voor de terugvordering over {maandnaam(t.herziening.maand)}: "
            f"{format_euro_nl(inhouding.bedrag_cent)}. Daarna nog terug te betalen: "
            f"{format_euro_nl(max(0, over))}."
        )
    return regels
