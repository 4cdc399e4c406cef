"""Payment runs: compose, approve (four eyes), execute once, withdraw.

    concept --accorderen (another person)--> geaccordeerd --starten--> in uitvoering
    in uitvoering --(background task)--> uitgevoerd | mislukt
    mislukt --starten--> in uitvoering            (try again after fixing the cause)
    concept | geaccordeerd | mislukt --intrekken--> ingetrokken

Composing fixes the lines (`Betaalopdracht`): the approved proposals of the gemeente for the
run's month and earlier that are not paid and not in another run, granted bijzondere
bijstand not yet paid, and decided nabetalingen of households that get no monthly payment in the
run's month (`nabetalingen`). The second person approves exactly those lines and amounts.

Executing (`betaalrun_uitvoeren`, run by the task in `tasks.py`) happens in ONE transaction:
the `Betaling` rows (their unique constraints make paying a household twice for a month
impossible), the proposals marked paid, the pain.001 file stored on the run. Any error rolls
all of it back; the run is then marked mislukt with the reason in a separate transaction, so it
can be tried again. The specifications are made afterwards, in batches (`specificatie`).
Two people approving or starting at the same moment: the row lock lets exactly one through."""

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.betalingen import maanden, nabetalingen, pain001, rekening, specificatie
from meedoen.uitkering.betalingen.audit import audit_bulk
from meedoen.uitkering.betalingen.bulk import invoegen
from meedoen.uitkering.models import (
    Betaalopdracht,
    Betaalrun,
    Betaalvoorstel,
    Betaling,
    BijzondereBijstand,
    Herziening,
    Inkomensbeleid,
    Inkomstenopgave,
)

DOEL = "betaalrun"
S = Betaalrun.Status
logger = logging.getLogger(__name__)


def _vereis(actor: Actor, bevoegdheid: Bevoegdheid, gemeente_id: int) -> None:
    actor.vereis(bevoegdheid)
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def _audit(actor, actie, run: Betaalrun, wijzigingen: dict) -> None:
    audit_vastleggen(actor=actor, actie=actie, doel=DOEL, obj=run, wijzigingen=wijzigingen)


def _rekening_van_gemeente(gemeente) -> Inkomensbeleid:
    beleid = Inkomensbeleid.objects.filter(gemeente=gemeente).first()
    if (
        beleid is None
        or not beleid.rekening_naam.strip()
        or not stdnum_iban.is_valid(beleid.rekening_iban or "")
        or (beleid.rekening_bic and not stdnum_bic.is_valid(beleid.rekening_bic))
    ):
        raise ValidationError(
            _(
                "De rekening van de gemeente is niet (goed) ingevuld. Vraag de functioneel "
                "beheerder om naam, IBAN en BIC in te vullen bij Inkomensbeleid."
            )
        )
    return beleid


# Composing -------------------------------------------------------------------------------------


@dataclass
class Samenstelling:
    run: Betaalrun
    # (who, month, reason) for approved items that could not be taken into the run
    niet_opgenomen: list[tuple[str, dt.date, str]] = field(default_factory=list)


def _in_een_run(model_veld: str):
    return Exists(Betaalopdracht.objects.filter(actief=True, **{model_veld: OuterRef("pk")}))


NAAM = ("persoon__voornamen", "persoon__tussenvoegsel", "persoon__achternaam")


def _naam(rij: dict) -> str:
    return " ".join(rij[veld] for veld in NAAM if rij[veld])


def opgave_na_voorstel(voorstel: str = ""):
    """True when the household's inkomstenopgave for the proposal's month was entered or
    corrected after the proposal was made. That happens when a correction could not recalculate
    the proposal (it sat in an approved run): paying it would pay on the old income.
    `voorstel` is the path to the proposal from the queried model ("" for Betaalvoorstel)."""
    pad = f"{voorstel}__" if voorstel else ""
    return Exists(
        Inkomstenopgave.objects.filter(
            huishouden_id=OuterRef(f"{pad}huishouden_id"),
            maand=OuterRef(f"{pad}maand"),
            gewijzigd_op__gt=OuterRef(f"{pad}aangemaakt_op"),
        )
    )


def _verouderd(maand: dt.date) -> str:
    return _(
        "De inkomstenopgave over %(maand)s is gewijzigd nadat dit voorstel is gemaakt. Sla "
        "de opgave opnieuw op: dan berekenen we het voorstel opnieuw en kunt u het goedkeuren."
    ) % {"maand": maanden.maandnaam(maand)}


def te_betalen_voorstellen(*, gemeente, maand: dt.date):
    return (
        Betaalvoorstel.objects.filter(
            gemeente=gemeente,
            status=Betaalvoorstel.Status.GOEDGEKEURD,
            maand__lte=maand,
            betaling__isnull=True,
        )
        .exclude(_in_een_run("betaalvoorstel"))
        .order_by("maand", "pk")
    )


def te_betalen_bijzondere_bijstand(*, gemeente):
    return (
        BijzondereBijstand.objects.filter(
            gemeente=gemeente,
            status=BijzondereBijstand.Status.TOEGEKEND,
            toegekend_cent__gt=0,
            betaling__isnull=True,
        )
        .exclude(_in_een_run("bijzondere_bijstand"))
        .order_by("beslist_op", "pk")
    )


def te_betalen_nabetalingen(*, gemeente, maand: dt.date) -> list[Herziening]:
    """Open nabetalingen of households without a decision that applies in `maand`: no monthly
    proposal will carry them, so the run pays them on their own line."""
    open_ = (
        nabetalingen.open_nabetalingen()
        .filter(gemeente=gemeente)
        .select_related("persoon")
        .order_by("maand", "aangemaakt_op", "pk")
    )
    return [
        h
        for h in open_
        if maand_.geldend_besluit(huishouden_id=h.huishouden_id, maand=maand) is None
    ]


def _nabetaling_omschrijving(herziening_maand: dt.date, gemeente_naam: str) -> str:
    return f"Nabetaling bijstand {maanden.maandnaam(herziening_maand)} gemeente {gemeente_naam}"


@transaction.atomic
def betaalrun_samenstellen(
    *, actor: Actor, gemeente, maand: dt.date, betaaldatum: dt.date | None = None
) -> Samenstelling:
    _vereis(actor, Bevoegdheid.UITKERING_BEHANDELEN, gemeente.pk)
    maand = maanden.maand_van(maand)
    if betaaldatum is not None and betaaldatum < timezone.localdate():
        raise ValidationError(
            {"betaaldatum": _("Kies een betaaldatum vanaf vandaag, of laat het vak leeg.")}
        )
    _rekening_van_gemeente(gemeente)
    # One composition per gemeente at a time, so two people cannot take the same lines.
    Inkomensbeleid.objects.select_for_update().get(gemeente=gemeente)
    run = Betaalrun(
        gemeente=gemeente,
        maand=maand,
        samengesteld_door=actor.user,
        status=S.CONCEPT,
        betaaldatum=betaaldatum,
    )
    samenstelling = Samenstelling(run=run)
    opdrachten = []
    # Plain values, not model instances: a run can have 50,000 lines.
    voorstellen = te_betalen_voorstellen(gemeente=gemeente, maand=maand).annotate(
        verouderd=opgave_na_voorstel()
    )
    rekeningen = rekening.Rekeningen(gemeente_id=gemeente.pk)
    for rij in voorstellen.values(
        "pk",
        "te_betalen_cent",
        "huishouden_id",
        "persoon_id",
        "maand",
        "besluit__iban",
        "besluit__tenaamstelling",
        "verouderd",
        *NAAM,
    ):
        if rij["verouderd"]:
            samenstelling.niet_opgenomen.append(
                (_naam(rij), rij["maand"], _verouderd(rij["maand"]))
            )
            continue
        iban = rekeningen.voor(
            huishouden_id=rij["huishouden_id"],
            maand=rij["maand"],
            iban=rij["besluit__iban"],
            naam=rij["besluit__tenaamstelling"],
        )[0]
        if rij["te_betalen_cent"] > 0 and not stdnum_iban.is_valid(iban):
            samenstelling.niet_opgenomen.append(
                (_naam(rij), rij["maand"], _("Het besluit heeft geen geldig IBAN."))
            )
            continue
        opdrachten.append(
            Betaalopdracht(
                gemeente=gemeente,
                betaalrun=run,
                soort=Betaling.Soort.PERIODIEK,
                betaalvoorstel_id=rij["pk"],
                huishouden_id=rij["huishouden_id"],
                persoon_id=rij["persoon_id"],
                maand=rij["maand"],
                bedrag_cent=rij["te_betalen_cent"],
            )
        )
    for rij in te_betalen_bijzondere_bijstand(gemeente=gemeente).values(
        "pk", "toegekend_cent", "huishouden_id", "persoon_id", "iban", *NAAM
    ):
        if not stdnum_iban.is_valid(rij["iban"]):
            samenstelling.niet_opgenomen.append(
                (_naam(rij), maand, _("De bijzondere bijstand heeft geen geldig IBAN."))
            )
            continue
        opdrachten.append(
            Betaalopdracht(
                gemeente=gemeente,
                betaalrun=run,
                soort=Betaling.Soort.BIJZONDERE_BIJSTAND,
                bijzondere_bijstand_id=rij["pk"],
                huishouden_id=rij["huishouden_id"],
                persoon_id=rij["persoon_id"],
                maand=maand,
                bedrag_cent=rij["toegekend_cent"],
            )
        )
    for herziening in te_betalen_nabetalingen(gemeente=gemeente, maand=maand):
        besluit = nabetalingen.rekening(huishouden_id=herziening.huishouden_id)
        if besluit is None or not stdnum_iban.is_valid(
            rekeningen.voor(
                huishouden_id=herziening.huishouden_id,
                maand=maand,
                iban=besluit.iban,
                naam=besluit.tenaamstelling,
            )[0]
        ):
            samenstelling.niet_opgenomen.append(
                (
                    herziening.persoon.volledige_naam,
                    herziening.maand,
                    _("Er is geen geldig IBAN voor de nabetaling."),
                )
            )
            continue
        opdrachten.append(
            Betaalopdracht(
                gemeente=gemeente,
                betaalrun=run,
                soort=Betaling.Soort.NABETALING,
                herziening=herziening,
                huishouden_id=herziening.huishouden_id,
                persoon_id=herziening.persoon_id,
                maand=maand,
                bedrag_cent=-herziening.verschil_cent,
            )
        )
    if not opdrachten and samenstelling.niet_opgenomen:
        raise ValidationError(
            [
                _(
                    "Er is niets in de betaalrun gekomen: wat goedgekeurd is, kan nog niet "
                    "betaald worden."
                ),
                *(
                    _("%(naam)s (%(maand)s): %(reden)s")
                    % {"naam": naam, "maand": maanden.maandnaam(wanneer), "reden": reden}
                    for naam, wanneer, reden in samenstelling.niet_opgenomen
                ),
            ]
        )
    if not opdrachten:
        raise ValidationError(
            _(
                "Er is niets te betalen tot en met %(maand)s: er zijn geen goedgekeurde "
                "voorstellen of toegekende bijzondere bijstand die nog niet betaald zijn."
            )
            % {"maand": maanden.maandnaam(maand)}
        )
    run.aantal = sum(1 for o in opdrachten if o.bedrag_cent > 0)
    run.totaal_cent = sum(o.bedrag_cent for o in opdrachten)
    run.full_clean()
    run.save()
    invoegen(opdrachten)
    _audit(
        actor,
        Actie.AANGEMAAKT,
        run,
        {
            "status": [None, run.status],
            "maand": [None, maand.isoformat()],
            "aantal": [None, run.aantal],
            "totaal_cent": [None, run.totaal_cent],
        },
    )
    return samenstelling


# Four eyes -------------------------------------------------------------------------------------


@transaction.atomic
def betaalrun_accorderen(*, actor: Actor, run: Betaalrun) -> Betaalrun:
    _vereis(actor, Bevoegdheid.UITKERING_ACCORDEREN, run.gemeente_id)
    run = Betaalrun.objects.select_for_update().get(pk=run.pk)
    if run.status != S.CONCEPT:
        raise ValidationError(_("Deze betaalrun is al geaccordeerd of afgehandeld."))
    if run.samengesteld_door_id == actor.user.pk:
        raise ValidationError(
            _(
                "U heeft deze betaalrun zelf samengesteld. Een collega moet hem accorderen: "
                "zo kijken er altijd twee mensen naar een betaling."
            )
        )
    if not run.opdrachten.filter(actief=True).exists():
        raise ValidationError(_("Deze betaalrun is leeg. Trek hem in en stel een nieuwe samen."))
    run.status = S.GEACCORDEERD
    run.geaccordeerd_door = actor.user
    run.geaccordeerd_op = timezone.now()
    run.full_clean()
    run.save()
    _audit(actor, Actie.GEWIJZIGD, run, {"status": [S.CONCEPT, S.GEACCORDEERD]})
    return run


@transaction.atomic
def betaalrun_intrekken(*, actor: Actor, run: Betaalrun, reden: str) -> Betaalrun:
    if not (
        actor.mag(Bevoegdheid.UITKERING_BEHANDELEN) or actor.mag(Bevoegdheid.UITKERING_ACCORDEREN)
    ):
        raise Geweigerd(Bevoegdheid.UITKERING_BEHANDELEN)
    if run.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    run = Betaalrun.objects.select_for_update().get(pk=run.pk)
    if run.status not in (S.CONCEPT, S.GEACCORDEERD, S.MISLUKT):
        raise ValidationError(
            _("Een betaalrun die wordt uitgevoerd of is uitgevoerd, kunt u niet intrekken.")
        )
    if not reden.strip():
        raise ValidationError({"reden": _("Schrijf op waarom u de betaalrun intrekt.")})
    voor = run.status
    run.status = S.INGETROKKEN
    run.foutmelding = reden.strip()
    run.save(update_fields=["status", "foutmelding", "gewijzigd_op"])
    run.opdrachten.filter(actief=True).update(actief=False, gewijzigd_op=timezone.now())
    _audit(
        actor,
        Actie.GEWIJZIGD,
        run,
        {"status": [voor, S.INGETROKKEN], "reden": [None, reden.strip()]},
    )
    return run


# Executing -------------------------------------------------------------------------------------


@transaction.atomic
def betaalrun_starten(
    *, actor: Actor, run: Betaalrun, specificaties: bool = True, wachtrij: str = "default"
) -> Betaalrun:
    """Move an approved (or failed) run to 'in uitvoering' and hand it to the background task
    once this is committed. A second start, at the same time or later, is refused. `wachtrij`
    names the task backend (settings.TASKS): "direct" executes it at the commit instead."""
    _vereis(actor, Bevoegdheid.UITKERING_ACCORDEREN, run.gemeente_id)
    run = Betaalrun.objects.select_for_update().get(pk=run.pk)
    if run.status not in (S.GEACCORDEERD, S.MISLUKT):
        raise ValidationError(
            {
                S.CONCEPT: _("Een collega moet de betaalrun eerst accorderen."),
                S.IN_UITVOERING: _("Deze betaalrun wordt al uitgevoerd."),
                S.UITGEVOERD: _(
                    "Deze betaalrun is al uitgevoerd. U kunt het bankbestand opnieuw "
                    "downloaden, maar niet opnieuw betalen."
                ),
                S.INGETROKKEN: _("Deze betaalrun is ingetrokken."),
            }[run.status]
        )
    voor = run.status
    run.status = S.IN_UITVOERING
    run.voortgang = 0
    run.foutmelding = ""
    run.save(update_fields=["status", "voortgang", "foutmelding", "gewijzigd_op"])
    _audit(actor, Actie.GEWIJZIGD, run, {"status": [voor, S.IN_UITVOERING]})
    from meedoen.uitkering.betalingen import tasks

    gebruiker = actor.user.pk if actor.user else None
    run_id = str(run.pk)
    transaction.on_commit(
        lambda: tasks.betaalrun_uitvoeren_taak.using(backend=wachtrij).enqueue(
            run_id, gebruiker, actor.request_id, specificaties
        )
    )
    return run


class _NietMeer(Exception):
    """The run is not (or no longer) waiting to be executed: a second task does nothing."""


class Uitvoerfout(Exception):
    """Why the run cannot be executed (Dutch, for the run page)."""


OPDRACHT_VELDEN = (
    "soort",
    "betaalvoorstel_id",
    "bijzondere_bijstand_id",
    "huishouden_id",
    "persoon_id",
    "maand",
    "bedrag_cent",
    "betaalvoorstel__status",
    "betaalvoorstel__te_betalen_cent",
    "betaalvoorstel__besluit__iban",
    "betaalvoorstel__besluit__tenaamstelling",
    "bijzondere_bijstand__status",
    "bijzondere_bijstand__iban",
    "bijzondere_bijstand__tenaamstelling",
    "herziening_id",
    "herziening__status",
    "herziening__maand",
    "herziening__verschil_cent",
    "herziening__nabetaald_in__status",
    "los_elders",
    "verouderd",
    *NAAM,
)


def _nabetaling_controleren(
    rij: dict, wie: str, rekeningen: rekening.Rekeningen, maand: dt.date
) -> tuple[str, str]:
    """A nabetaling line is paid only while it is still decided, open and the same amount;
    the account is the one of the household's latest decision (or a later change), as when
    composing."""
    nog_open = rij["herziening__status"] == Herziening.Status.NABETALEN and rij[
        "herziening__nabetaald_in__status"
    ] in (None, Betaalvoorstel.Status.VERVALLEN)
    if not nog_open or rij["los_elders"]:
        raise Uitvoerfout(
            _(
                "De nabetaling van %(wie)s is niet meer open: ze is veranderd of gaat mee met "
                "een maandbetaling. Er is niets betaald. Trek de betaalrun in en stel een nieuwe "
                "samen."
            )
            % {"wie": wie}
        )
    if -rij["herziening__verschil_cent"] != rij["bedrag_cent"]:
        raise Uitvoerfout(f"Het bedrag van {wie} is veranderd na het samenstellen.")
    besluit = nabetalingen.rekening(huishouden_id=rij["huishouden_id"])
    if besluit is None:
        raise Uitvoerfout(f"Er is geen geldig IBAN voor de nabetaling van {wie}.")
    iban, naam = rekeningen.voor(
        huishouden_id=rij["huishouden_id"],
        maand=maand,
        iban=besluit.iban,
        naam=besluit.tenaamstelling,
    )
    if not stdnum_iban.is_valid(iban):
        raise Uitvoerfout(f"Er is geen geldig IBAN voor de nabetaling van {wie}.")
    return iban, naam or _naam(rij)


def _betaling(run: Betaalrun, rij: dict, rekeningen: rekening.Rekeningen) -> Betaling | None:
    """The payment for one line, after checking it is still exactly what was approved."""
    wie = f"{_naam(rij)} ({maanden.maandnaam(rij['maand'])})"
    if rij["soort"] == Betaling.Soort.PERIODIEK:
        status = rij["betaalvoorstel__status"]
        if status != Betaalvoorstel.Status.GOEDGEKEURD:
            raise Uitvoerfout(
                f"Het voorstel van {wie} is niet meer goedgekeurd (het is "
                f"{Betaalvoorstel.Status(status).label.lower()}). Trek de betaalrun in en stel "
                "een nieuwe samen."
            )
        if rij["betaalvoorstel__te_betalen_cent"] != rij["bedrag_cent"]:
            raise Uitvoerfout(f"Het bedrag van {wie} is veranderd na het samenstellen.")
        if rij["verouderd"]:
            raise Uitvoerfout(
                _(
                    "De inkomstenopgave van %(wie)s is gecorrigeerd nadat het voorstel is "
                    "gemaakt. Er is niets betaald. Trek de betaalrun in, sla de opgave opnieuw "
                    "op en stel een nieuwe betaalrun samen."
                )
                % {"wie": wie}
            )
        iban, naam = rekeningen.voor(
            huishouden_id=rij["huishouden_id"],
            maand=rij["maand"],
            iban=rij["betaalvoorstel__besluit__iban"],
            naam=rij["betaalvoorstel__besluit__tenaamstelling"],
        )
        naam = naam or _naam(rij)
    elif rij["soort"] == Betaling.Soort.NABETALING:
        iban, naam = _nabetaling_controleren(rij, wie, rekeningen, run.maand)
    else:
        if rij["bijzondere_bijstand__status"] != BijzondereBijstand.Status.TOEGEKEND:
            raise Uitvoerfout(f"De bijzondere bijstand van {wie} is niet meer toegekend.")
        iban = rij["bijzondere_bijstand__iban"]
        naam = rij["bijzondere_bijstand__tenaamstelling"] or _naam(rij)
    if rij["bedrag_cent"] == 0:
        return None  # nothing to transfer; the proposal is still settled
    pk = uuid.uuid4()
    if rij["soort"] == Betaling.Soort.BIJZONDERE_BIJSTAND:
        omschrijving = f"Bijzondere bijstand gemeente {run.gemeente.naam}"
    elif rij["soort"] == Betaling.Soort.NABETALING:
        omschrijving = _nabetaling_omschrijving(rij["herziening__maand"], run.gemeente.naam)
    else:
        omschrijving = f"Bijstand {maanden.maandnaam(rij['maand'])} gemeente {run.gemeente.naam}"
    return Betaling(
        id=pk,
        gemeente_id=run.gemeente_id,
        betaalrun=run,
        huishouden_id=rij["huishouden_id"],
        persoon_id=rij["persoon_id"],
        maand=rij["maand"],
        soort=rij["soort"],
        betaalvoorstel_id=rij["betaalvoorstel_id"],
        bijzondere_bijstand_id=rij["bijzondere_bijstand_id"],
        herziening_id=rij["herziening_id"],
        bedrag_cent=rij["bedrag_cent"],
        iban=(iban or "").replace(" ", "").upper(),
        naam=naam[:70],
        omschrijving=omschrijving,
        end_to_end_id=pk.hex,
    )


def _betalen(run_id, actor: Actor) -> Betaalrun:
    with transaction.atomic():
        run = Betaalrun.objects.select_for_update().select_related("gemeente").get(pk=run_id)
        if run.status != S.IN_UITVOERING:
            raise _NietMeer(run.status)
        beleid = _rekening_van_gemeente(run.gemeente)
        lijnen = run.opdrachten.filter(actief=True)
        # Lock what is paid, then read it: it must still be exactly what was approved.
        list(
            Betaalvoorstel.objects.select_for_update()
            .filter(opdrachten__in=lijnen)
            .values_list("pk", flat=True)
        )
        list(
            BijzondereBijstand.objects.select_for_update()
            .filter(betaalopdrachten__in=lijnen)
            .values_list("pk", flat=True)
        )
        list(
            Herziening.objects.select_for_update()
            .filter(betaalopdrachten__in=lijnen)
            .values_list("pk", flat=True)
        )
        rekeningen = rekening.Rekeningen(gemeente_id=run.gemeente_id)
        betalingen = [
            betaling
            for rij in lijnen.annotate(
                verouderd=opgave_na_voorstel("betaalvoorstel"),
                los_elders=Exists(Betaling.objects.filter(herziening_id=OuterRef("herziening_id"))),
            )
            .order_by("maand", "pk")
            .values(*OPDRACHT_VELDEN)
            if (betaling := _betaling(run, rij, rekeningen)) is not None
        ]
        invoegen(betalingen)
        Betaalvoorstel.objects.filter(opdrachten__in=lijnen).update(
            status=Betaalvoorstel.Status.BETAALD, gewijzigd_op=timezone.now()
        )
        nu = timezone.now()
        vandaag = timezone.localdate()
        run.bericht_id = f"MDN{run.pk.hex}"
        run.pain001 = (
            pain001.bouw(
                bericht_id=run.bericht_id,
                betaalinfo_id=f"{run.maand:%Y%m}-{run.pk.hex[:28]}",
                aangemaakt_op=timezone.localtime(nu),
                betaaldatum=max(run.betaaldatum or vandaag, vandaag),
                debiteur=pain001.Rekening(
                    naam=beleid.rekening_naam, iban=beleid.rekening_iban, bic=beleid.rekening_bic
                ),
                overboekingen=[
                    pain001.Overboeking(
                        end_to_end_id=b.end_to_end_id,
                        bedrag_cent=b.bedrag_cent,
                        naam=b.naam,
                        iban=b.iban,
                        omschrijving=b.omschrijving,
                        wie=f"{b.naam} ({maanden.maandnaam(b.maand)})",
                    )
                    for b in betalingen
                ],
            )
            if betalingen
            else None
        )
        run.status = S.UITGEVOERD
        run.uitgevoerd_op = nu
        run.aantal = len(betalingen)
        run.totaal_cent = sum(b.bedrag_cent for b in betalingen)
        run.voortgang = 50
        run.save()
        _audit(
            actor,
            Actie.GEWIJZIGD,
            run,
            {
                "status": [S.IN_UITVOERING, S.UITGEVOERD],
                "aantal": [None, run.aantal],
                "totaal_cent": [None, run.totaal_cent],
            },
        )
        audit_bulk(
            actor=actor,
            actie=Actie.AANGEMAAKT,
            doel=DOEL,
            regels=(
                (
                    b,
                    b.persoon_id,
                    {"maand": [None, b.maand.isoformat()], "bedrag_cent": [None, b.bedrag_cent]},
                )
                for b in betalingen
            ),
        )
        return run


def _mislukt(run_id, actor: Actor, melding: str) -> None:
    with transaction.atomic():
        run = Betaalrun.objects.select_for_update().get(pk=run_id)
        run.status = S.MISLUKT
        run.foutmelding = melding
        run.voortgang = 0
        run.save(update_fields=["status", "foutmelding", "voortgang", "gewijzigd_op"])
        _audit(
            actor,
            Actie.GEWIJZIGD,
            run,
            {"status": [S.IN_UITVOERING, S.MISLUKT], "foutmelding": [None, melding]},
        )


def _zet_voortgang(run_id, procent: int) -> None:
    Betaalrun.objects.filter(pk=run_id).update(voortgang=procent)


def betaalrun_uitvoeren(
    *, run_id, actor: Actor, specificaties: bool = True, processen: int = 1
) -> Betaalrun | None:
    """The background task's work: pay (one transaction), then the specifications."""
    try:
        run = _betalen(run_id, actor)
    except _NietMeer:
        logger.warning("betaalrun %s: niet (meer) in uitvoering, niets gedaan", run_id)
        return None
    except (Uitvoerfout, pain001.Pain001Fout) as exc:
        _mislukt(run_id, actor, str(exc))
        return None
    except ValidationError as exc:
        _mislukt(run_id, actor, " ".join(exc.messages))
        return None
    except IntegrityError:
        logger.exception("betaalrun %s: dubbele betaling geweigerd", run_id)
        _mislukt(
            run_id,
            actor,
            "De database weigerde een betaling omdat een huishouden die maand al betaald is. "
            "Er is niets betaald. Trek de betaalrun in en stel een nieuwe samen.",
        )
        return None
    except Exception:  # any failure must leave nothing paid and a run that can be retried
        logger.exception("betaalrun %s mislukt", run_id)
        _mislukt(
            run_id,
            actor,
            "Er ging iets mis bij het uitvoeren. Er is niets betaald. Probeer het opnieuw of "
            "neem contact op met de functioneel beheerder.",
        )
        return None
    if specificaties and run.aantal:

        def voortgang(gemaakt: int, totaal: int) -> None:
            _zet_voortgang(run.pk, 50 + (50 * gemaakt) // max(totaal, 1))

        specificatie.specificaties_maken(
            run=run, actor=actor, processen=processen, voortgang=voortgang
        )
    _zet_voortgang(run.pk, 100)
    run.voortgang = 100
    return run
