"""Reading the betalingen data, limited to the gemeenten the acting person works for. Reading a
list is not audited (like search results); opening one resident's proposal, payslip or
specification is, by the view (`inzage_vastleggen`), and exporting a bank file here."""

import datetime as dt
from uuid import UUID

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum, UUIDField

from meedoen.clients import selectors as clients_selectors
from meedoen.clients.models import Huishouden, Persoon
from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.rules.money import parse_amount

# Who may read proposals, runs and payments: the same as for applications and decisions.
from meedoen.uitkering.aanvraag.selectors import vereis_lezen
from meedoen.uitkering.betalingen.maand import SOORTEN
from meedoen.uitkering.betalingen.voorstellen import zonder_verschil
from meedoen.uitkering.models import (
    Besluit,
    Betaalopdracht,
    Betaalrun,
    Betaalvoorstel,
    Betaling,
    Document,
    Inkomstenopgave,
    Inkomstenregel,
    Maandberekening,
)


def voorstellen(*, actor: Actor) -> QuerySet[Betaalvoorstel]:
    vereis_lezen(actor)
    return Betaalvoorstel.objects.filter(gemeente_id__in=actor.gemeente_ids)


def voorstel(*, actor: Actor, voorstel_id: UUID) -> Betaalvoorstel:
    return (
        voorstellen(actor=actor)
        .select_related("persoon", "besluit", "gemeente", "inkomstenopgave", "goedgekeurd_door")
        .get(pk=voorstel_id)
    )


def te_controleren(*, actor: Actor) -> QuerySet[Betaalvoorstel]:
    return (
        voorstellen(actor=actor)
        .filter(status=Betaalvoorstel.Status.CONCEPT)
        .select_related("persoon")
        .order_by("maand", "persoon__achternaam", "pk")
    )


def betaalruns(*, actor: Actor) -> QuerySet[Betaalrun]:
    vereis_lezen(actor)
    return Betaalrun.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related(
        "gemeente", "samengesteld_door", "geaccordeerd_door"
    )


def betaalrun(*, actor: Actor, run_id: UUID) -> Betaalrun:
    return betaalruns(actor=actor).get(pk=run_id)


def maandberekeningen(*, actor: Actor) -> QuerySet[Maandberekening]:
    vereis_lezen(actor)
    return Maandberekening.objects.filter(gemeente_id__in=actor.gemeente_ids).select_related(
        "gestart_door"
    )


def maandberekening(*, actor: Actor, berekening_id: UUID) -> Maandberekening:
    return maandberekeningen(actor=actor).get(pk=berekening_id)


def laatste_maandberekening(*, actor: Actor, gemeente, maand: dt.date) -> Maandberekening | None:
    return maandberekeningen(actor=actor).filter(gemeente=gemeente, maand=maand).first()


def overgeslagen_met_naam(berekening: Maandberekening) -> list[dict]:
    """The households the calculation skipped, with the resident's name and the reason."""
    besluiten = Besluit.objects.filter(
        gemeente=berekening.gemeente_id,
        pk__in=[regel["besluit"] for regel in berekening.overgeslagen],
    ).select_related("persoon")
    namen = {str(b.pk): b.persoon.volledige_naam for b in besluiten}
    return [
        {"naam": namen.get(regel["besluit"], ""), "reden": regel["reden"]}
        for regel in berekening.overgeslagen
    ]


def te_accorderen(*, actor: Actor) -> QuerySet[Betaalrun]:
    return (
        betaalruns(actor=actor)
        .filter(status=Betaalrun.Status.CONCEPT)
        .exclude(samengesteld_door=actor.user)
    )


def opdrachten(*, run: Betaalrun) -> QuerySet[Betaalopdracht]:
    return (
        run.opdrachten.filter(actief=True)
        .select_related("persoon", "herziening")
        .order_by("persoon__achternaam", "persoon__voornamen", "maand", "pk")
    )


@transaction.atomic
def bankbestand(*, actor: Actor, run_id: UUID) -> Betaalrun:
    """The stored pain.001 file of an executed run; every download is recorded."""
    run = betaalrun(actor=actor, run_id=run_id)
    if not run.pain001:
        raise Betaalrun.DoesNotExist
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEEXPORTEERD,
        doel="bankbestand betaalrun",
        obj=run,
        wijzigingen={"bericht_id": [None, run.bericht_id]},
    )
    return run


def loonstrook(*, actor: Actor, regel_id: UUID) -> Inkomstenregel:
    vereis_lezen(actor)
    # Replaced rows too: their payslips stay evidence of what a paid month was based on.
    regel = Inkomstenregel.alle.select_related("opgave").get(
        pk=regel_id, opgave__gemeente_id__in=actor.gemeente_ids
    )
    if not regel.loonstrook:
        raise Inkomstenregel.DoesNotExist
    return regel


def betaling(*, actor: Actor, betaling_id: UUID) -> Betaling:
    vereis_lezen(actor)
    return Betaling.objects.select_related("persoon").get(
        pk=betaling_id, gemeente_id__in=actor.gemeente_ids
    )


def specificatie_van(*, betaling: Betaling) -> Document | None:
    return (
        Document.objects.filter(soort=Document.Soort.SPECIFICATIE, bron_id=betaling.pk)
        .order_by("-aangemaakt_op")
        .first()
    )


def opgave(*, huishouden, maand: dt.date) -> Inkomstenopgave | None:
    return (
        Inkomstenopgave.objects.filter(huishouden=huishouden, maand=maand)
        .prefetch_related("regels")
        .first()
    )


def vervangen_regels(*, opgave: Inkomstenopgave) -> list[Inkomstenregel]:
    """The rows earlier versions of the opgave had, newest replacement first."""
    return list(
        Inkomstenregel.alle.filter(opgave=opgave, vervangen_op__isnull=False)
        .select_related("persoon", "vervangen_door")
        .order_by("-vervangen_op", "aangemaakt_op", "pk")
    )


def regels_van_voorstel(*, voorstel: Betaalvoorstel) -> list[Inkomstenregel]:
    """The rows of the opgave as they were when the proposal was made: what it was calculated
    (and perhaps paid) on, also after a later correction replaced them."""
    if voorstel.inkomstenopgave_id is None:
        return []
    return list(
        Inkomstenregel.alle.filter(
            opgave_id=voorstel.inkomstenopgave_id, aangemaakt_op__lte=voorstel.aangemaakt_op
        )
        .filter(Q(vervangen_op__isnull=True) | Q(vervangen_op__gt=voorstel.aangemaakt_op))
        .select_related("persoon")
        .order_by("aangemaakt_op", "pk")
    )


# Month overview and worklists -----------------------------------------------------------------


def _geldend(maand: dt.date):
    """Per household (OuterRef "pk"): the soort and einddatum of the decision that applies in
    `maand`, the same rule as maand.geldend_besluit."""
    return Besluit.objects.filter(
        huishouden=OuterRef("pk"),
        status=Besluit.Status.VASTGESTELD,
        soort__in=SOORTEN,
        ingangsdatum__lte=maand,
    ).order_by("-ingangsdatum", "-beslist_op")


def huishoudens_met_bijstand(*, gemeente_ids, maand: dt.date):
    laatste = _geldend(maand)
    return (
        Huishouden.objects.filter(gemeente_id__in=gemeente_ids)
        .annotate(
            besluit_soort=Subquery(laatste.values("soort")[:1]),
            besluit_einde=Subquery(laatste.values("einddatum")[:1]),
            aanvrager_id=Subquery(laatste.values("persoon_id")[:1], output_field=UUIDField()),
        )
        .filter(besluit_soort__in=(Besluit.Soort.TOEKENNING, Besluit.Soort.WIJZIGING))
        .filter(Q(besluit_einde__isnull=True) | Q(besluit_einde__gte=maand))
    )


def ontbrekende_opgaven(*, actor: Actor, maand: dt.date):
    """Households with bijstand in `maand` and no inkomstenopgave for it, with the applicant,
    ordered by the applicant's name (achternaam, then voornamen)."""
    vereis_lezen(actor)
    aanvrager = Persoon.objects.filter(pk=OuterRef("aanvrager_id"))
    return (
        huishoudens_met_bijstand(gemeente_ids=actor.gemeente_ids, maand=maand)
        .exclude(Exists(Inkomstenopgave.objects.filter(huishouden=OuterRef("pk"), maand=maand)))
        .annotate(
            aanvrager_achternaam=Subquery(aanvrager.values("achternaam")[:1]),
            aanvrager_voornamen=Subquery(aanvrager.values("voornamen")[:1]),
        )
        .order_by("aanvrager_achternaam", "aanvrager_voornamen", "pk")
    )


def aanvragers(ids) -> dict:
    return {p.pk: p for p in Persoon.objects.filter(pk__in=list(ids))}


def maandoverzicht(*, actor: Actor, gemeente, maand: dt.date) -> dict:
    vereis_lezen(actor)
    if gemeente.pk not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    met_bijstand = huishoudens_met_bijstand(gemeente_ids=[gemeente.pk], maand=maand)
    opgaven = Inkomstenopgave.objects.filter(gemeente=gemeente, maand=maand).count()
    per_status = dict(
        Betaalvoorstel.objects.filter(gemeente=gemeente, maand=maand)
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    zonder = zonder_verschil(Betaalvoorstel.objects.filter(gemeente=gemeente, maand=maand))
    betaald = Betaling.objects.filter(gemeente=gemeente, maand=maand).aggregate(
        n=Count("pk"), som=Sum("bedrag_cent")
    )
    return {
        "huishoudens": met_bijstand.count(),
        "opgaven": opgaven,
        "per_status": per_status,
        "zonder_verschil": zonder.count(),
        "betaald_aantal": betaald["n"] or 0,
        "betaald_cent": betaald["som"] or 0,
    }


# Dossier panel ----------------------------------------------------------------------------------


def betalingen_van(*, persoon, limiet: int = 12) -> list[Betaling]:
    betalingen = list(
        Betaling.objects.filter(persoon=persoon)
        .select_related("betaalrun", "herziening")
        .order_by("-maand", "-aangemaakt_op")[:limiet]
    )
    documenten = set(
        Document.objects.filter(
            soort=Document.Soort.SPECIFICATIE, bron_id__in=[b.pk for b in betalingen]
        ).values_list("bron_id", flat=True)
    )
    for b in betalingen:
        b.heeft_specificatie = b.pk in documenten
    return betalingen


def betaald_op_naam_van(*, persoon, datum: dt.date) -> Persoon | None:
    """For a partner's (or other member's) dossier: the member in whose name the household is
    paid. The current toekenning's applicant (uitkering.selectors.bijstand_van_huishouden), or,
    after the benefit ended, the member named on the household's latest proposal."""
    from meedoen.uitkering.selectors import bijstand_van_huishouden

    bijstand = bijstand_van_huishouden(persoon=persoon, datum=datum)
    if bijstand is not None and bijstand.toekenning is not None:
        return bijstand.aanvrager
    lid = clients_selectors.huishouden_van(persoon=persoon, datum=datum)
    if lid is None:
        return None
    voorstel = (
        Betaalvoorstel.objects.filter(huishouden=lid.huishouden)
        .exclude(persoon=persoon)
        .exclude(status=Betaalvoorstel.Status.VERVALLEN)
        .select_related("persoon")
        .order_by("-maand")
        .first()
    )
    return voorstel.persoon if voorstel else None


def laatste_voorstel(*, persoon) -> Betaalvoorstel | None:
    return (
        Betaalvoorstel.objects.filter(persoon=persoon)
        .exclude(status=Betaalvoorstel.Status.VERVALLEN)
        .order_by("-maand")
        .first()
    )


def opgaven_van(*, persoon, limiet: int = 6) -> list[Inkomstenopgave]:
    return list(
        Inkomstenopgave.objects.filter(persoon=persoon)
        .prefetch_related("regels__persoon")
        .order_by("-maand")[:limiet]
    )


def bedragen_van(voorstel: Betaalvoorstel) -> dict:
    """A proposal's amounts in eurocent, for the pages (the engine's answer holds text)."""
    antwoord = voorstel.berekening or {}
    return {
        "norm_cent": parse_amount(antwoord.get("norm") or "0"),
        "meegeteld_cent": parse_amount(antwoord.get("income_counted") or "0"),
        "vrijgelaten_cent": parse_amount(antwoord.get("income_disregarded") or "0"),
        "bijstand_cent": parse_amount(antwoord.get("benefit") or "0"),
    }
