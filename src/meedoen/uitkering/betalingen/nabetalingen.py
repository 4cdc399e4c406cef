"""Decided nabetalingen (herziening "nabetalen") that are paid on their own line in a payment
run, because the household gets no monthly payment any more to add them to (its benefit ended,
or no decision applies in the run's month).

A nabetaling is paid exactly once, either way:

- with a monthly proposal (`Herziening.nabetaald_in`, set by herziening.verrekening), or
- on its own (`Betaling.herziening`, one-to-one; `Betaalopdracht.herziening`, at most one
  active line).

The monthly recalculation leaves out a nabetaling that is paid on its own or sits in a run
(`nog_niet_los`), and the run refuses to pay one that a proposal took in meanwhile. Both lock
the herziening first, so the two can never both pay it."""

from collections.abc import Sequence

from django.db.models import Exists, OuterRef, Q

from meedoen.uitkering.models import Besluit, Betaalopdracht, Betaalvoorstel, Betaling, Herziening

SOORTEN = (Besluit.Soort.TOEKENNING, Besluit.Soort.WIJZIGING, Besluit.Soort.BEEINDIGING)


def los_betaald_of_in_run():
    """Per herziening (OuterRef "pk"): paid on its own, or in a run that may still pay it."""
    return Exists(Betaling.objects.filter(herziening=OuterRef("pk"))) | Exists(
        Betaalopdracht.objects.filter(herziening=OuterRef("pk"), actief=True)
    )


def open_nabetalingen():
    """Decided, not (or no longer) in a proposal that counts, not paid on its own, not in a run."""
    return (
        Herziening.objects.filter(status=Herziening.Status.NABETALEN, verschil_cent__lt=0)
        .filter(
            Q(nabetaald_in__isnull=True) | Q(nabetaald_in__status=Betaalvoorstel.Status.VERVALLEN)
        )
        .exclude(los_betaald_of_in_run())
    )


def nog_niet_los(nabetalingen: Sequence[Herziening]) -> list[Herziening]:
    """The nabetalingen a monthly proposal may still take in: locked first, then checked, so a
    run that is paying one at this moment is waited for and then wins."""
    if not nabetalingen:
        return []
    ids = [h.pk for h in nabetalingen]
    list(Herziening.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
    los = set(
        Herziening.objects.filter(pk__in=ids)
        .filter(los_betaald_of_in_run())
        .values_list("pk", flat=True)
    )
    return [h for h in nabetalingen if h.pk not in los]


def rekening(*, huishouden_id) -> Besluit | None:
    """The latest final decision of the household that names an account: its IBAN and name are
    where a nabetaling goes."""
    return (
        Besluit.objects.filter(
            huishouden_id=huishouden_id, status=Besluit.Status.VASTGESTELD, soort__in=SOORTEN
        )
        .exclude(iban="")
        .order_by("-ingangsdatum", "-beslist_op")
        .first()
    )
