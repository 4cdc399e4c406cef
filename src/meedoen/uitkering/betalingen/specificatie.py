"""The uitkeringsspecificatie: one letter per paid month, saying what was paid and why (norm,
income that counts and that was disregarded, vakantiegeld reserved or paid, deductions, the
amount, and the difference with last month in words).

It is made in the run's background task after the payments are committed, stored as a
`Document` (soort specificatie, `bron_id` = the Betaling) and can be regenerated identically:
everything in it comes from the payment, its proposal and the run's execution date.

The context is plain data (no model instances), so that a pool of processes can render many
letters at once; `processen` > 1 forks that many workers (the benchmark uses the machine's
cores). Letters that exist already are skipped, so a stopped phase can simply be run again."""

import hashlib
import multiprocessing
from collections.abc import Callable

from django.db import connection, connections, transaction
from django.utils import timezone

from meedoen.core.audit.models import Actie
from meedoen.rules.money import parse_amount
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.betalingen.audit import audit_bulk
from meedoen.uitkering.betalingen.bulk import invoegen
from meedoen.uitkering.betalingen.specificatie_pdf import specificatie_als_pdf
from meedoen.uitkering.models import Betaling, Document, Inkomensbeleid

DOEL = "uitkeringsspecificatie"
PER_KEER = 200
STUKS_PER_TAAK = 25


def titel(betaling: Betaling) -> str:
    return f"Uitkeringsspecificatie {maanden.maandnaam(betaling.maand)}"


def context(*, betaling: Betaling, beleid: Inkomensbeleid | None, datum) -> dict:
    """Plain data for the template (strings and integers only)."""
    voorstel = betaling.betaalvoorstel
    persoon = betaling.persoon
    antwoord = voorstel.berekening or {}
    gemeente = betaling.gemeente
    return {
        "gemeente": {"naam": gemeente.naam},
        "beleid": {"telefoonnummer": beleid.telefoonnummer if beleid else ""},
        "titel": titel(betaling),
        "datum": datum,
        "naam": persoon.volledige_naam,
        "adres": [
            " ".join(
                p
                for p in (persoon.straat, f"{persoon.huisnummer}{persoon.huisnummertoevoeging}")
                if p
            ),
            " ".join(p for p in (persoon.postcode, persoon.woonplaats) if p),
        ],
        "maandnaam": maanden.maandnaam(betaling.maand),
        "iban": betaling.iban,
        "norm_cent": parse_amount(antwoord.get("norm") or "0"),
        "meegeteld_cent": parse_amount(antwoord.get("income_counted") or "0"),
        "vrijgelaten_cent": parse_amount(antwoord.get("income_disregarded") or "0"),
        # The decision's manual correction as it worked out this month (the benefit never
        # goes below € 0,00), so that norm − income + correction = the benefit on the letter.
        "correctie_cent": voorstel.uitkering_cent - parse_amount(antwoord.get("benefit") or "0"),
        "uitkering_cent": voorstel.uitkering_cent,
        "reservering_cent": voorstel.vakantiegeld_reservering_cent,
        "uitbetaling_cent": voorstel.vakantiegeld_uitbetaling_cent,
        "nabetaling_cent": voorstel.nabetaling_cent,
        "inhouding_cent": voorstel.inhouding_cent,
        "betaald_cent": betaling.bedrag_cent,
        "uitleg": list(voorstel.verschil_uitleg or []),
    }


def _betalingen(qs):
    return (
        qs.select_related("betaalvoorstel", "persoon", "gemeente")
        .defer("betaalvoorstel__situatie")
        .order_by("pk")
    )


def _datum(run):
    return timezone.localtime(run.uitgevoerd_op).date()


def specificatie_pdf(*, betaling: Betaling) -> bytes:
    beleid = Inkomensbeleid.objects.filter(gemeente_id=betaling.gemeente_id).first()
    return specificatie_als_pdf(
        context(betaling=betaling, beleid=beleid, datum=_datum(betaling.betaalrun))
    )


def specificaties_maken(
    *,
    run,
    actor,
    processen: int = 1,
    voortgang: Callable[[int, int], None] | None = None,
) -> int:
    """Make the missing specifications of a run's periodic payments, PER_KEER at a time, each
    batch in its own transaction. Returns how many were made."""
    beleid = Inkomensbeleid.objects.filter(gemeente_id=run.gemeente_id).first()
    datum = _datum(run)
    bestaand = Document.objects.filter(
        soort=Document.Soort.SPECIFICATIE, bron_id__in=run.betalingen.values("pk")
    ).values("bron_id")
    open_ = _betalingen(
        run.betalingen.filter(soort=Betaling.Soort.PERIODIEK).exclude(pk__in=bestaand)
    )
    totaal = open_.count()
    ids = list(open_.values_list("pk", flat=True))
    gemaakt = 0
    pool = None
    if processen > 1 and totaal > 1:
        # Forked workers never touch the database; the parent's connection is closed first
        # (when no transaction is open) so that no worker even holds its socket.
        if not connection.in_atomic_block:
            connections.close_all()
        pool = multiprocessing.get_context("fork").Pool(processen)
    try:
        for start in range(0, totaal, PER_KEER):
            betalingen = list(
                _betalingen(Betaling.objects.filter(pk__in=ids[start : start + PER_KEER]))
            )
            contexten = [context(betaling=b, beleid=beleid, datum=datum) for b in betalingen]
            if pool is not None:
                pdfs = pool.map(specificatie_als_pdf, contexten, chunksize=STUKS_PER_TAAK)
            else:
                pdfs = [specificatie_als_pdf(c) for c in contexten]
            documenten = [
                Document(
                    gemeente_id=b.gemeente_id,
                    persoon_id=b.persoon_id,
                    soort=Document.Soort.SPECIFICATIE,
                    titel=titel(b),
                    bron_id=b.pk,
                    inhoud=pdf,
                    sha256=hashlib.sha256(pdf).hexdigest(),
                )
                for b, pdf in zip(betalingen, pdfs, strict=True)
            ]
            with transaction.atomic():
                invoegen(documenten)
                audit_bulk(
                    actor=actor,
                    actie=Actie.AANGEMAAKT,
                    doel=DOEL,
                    regels=((d, d.persoon_id, {"titel": [None, d.titel]}) for d in documenten),
                )
            gemaakt += len(documenten)
            if voortgang is not None:
                voortgang(gemaakt, totaal)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return gemaakt
