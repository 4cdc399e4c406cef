"""Finding herzieningen: the system proposes (deciding is in `beslissen.py`).

A paid month is recalculated with the facts known now (a later or corrected income report, the
household as the memberships now say it was). A different amount becomes a Herziening with
status 'voorgesteld' and a plain-Dutch explanation. Nothing is recovered or paid until a
person with UITKERING_BEHANDELEN decides: terugvorderen (with the weighing recorded and a
repayment arrangement above the beslagvrije voet) or afzien (with a reason) for an
overpayment, nabetalen for an underpayment."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from meedoen.clients import selectors as clients_selectors
from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid, Rol
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.money import format_euro_nl, parse_amount
from meedoen.rules.situation import SituationError
from meedoen.uitkering import selectors as uitkering_selectors
from meedoen.uitkering.betalingen.maand import geldend_besluit
from meedoen.uitkering.betalingen.maanden import maandnaam
from meedoen.uitkering.herziening.herberekening import herberekenen
from meedoen.uitkering.models import (
    Betaalvoorstel,
    Herziening,
    Inkomstenopgave,
)

DOEL = "herziening"
BESLIST = (
    Herziening.Status.TERUGVORDEREN,
    Herziening.Status.AFGEZIEN,
    Herziening.Status.NABETALEN,
)


def maand_van(datum: dt.date) -> dt.date:
    return datum.replace(day=1)


def systeem_actor(gemeente: Gemeente) -> Actor:
    """The acting party for a check started by the system (no person): it may calculate for
    this one gemeente and nothing else; audit events name it 'systeem'."""
    return Actor(
        user=None,
        organisatie=None,
        gemeenten=(gemeente,),
        rollen=frozenset({Rol.INKOMENSCONSULENT}),
    )


# Finding --------------------------------------------------------------------------------------


def betaalde_voorstellen():
    return Betaalvoorstel.objects.filter(
        Q(status=Betaalvoorstel.Status.BETAALD) | Q(betaling__isnull=False)
    ).exclude(status=Betaalvoorstel.Status.VERVALLEN)


@dataclass
class Zoekresultaat:
    nieuw: list[Herziening] = field(default_factory=list)
    ongewijzigd: list[Herziening] = field(default_factory=list)
    vervallen: list[Herziening] = field(default_factory=list)
    # Months that could not be recalculated, with the engine's message.
    overgeslagen: list[tuple[Betaalvoorstel, str]] = field(default_factory=list)
    gecontroleerd: int = 0


def _laatst_beslist(voorstel: Betaalvoorstel) -> Herziening | None:
    return (
        Herziening.objects.filter(
            huishouden_id=voorstel.huishouden_id, maand=voorstel.maand, status__in=BESLIST
        )
        .order_by("-beslist_op")
        .first()
    )


def _bedrag(antwoord: dict, sleutel: str = "benefit") -> int:
    return parse_amount(antwoord.get(sleutel) or "0")


@transaction.atomic
def voorstel_controleren(
    *, actor: Actor, voorstel: Betaalvoorstel, resultaat: Zoekresultaat | None = None
) -> Herziening | None:
    """Recalculate one paid month; propose a herziening when the amount differs. Idempotent:
    the same finding twice gives one proposal; a changed finding replaces the open proposal."""
    resultaat = resultaat if resultaat is not None else Zoekresultaat()
    resultaat.gecontroleerd += 1
    maand = voorstel.maand
    huishouden = voorstel.huishouden
    if geldend_besluit(huishouden_id=huishouden.pk, maand=maand) is None:
        return _zonder_recht(actor=actor, voorstel=voorstel, resultaat=resultaat)
    opgave = (
        Inkomstenopgave.objects.filter(huishouden=huishouden, maand=maand)
        .prefetch_related("regels")
        .first()
    )
    herberekend = herberekenen(
        situatie=voorstel.situatie,
        maand=maand,
        aanvrager=voorstel.persoon,
        opgave=opgave,
        leden=clients_selectors.samenstelling_op(huishouden=huishouden, datum=maand),
        geschiedenis=clients_selectors.geschiedenis(huishouden=huishouden),
    )
    open_voorstel = (
        Herziening.objects.select_for_update()
        .filter(huishouden=huishouden, maand=maand, status=Herziening.Status.VOORGESTELD)
        .first()
    )
    if not (herberekend.inkomen_gewijzigd or herberekend.huishouden_gewijzigd):
        return _vervallen_indien_open(actor, open_voorstel, resultaat)
    try:
        antwoord = uitkering_selectors.berekening(actor=actor, situatie=herberekend.situatie)
    except SituationError as exc:
        meldingen = [m["nl"] for fouten in exc.errors.values() for m in fouten]
        resultaat.overgeslagen.append((voorstel, " ".join(meldingen)))
        return open_voorstel
    except ParameterOntbreekt as exc:
        resultaat.overgeslagen.append((voorstel, exc.nl))
        return open_voorstel

    vorige = _laatst_beslist(voorstel)
    if vorige is not None:
        basis_betaald = vorige.juist_cent
        basis_berekend = _bedrag(vorige.berekening.get("nieuw") or {})
    else:
        basis_betaald = voorstel.uitkering_cent
        basis_berekend = _bedrag(voorstel.berekening) if voorstel.berekening else basis_betaald
    nieuw_berekend = _bedrag(antwoord)
    juist = basis_betaald + (nieuw_berekend - basis_berekend)
    verschil = basis_betaald - juist
    if verschil == 0:
        return _vervallen_indien_open(actor, open_voorstel, resultaat)
    if open_voorstel is not None:
        if open_voorstel.juist_cent == juist and open_voorstel.betaald_cent == basis_betaald:
            resultaat.ongewijzigd.append(open_voorstel)
            return open_voorstel
        _vervallen_indien_open(actor, open_voorstel, resultaat)

    uitleg = list(herberekend.uitleg)
    if vorige is not None:
        besloten = timezone.localtime(vorige.beslist_op)
        uitleg.append(
            f"Na de vorige herziening (besloten op {besloten:%d-%m-%Y}) "
            f"was het juiste bedrag over {maandnaam(maand)} {format_euro_nl(basis_betaald)}."
        )
    uitleg.append(
        f"Toen is {format_euro_nl(basis_berekend)} bijstand berekend. Met de gegevens van nu is "
        f"dat {format_euro_nl(nieuw_berekend)}."
    )
    uitleg.append(
        f"Daardoor is over {maandnaam(maand)} {format_euro_nl(abs(verschil))} "
        + ("te veel betaald." if verschil > 0 else "te weinig betaald.")
    )
    herziening = Herziening(
        gemeente_id=voorstel.gemeente_id,
        huishouden=huishouden,
        persoon=voorstel.persoon,
        maand=maand,
        betaalvoorstel=voorstel,
        aanleiding=(
            Herziening.Aanleiding.INKOMSTENOPGAVE
            if herberekend.inkomen_gewijzigd
            else Herziening.Aanleiding.HUISHOUDEN
        ),
        betaald_cent=basis_betaald,
        juist_cent=juist,
        verschil_cent=verschil,
        uitleg=uitleg,
        berekening={
            "oud": voorstel.berekening,
            "nieuw": antwoord,
            "situatie": herberekend.situatie,
        },
    )
    herziening.full_clean()
    herziening.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL,
        obj=herziening,
        persoon_id=herziening.persoon_id,
        wijzigingen={
            "status": [None, herziening.status],
            "maand": [None, maand.isoformat()],
            "verschil_cent": [None, verschil],
        },
    )
    resultaat.nieuw.append(herziening)
    return herziening


def _zonder_recht(
    *, actor: Actor, voorstel: Betaalvoorstel, resultaat: Zoekresultaat
) -> Herziening | None:
    """A paid month for which no decision grants bijstand any more (a later beëindiging with an
    einddatum before it): all that was paid for it is proposed as paid too much. Idempotent."""
    open_voorstel = (
        Herziening.objects.select_for_update()
        .filter(huishouden=voorstel.huishouden, maand=voorstel.maand)
        .exclude(status=Herziening.Status.VERVALLEN)
        .order_by("-aangemaakt_op")
        .first()
    )
    if open_voorstel is not None and open_voorstel.juist_cent == 0:
        resultaat.ongewijzigd.append(open_voorstel)
        return open_voorstel
    if open_voorstel is not None and open_voorstel.status != Herziening.Status.VOORGESTELD:
        betaald = open_voorstel.juist_cent  # what stands after the last decided herziening
    else:
        _vervallen_indien_open(actor, open_voorstel, resultaat)
        betaald = voorstel.uitkering_cent
    if betaald == 0:
        return None
    maandtekst = maandnaam(voorstel.maand)
    herziening = Herziening(
        gemeente_id=voorstel.gemeente_id,
        huishouden=voorstel.huishouden,
        persoon=voorstel.persoon,
        maand=voorstel.maand,
        betaalvoorstel=voorstel,
        aanleiding=Herziening.Aanleiding.BEEINDIGING,
        betaald_cent=betaald,
        juist_cent=0,
        verschil_cent=betaald,
        uitleg=[
            f"De bijstand is beëindigd vóór {maandtekst}. Over {maandtekst} is toch "
            f"{format_euro_nl(betaald)} bijstand betaald.",
            f"Daardoor is over {maandtekst} {format_euro_nl(betaald)} te veel betaald.",
        ],
        berekening={"oud": voorstel.berekening, "nieuw": {}},
    )
    herziening.full_clean()
    herziening.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL,
        obj=herziening,
        persoon_id=herziening.persoon_id,
        wijzigingen={
            "status": [None, herziening.status],
            "maand": [None, voorstel.maand.isoformat()],
            "verschil_cent": [None, betaald],
        },
    )
    resultaat.nieuw.append(herziening)
    return herziening


def na_beeindiging(*, actor: Actor, besluit) -> Zoekresultaat:
    """After a beëindiging: a herziening proposal for every month after the einddatum that was
    already paid. A person decides on it, as on any herziening."""
    resultaat = Zoekresultaat()
    for voorstel in (
        betaalde_voorstellen()
        .filter(huishouden_id=besluit.huishouden_id, maand__gt=besluit.einddatum)
        .select_related("huishouden", "persoon")
        .order_by("maand")
    ):
        _zonder_recht(actor=actor, voorstel=voorstel, resultaat=resultaat)
    return resultaat


def _vervallen_indien_open(actor, herziening, resultaat) -> None:
    if herziening is None:
        return None
    herziening.status = Herziening.Status.VERVALLEN
    herziening.save(update_fields=["status", "gewijzigd_op"])
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=herziening,
        persoon_id=herziening.persoon_id,
        wijzigingen={"status": [Herziening.Status.VOORGESTELD, Herziening.Status.VERVALLEN]},
    )
    resultaat.vervallen.append(herziening)
    return None


def herzieningen_zoeken(
    *,
    actor: Actor | None = None,
    gemeente: Gemeente | None = None,
    maand: dt.date | None = None,
) -> Zoekresultaat:
    """Check every paid month (or only `maand`) of the actor's gemeenten, or of one gemeente
    when the system runs it. Each month is checked in its own transaction."""
    if actor is None:
        if gemeente is None:
            raise ValueError("herzieningen_zoeken needs an actor or a gemeente")
        actor = systeem_actor(gemeente)
        gemeente_ids = {gemeente.pk}
    else:
        actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
        gemeente_ids = set(actor.gemeente_ids)
        if gemeente is not None:
            if gemeente.pk not in gemeente_ids:
                raise Geweigerd("gemeente buiten bereik")
            gemeente_ids = {gemeente.pk}
    voorstellen = betaalde_voorstellen().filter(gemeente_id__in=gemeente_ids)
    if maand is not None:
        voorstellen = voorstellen.filter(maand=maand_van(maand))
    resultaat = Zoekresultaat()
    for voorstel in voorstellen.select_related("persoon", "huishouden").order_by("maand", "id"):
        voorstel_controleren(actor=actor, voorstel=voorstel, resultaat=resultaat)
    return resultaat


def inkomstenopgave_gewijzigd(*, actor: Actor, opgave: Inkomstenopgave) -> Herziening | None:
    """Call after an income report is entered or corrected: if its month was already paid, the
    month is checked again. Returns the proposed herziening, if any."""
    voorstel = (
        betaalde_voorstellen()
        .filter(huishouden_id=opgave.huishouden_id, maand=maand_van(opgave.maand))
        .select_related("persoon", "huishouden")
        .first()
    )
    if voorstel is None:
        return None
    return voorstel_controleren(actor=actor, voorstel=voorstel)


def huishouden_gewijzigd(*, actor: Actor, huishouden, per: dt.date) -> Zoekresultaat:
    """Call after a membership starts or ends on `per`: every paid month from the month of
    `per` is checked again."""
    resultaat = Zoekresultaat()
    voorstellen = (
        betaalde_voorstellen()
        .filter(huishouden=huishouden, maand__gte=maand_van(per))
        .select_related("persoon", "huishouden")
        .order_by("maand")
    )
    for voorstel in voorstellen:
        voorstel_controleren(actor=actor, voorstel=voorstel, resultaat=resultaat)
    return resultaat


def na_huishoudwijziging(*, actor: Actor, huishouden, per: dt.date) -> None:
    """Registered with the clients services: after a membership starts or ends, the paid months
    from then on are checked. The check is the system's (the person who changed the household
    may not handle benefits); what it proposes waits for an inkomensconsulent."""
    if betaalde_voorstellen().filter(huishouden=huishouden, maand__gte=maand_van(per)).exists():
        huishouden_gewijzigd(
            actor=systeem_actor(huishouden.gemeente), huishouden=huishouden, per=per
        )
