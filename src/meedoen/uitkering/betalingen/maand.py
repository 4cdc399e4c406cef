"""The monthly recalculation: from a household's final decision, that month's income and the
vrijlating counters to a `Betaalvoorstel` (status "te controleren") with the difference from the
previous month explained.

Two ways in, one way of building a proposal:

- `voorstel_herberekenen` for one household (after an inkomstenopgave is entered or corrected):
  the full calculation with explanation; a proposal that was not paid yet is superseded
  ("vervallen") and made again, and the later unpaid months follow, because their counters and
  vakantiegeld depend on it. A paid month is never recalculated here: that is a herziening.
- `maand_berekenen` for a whole gemeente and month: every household with a decision that has no
  proposal yet, through the batch engine, in batches that are each one simulation saved in bulk
  in one transaction. The pages start it as a background task (`maandberekening`).

Which decision applies: the latest final (vastgesteld) toekenning, wijziging or beëindiging with
an ingangsdatum on or before the first day of the month; none when that is a beëindiging or its
einddatum lies before the month. A right that starts during a month is paid from the next month;
the part of the first month is set by the consulent (docs/rules.md: pro-rating is left to the
caseworker)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from meedoen.clients.models import HuishoudRol, Lidmaatschap
from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.money import parse_amount
from meedoen.uitkering.betalingen import maanden, rekenen, uitleg, vakantiegeld
from meedoen.uitkering.betalingen import nabetalingen as nabetalingen_
from meedoen.uitkering.betalingen.audit import audit_bulk
from meedoen.uitkering.betalingen.bulk import invoegen
from meedoen.uitkering.betalingen.situatie import Maandgegevens, maandsituatie
from meedoen.uitkering.herziening import verrekening
from meedoen.uitkering.models import (
    Besluit,
    Betaalopdracht,
    Betaalrun,
    Betaalvoorstel,
    Herziening,
    Inkomensbeleid,
    Inkomstenopgave,
    Inkomstenregel,
    Terugvordering,
)

DOEL = "betaalvoorstel"
SOORTEN = (Besluit.Soort.TOEKENNING, Besluit.Soort.WIJZIGING, Besluit.Soort.BEEINDIGING)
LEVEND = ~Q(status=Betaalvoorstel.Status.VERVALLEN)


def vereis_behandelen(actor: Actor, gemeente_id: int) -> None:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


# Which decision --------------------------------------------------------------------------------


def _besluiten(maand: dt.date):
    return (
        Besluit.objects.filter(
            status=Besluit.Status.VASTGESTELD, soort__in=SOORTEN, ingangsdatum__lte=maand
        )
        .select_related("gemeente")
        .order_by("huishouden_id", "ingangsdatum", "beslist_op")
    )


def _geldt(besluit: Besluit | None, maand: dt.date) -> Besluit | None:
    if besluit is None or besluit.soort == Besluit.Soort.BEEINDIGING:
        return None
    if besluit.einddatum is not None and besluit.einddatum < maand:
        return None
    return besluit


def geldend_besluit(*, huishouden_id, maand: dt.date) -> Besluit | None:
    return _geldt(_besluiten(maand).filter(huishouden_id=huishouden_id).last(), maand)


def geldende_besluiten(*, gemeente, maand: dt.date) -> dict:
    laatste = {}
    besluiten = (
        _besluiten(maand)
        .filter(gemeente=gemeente)
        .select_related(None)
        # The month needs the decision's situation, not its calculation or letter data.
        .defer("berekening", "verplichtingen", "briefgegevens", "gronden")
    )
    for besluit in besluiten.iterator(chunk_size=5000):
        besluit.gemeente = gemeente
        laatste[besluit.huishouden_id] = besluit  # ordered: the last one per household wins
    return {h: b for h, b in laatste.items() if _geldt(b, maand) is not None}


# Amounts ---------------------------------------------------------------------------------------


def bedragen(
    *,
    antwoord: dict,
    besluit: Besluit,
    eerder_gereserveerd: int,
    uitbetalen: bool,
    nabetaling: int = 0,
    inhouding: int = 0,
) -> uitleg.Bedragen:
    """uitkering = the engine's benefit + the decision's manual correction (never below 0);
    the vakantiegeld reservation is kept apart; te betalen = uitkering − reservering +
    vakantiegeld paid out + nabetaling − inhouding."""
    bijstand = parse_amount(antwoord["benefit"])
    uitkering = max(0, bijstand + besluit.correctie_cent)
    reservering = min(parse_amount(antwoord["vakantietoeslag_reservering"]), uitkering)
    uitbetaling = eerder_gereserveerd + reservering if uitbetalen else 0
    return uitleg.Bedragen(
        bijstand=bijstand,
        correctie=besluit.correctie_cent,
        uitkering=uitkering,
        reservering=reservering,
        uitbetaling=uitbetaling,
        nabetaling=nabetaling,
        inhouding=inhouding,
        te_betalen=max(0, uitkering - reservering + uitbetaling + nabetaling - inhouding),
    )


def _voor_inhouding(b: uitleg.Bedragen) -> int:
    """What the household would get before deductions (the beslagvrije voet is checked
    against this)."""
    return max(0, b.uitkering - b.reservering + b.uitbetaling + b.nabetaling)


def _voorstel(
    g: Maandgegevens, ms, antwoord: dict, b: uitleg.Bedragen, regels: list[str]
) -> Betaalvoorstel:
    aanvrager = (antwoord.get("disregards") or {}).get("applicant") or {}
    besluit = g.besluit
    return Betaalvoorstel(
        gemeente_id=besluit.gemeente_id,
        huishouden_id=besluit.huishouden_id,
        persoon_id=besluit.persoon_id,
        besluit=besluit,
        inkomstenopgave=g.opgave,
        maand=g.maand,
        uitkering_cent=b.uitkering,
        vakantiegeld_reservering_cent=b.reservering,
        vakantiegeld_uitbetaling_cent=b.uitbetaling,
        nabetaling_cent=b.nabetaling,
        inhouding_cent=b.inhouding,
        te_betalen_cent=b.te_betalen,
        vorige_te_betalen_cent=g.vorige.te_betalen_cent if g.vorige else None,
        verschil_uitleg=regels,
        situatie=ms.situatie,
        berekening=antwoord,
        vrijlating_n_maanden=int(aanvrager.get("work_disregard_months_used_next", 0)),
        vrijlating_r_maanden=int(aanvrager.get("single_parent_disregard_months_used_next", 0)),
        status=Betaalvoorstel.Status.CONCEPT,
    )


def _audit_wijzigingen(voorstel: Betaalvoorstel) -> dict:
    return {
        "maand": [None, voorstel.maand.isoformat()],
        "status": [None, voorstel.status],
        "te_betalen_cent": [voorstel.vorige_te_betalen_cent, voorstel.te_betalen_cent],
    }


# One household ---------------------------------------------------------------------------------


def _partner_id(huishouden_id, maand: dt.date):
    lid = (
        Lidmaatschap.objects.filter(
            huishouden_id=huishouden_id, rol=HuishoudRol.PARTNER, van__lte=maand
        )
        .filter(Q(tot__isnull=True) | Q(tot__gt=maand))
        .values_list("persoon_id", flat=True)
        .first()
    )
    return lid


def _vorige(huishouden_id, maand: dt.date) -> Betaalvoorstel | None:
    return (
        Betaalvoorstel.objects.filter(LEVEND, huishouden_id=huishouden_id, maand__lt=maand)
        .order_by("-maand")
        .first()
    )


def gegevens_laden(*, besluit: Besluit, maand: dt.date) -> Maandgegevens:
    opgave = (
        Inkomstenopgave.objects.filter(huishouden_id=besluit.huishouden_id, maand=maand)
        .prefetch_related("regels")
        .first()
    )
    uitbetaal = vakantiegeld.uitbetaalmaand(besluit.gemeente_id)
    uitbetalen = vakantiegeld.moet_uitbetalen(
        maand=maand,
        uitbetaal=uitbetaal,
        besluit=besluit,
        eindigt=bool(vakantiegeld.eindigt_in(huishouden_ids=[besluit.huishouden_id], maand=maand)),
    )
    eerder = 0
    if uitbetalen:
        eerder = vakantiegeld.eerder_gereserveerd(
            huishouden_ids=[besluit.huishouden_id], maand=maand, uitbetaal=uitbetaal
        ).get(besluit.huishouden_id, 0)
    return Maandgegevens(
        besluit=besluit,
        maand=maand,
        opgave=opgave,
        regels=list(opgave.regels.all()) if opgave else [],
        partner_id=_partner_id(besluit.huishouden_id, maand),
        vorige=_vorige(besluit.huishouden_id, maand),
        eerder_gereserveerd_cent=eerder,
        vakantiegeld_uitbetalen=uitbetalen,
    )


def in_lopende_run(voorstel: Betaalvoorstel) -> Betaalrun | None:
    """The run (not withdrawn) this proposal is a line of, if any."""
    opdracht = (
        Betaalopdracht.objects.filter(betaalvoorstel=voorstel, actief=True)
        .select_related("betaalrun")
        .first()
    )
    return opdracht.betaalrun if opdracht else None


def _vrijgeven(actor: Actor, voorstel: Betaalvoorstel) -> None:
    """A proposal may be superseded while it is in a run that is only composed: its line is
    released and the run's totals follow (the second person then approves the new totals). A
    run that was approved, is running or failed keeps its lines: withdraw it first."""
    run = in_lopende_run(voorstel)
    if run is None:
        return
    run = Betaalrun.objects.select_for_update().get(pk=run.pk)
    if run.status != Betaalrun.Status.CONCEPT:
        raise ValidationError(
            _(
                "Het voorstel over %(maand)s zit in een betaalrun die al is goedgekeurd of "
                "uitgevoerd wordt. De opgave is bewaard, maar het voorstel is nog niet opnieuw "
                "berekend. Trek die betaalrun eerst in en sla daarna deze opgave nog een keer "
                "op: dan berekenen we het voorstel opnieuw."
            )
            % {"maand": maanden.maandnaam(voorstel.maand)}
        )
    opdracht = Betaalopdracht.objects.get(betaalvoorstel=voorstel, actief=True)
    opdracht.actief = False
    opdracht.save(update_fields=["actief", "gewijzigd_op"])
    run.aantal -= 1
    run.totaal_cent -= opdracht.bedrag_cent
    run.save(update_fields=["aantal", "totaal_cent", "gewijzigd_op"])


def _laten_vervallen(actor: Actor, voorstel: Betaalvoorstel) -> None:
    _vrijgeven(actor, voorstel)
    voor = voorstel.status
    voorstel.status = Betaalvoorstel.Status.VERVALLEN
    voorstel.save(update_fields=["status", "gewijzigd_op"])
    # Its deductions no longer count: a recovery it had settled is running again.
    for aflossing in voorstel.aflossingen.select_related("terugvordering"):
        verrekening.terugvordering_status_bijwerken(terugvordering=aflossing.terugvordering)
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=voorstel,
        persoon_id=voorstel.persoon_id,
        wijzigingen={"status": [voor, voorstel.status]},
    )


def _een_maand(actor: Actor, huishouden_id, maand: dt.date) -> Betaalvoorstel | None:
    bestaand = (
        Betaalvoorstel.objects.select_for_update()
        .filter(LEVEND, huishouden_id=huishouden_id, maand=maand)
        .first()
    )
    if bestaand is not None and bestaand.status == Betaalvoorstel.Status.BETAALD:
        return bestaand
    if bestaand is not None:
        _laten_vervallen(actor, bestaand)
    besluit = geldend_besluit(huishouden_id=huishouden_id, maand=maand)
    if besluit is None:
        return None
    g = gegevens_laden(besluit=besluit, maand=maand)
    ms = maandsituatie(g)
    try:
        antwoord = rekenen.een_huishouden(actor=actor, situatie=ms.situatie)
    except rekenen.Rekenfout as exc:
        raise ValidationError(
            _("Het voorstel over %(maand)s kan niet berekend worden: %(reden)s")
            % {"maand": maanden.maandnaam(maand), "reden": exc.tekst}
        ) from exc
    zonder = bedragen(
        antwoord=antwoord,
        besluit=besluit,
        eerder_gereserveerd=g.eerder_gereserveerd_cent,
        uitbetalen=g.vakantiegeld_uitbetalen,
    )
    # A nabetaling that a run pays on its own (or is about to) is not added here as well.
    nabetalingen = nabetalingen_.nog_niet_los(
        verrekening.openstaande_nabetalingen(huishouden=besluit.huishouden)
    )
    nabetaling = verrekening.nabetaling_cent(nabetalingen)
    inhoudingen = verrekening.aflossing_voor_maand(
        huishouden=besluit.huishouden,
        maand=maand,
        te_betalen_cent=_voor_inhouding(zonder) + nabetaling,
    )
    b = bedragen(
        antwoord=antwoord,
        besluit=besluit,
        eerder_gereserveerd=g.eerder_gereserveerd_cent,
        uitbetalen=g.vakantiegeld_uitbetalen,
        nabetaling=nabetaling,
        inhouding=verrekening.inhouding_cent(inhoudingen),
    )
    regels = uitleg.regels(
        g=g,
        ms=ms,
        antwoord=antwoord,
        bedragen=b,
        vakantiegeld_maand=vakantiegeld.uitbetaalmaand(besluit.gemeente_id),
        verrekening=verrekening.uitleg_regels(
            maand=maand, nabetalingen=nabetalingen, inhoudingen=inhoudingen
        ),
    )
    voorstel = _voorstel(g, ms, antwoord, b, regels)
    voorstel.full_clean()
    voorstel.save()
    verrekening.verrekening_vastleggen(
        actor=actor, voorstel=voorstel, nabetalingen=nabetalingen, inhoudingen=inhoudingen
    )
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL,
        obj=voorstel,
        persoon_id=voorstel.persoon_id,
        wijzigingen=_audit_wijzigingen(voorstel),
    )
    return voorstel


@transaction.atomic
def voorstel_herberekenen(*, actor: Actor, huishouden, maand: dt.date) -> Betaalvoorstel | None:
    """Make this month's proposal again (superseding one that was not paid), then the later
    months that were not paid. Returns this month's proposal: a paid one unchanged, or None
    when no decision applies. Raises ValidationError with a clear message when the month
    cannot be calculated or its proposal sits in an approved run."""
    vereis_behandelen(actor, huishouden.gemeente_id)
    maand = maanden.maand_van(maand)
    voorstel = _een_maand(actor, huishouden.pk, maand)
    later = (
        Betaalvoorstel.objects.filter(LEVEND, huishouden_id=huishouden.pk, maand__gt=maand)
        .order_by("maand")
        .values_list("maand", "status")
    )
    for volgende, status in list(later):
        if status == Betaalvoorstel.Status.BETAALD:
            break  # from here on a difference is a herziening
        _een_maand(actor, huishouden.pk, volgende)
    return voorstel


# A whole month ---------------------------------------------------------------------------------


@dataclass
class Maanduitkomst:
    maand: dt.date
    aangemaakt: int = 0
    al_aanwezig: int = 0
    # (besluit, Dutch reason) for households whose month could not be calculated
    overgeslagen: list[tuple[Besluit, str]] = field(default_factory=list)


def _vorige_per_huishouden(gemeente_id: int, maand: dt.date, huishoudens: set) -> dict:
    vorige_maand = maanden.plus(maand, -1)
    uit = {
        v.huishouden_id: v
        for v in Betaalvoorstel.objects.filter(
            LEVEND, gemeente_id=gemeente_id, maand=vorige_maand, huishouden_id__in=list(huishoudens)
        ).iterator(chunk_size=5000)
    }
    ontbrekend = list(huishoudens - set(uit))
    for start in range(0, len(ontbrekend), 500):
        deel = ontbrekend[start : start + 500]
        for v in (
            Betaalvoorstel.objects.filter(LEVEND, huishouden_id__in=deel, maand__lt=vorige_maand)
            .order_by("huishouden_id", "maand")
            .iterator(chunk_size=5000)
        ):
            uit[v.huishouden_id] = v  # the latest month wins
    return uit


def _verrekening_nodig(gemeente_id: int, maand: dt.date) -> set:
    """Households with an open nabetaling or a running recovery: the single-household path
    handles them (with the herziening's verrekening), the batch the rest."""
    nabetalen = Herziening.objects.filter(
        gemeente_id=gemeente_id, status=Herziening.Status.NABETALEN
    ).filter(Q(nabetaald_in__isnull=True) | Q(nabetaald_in__status=Betaalvoorstel.Status.VERVALLEN))
    terugvorderen = Terugvordering.objects.filter(
        gemeente_id=gemeente_id,
        eerste_maand__lte=maand,
        status=Terugvordering.Status.LOPEND,
        # Only a deduction changes the month; a resident who pays back themselves does not.
        wijze=Terugvordering.Wijze.VERREKENEN,
    )
    return set(nabetalen.values_list("huishouden_id", flat=True)) | set(
        terugvorderen.values_list("huishouden_id", flat=True)
    )


def _maandgegevens(gemeente_id: int, maand: dt.date, besluiten: dict) -> list[Maandgegevens]:
    # Only this batch's households: a batch must not read the whole gemeente again.
    huishoudens = set(besluiten)
    ids = list(huishoudens)
    opgaven = {
        o.huishouden_id: o
        for o in Inkomstenopgave.objects.filter(
            gemeente_id=gemeente_id, maand=maand, huishouden_id__in=ids
        )
    }
    regels = defaultdict(list)
    if opgaven:
        for regel in Inkomstenregel.objects.filter(opgave_id__in=[o.pk for o in opgaven.values()]):
            regels[regel.opgave_id].append(regel)
    partners = dict(
        Lidmaatschap.objects.filter(
            gemeente_id=gemeente_id, rol=HuishoudRol.PARTNER, van__lte=maand, huishouden_id__in=ids
        )
        .filter(Q(tot__isnull=True) | Q(tot__gt=maand))
        .values_list("huishouden_id", "persoon_id")
    )
    vorige = _vorige_per_huishouden(gemeente_id, maand, huishoudens)
    uitbetaal = vakantiegeld.uitbetaalmaand(gemeente_id)
    eindigen = vakantiegeld.eindigt_in(huishouden_ids=huishoudens, maand=maand)
    uitbetalen = {
        h: vakantiegeld.moet_uitbetalen(
            maand=maand, uitbetaal=uitbetaal, besluit=b, eindigt=h in eindigen
        )
        for h, b in besluiten.items()
    }
    eerder = {}
    if any(uitbetalen.values()):
        eerder = vakantiegeld.eerder_gereserveerd(
            huishouden_ids=[h for h, ja in uitbetalen.items() if ja],
            maand=maand,
            uitbetaal=uitbetaal,
        )
    lijst = []
    for h, besluit in besluiten.items():
        opgave = opgaven.get(h)
        lijst.append(
            Maandgegevens(
                besluit=besluit,
                maand=maand,
                opgave=opgave,
                regels=regels[opgave.pk] if opgave else [],
                partner_id=partners.get(h),
                vorige=vorige.get(h),
                eerder_gereserveerd_cent=eerder.get(h, 0),
                vakantiegeld_uitbetalen=uitbetalen[h],
            )
        )
    return lijst


# Households per transaction: a batch is one engine simulation and one bulk insert. Small
# enough that progress moves and a failure loses little, large enough to keep the batch
# engine's per-simulation overhead negligible (docs/uitkering-betalingen.md).
PER_BATCH = 2500


def maand_berekenen(*, actor: Actor, gemeente, maand: dt.date, voortgang=None) -> Maanduitkomst:
    """Proposals for every household of the gemeente with a decision for `maand` that has no
    proposal for it yet. Batch by batch, each in its own transaction: when one fails, the batches
    before it stay saved, and a new start only calculates the households still without a
    proposal. `voortgang(uitkomst, gedaan, totaal)` is called after each batch."""
    vereis_behandelen(actor, gemeente.pk)
    maand = maanden.maand_van(maand)
    Inkomensbeleid.objects.get_or_create(gemeente=gemeente)
    uitkomst = Maanduitkomst(maand=maand)
    besluiten = geldende_besluiten(gemeente=gemeente, maand=maand)
    los = _verrekening_nodig(gemeente.pk, maand)
    huishoudens = sorted(besluiten, key=str)
    if voortgang is not None:
        voortgang(uitkomst, 0, len(huishoudens))
    for begin in range(0, len(huishoudens), PER_BATCH):
        deel = huishoudens[begin : begin + PER_BATCH]
        _batch_berekenen(
            actor=actor,
            gemeente=gemeente,
            maand=maand,
            besluiten={h: besluiten[h] for h in deel},
            los=los,
            uitkomst=uitkomst,
        )
        if voortgang is not None:
            voortgang(uitkomst, begin + len(deel), len(huishoudens))
    return uitkomst


@transaction.atomic
def _batch_berekenen(
    *, actor: Actor, gemeente, maand: dt.date, besluiten: dict, los: set, uitkomst: Maanduitkomst
) -> None:
    # One calculation per gemeente at a time: the lock waits for the other's batch to finish,
    # and the households that got a proposal meanwhile are read after it.
    Inkomensbeleid.objects.select_for_update().get(gemeente=gemeente)
    al = set(
        Betaalvoorstel.objects.filter(
            LEVEND, gemeente=gemeente, maand=maand, huishouden_id__in=list(besluiten)
        ).values_list("huishouden_id", flat=True)
    )
    uitkomst.al_aanwezig += len(al)
    batch = {h: b for h, b in besluiten.items() if h not in al and h not in los}

    gegevens = _maandgegevens(gemeente.pk, maand, batch)
    situaties = [maandsituatie(g) for g in gegevens]
    berekend = rekenen.veel_huishoudens(
        situaties=[ms.situatie for ms in situaties], gemeente_code=gemeente.code
    )
    uitbetaalmaand = vakantiegeld.uitbetaalmaand(gemeente.pk)
    nieuw = []
    for g, ms, antwoord, fout in zip(
        gegevens, situaties, berekend.antwoorden, berekend.fouten, strict=True
    ):
        if antwoord is None:
            uitkomst.overgeslagen.append((g.besluit, fout or ""))
            continue
        b = bedragen(
            antwoord=antwoord,
            besluit=g.besluit,
            eerder_gereserveerd=g.eerder_gereserveerd_cent,
            uitbetalen=g.vakantiegeld_uitbetalen,
        )
        regels = uitleg.regels(
            g=g,
            ms=ms,
            antwoord=antwoord,
            bedragen=b,
            vakantiegeld_maand=uitbetaalmaand,
            verrekening=[],
        )
        nieuw.append(_voorstel(g, ms, antwoord, b, regels))
    invoegen(nieuw)
    audit_bulk(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL,
        regels=((v, v.persoon_id, _audit_wijzigingen(v)) for v in nieuw),
    )
    uitkomst.aangemaakt += len(nieuw)

    for h in sorted((set(besluiten) - al) & los, key=str):
        try:
            with transaction.atomic():
                if _een_maand(actor, h, maand) is not None:
                    uitkomst.aangemaakt += 1
        except ValidationError as exc:
            uitkomst.overgeslagen.append((besluiten[h], " ".join(exc.messages)))
