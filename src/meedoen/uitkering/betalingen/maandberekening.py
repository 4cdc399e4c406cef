"""Making a month's proposals for a whole gemeente as background work. For a large gemeente the
calculation takes about a minute (benchmarks/RESULTS.md), too long for a web request and too long
to wait without seeing anything: the page starts it, the worker does it batch by batch, and the
page follows its progress."""

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.taal import taal
from meedoen.rules.periods import period_problem
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.models import Maandberekening

logger = logging.getLogger(__name__)
S = Maandberekening.Status
DOEL = "voorstellen maken"
# A calculation that shows no progress for this long has lost its worker (stopped, crashed);
# it no longer blocks a new start. One batch takes seconds.
STIL_NA = dt.timedelta(minutes=15)


def _stilgevallen_afsluiten(*, gemeente, maand: dt.date) -> None:
    grens = timezone.now() - STIL_NA
    Maandberekening.objects.filter(
        gemeente=gemeente, maand=maand, status__in=Maandberekening.ACTIEF, gewijzigd_op__lt=grens
    ).update(
        status=S.MISLUKT,
        foutmelding=_(
            "Onderbroken: de achtergrondverwerking gaf 15 minuten geen voortgang. De voorstellen "
            "die al gemaakt waren, blijven staan."
        ),
        gewijzigd_op=timezone.now(),
    )


def _kan_rekenen(maand: dt.date) -> None:
    """A month whose legal amounts the engine does not have (ADR 0003) is refused before
    anything is queued: one message, instead of every household skipped for the same reason."""
    probleem = period_problem(maanden.periode(maand))
    if probleem is None:
        return
    nl, en = probleem
    raise ValidationError(
        _(
            "Over %(maand)s kunnen we nog geen voorstellen maken: %(reden)s Zodra de bedragen "
            "voor die maand in Meedoen staan, kunt u het opnieuw proberen."
        )
        % {
            "maand": maanden.maandnaam(maand),
            "reden": en if taal() == "en" else nl,
        }
    )


def maandberekening_starten(
    *, actor: Actor, gemeente, maand: dt.date, wachtrij: str = "default"
) -> Maandberekening:
    """Queue the month's calculation; the worker picks it up once this is committed. While one
    is queued or running for the same gemeente and month, a second start is refused."""
    maand_.vereis_behandelen(actor, gemeente.pk)
    maand = maanden.maand_van(maand)
    _kan_rekenen(maand)
    fout = ValidationError(
        _(
            "De voorstellen over %(maand)s worden al gemaakt. Wacht tot dat klaar is; "
            "u ziet de voortgang op deze pagina."
        )
        % {"maand": maanden.maandnaam(maand)}
    )
    with transaction.atomic():
        _stilgevallen_afsluiten(gemeente=gemeente, maand=maand)
        if Maandberekening.objects.filter(
            gemeente=gemeente, maand=maand, status__in=Maandberekening.ACTIEF
        ).exists():
            raise fout
        berekening = Maandberekening(gemeente=gemeente, maand=maand, gestart_door=actor.user)
        berekening.full_clean()
        try:
            with transaction.atomic():
                berekening.save()
        except IntegrityError:  # a colleague started it at the same moment
            raise fout from None
        audit_vastleggen(
            actor=actor,
            actie=Actie.AANGEMAAKT,
            doel=DOEL,
            obj=berekening,
            wijzigingen={"maand": [None, maanden.periode(maand)]},
        )
        from meedoen.uitkering.betalingen import tasks

        gebruiker = actor.user.pk if actor.user else None
        berekening_id = str(berekening.pk)
        transaction.on_commit(
            lambda: tasks.maandberekening_taak.using(backend=wachtrij).enqueue(
                berekening_id, gebruiker, actor.request_id
            )
        )
    return berekening


def _bijwerken(berekening_id, **velden) -> None:
    Maandberekening.objects.filter(pk=berekening_id).update(gewijzigd_op=timezone.now(), **velden)


def maandberekening_uitvoeren(*, berekening_id, actor: Actor) -> Maandberekening | None:
    """The background task's work. Only a queued calculation is taken, once."""
    if not Maandberekening.objects.filter(pk=berekening_id, status=S.WACHTRIJ).update(
        status=S.BEZIG, gewijzigd_op=timezone.now()
    ):
        logger.warning("maandberekening %s: niet (meer) in de wachtrij", berekening_id)
        return None
    berekening = Maandberekening.objects.select_related("gemeente").get(pk=berekening_id)

    def voortgang(uitkomst, gedaan: int, totaal: int) -> None:
        _bijwerken(
            berekening_id,
            huishoudens=totaal,
            gedaan=gedaan,
            aangemaakt=uitkomst.aangemaakt,
            al_aanwezig=uitkomst.al_aanwezig,
        )

    try:
        uitkomst = maand_.maand_berekenen(
            actor=actor, gemeente=berekening.gemeente, maand=berekening.maand, voortgang=voortgang
        )
    except ValidationError as exc:
        _bijwerken(berekening_id, status=S.MISLUKT, foutmelding=" ".join(exc.messages))
    except Exception:  # the page must say it stopped; saved batches stay, a new start goes on
        logger.exception("maandberekening %s mislukt", berekening_id)
        _bijwerken(
            berekening_id,
            status=S.MISLUKT,
            foutmelding=_(
                "Er ging iets mis bij het berekenen. De voorstellen die al gemaakt waren, blijven "
                "staan. Start opnieuw om de rest te maken, of neem contact op met de functioneel "
                "beheerder."
            ),
        )
    else:
        _bijwerken(
            berekening_id,
            status=S.KLAAR,
            klaar_op=timezone.now(),
            aangemaakt=uitkomst.aangemaakt,
            al_aanwezig=uitkomst.al_aanwezig,
            overgeslagen=[
                {"besluit": str(besluit.pk), "reden": reden}
                for besluit, reden in uitkomst.overgeslagen
            ],
        )
    berekening.refresh_from_db()
    return berekening
