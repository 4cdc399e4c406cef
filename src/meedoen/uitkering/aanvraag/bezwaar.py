"""Bezwaar against the decision on an application: recording that a bezwaarschrift came in (with
the date it was received), recording the beslissing op bezwaar (with its date and outcome), and,
after a (partly) upheld bezwaar, revoking the decision and taking the application back into
investigation for a new one (heroverweging, Awb art. 7:11).

Each step is a status change along the transition table (statusflow.OVERGANGEN), so it locks
the application, appends an AanvraagStatus row whose reason says what happened in words, and
records an audit event with the dates and the outcome as separate facts. The same facts are
kept as data on a `Bezwaar` row, in the same transaction.

The bezwaartermijn is 6 weeks (Awb art. 6:7), starting the day after the letter's date (art.
6:8). A bezwaarschrift that arrives later is still recorded (the law asks the gemeente to judge
whether the delay is excusable, art. 6:11); the reason row and the audit event say it was late.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor
from meedoen.ui.templatetags.mdn import datum as datum_tekst
from meedoen.uitkering.aanvraag.services import status_wijzigen, vereis_behandelen
from meedoen.uitkering.models import Aanvraag, Besluit, Bezwaar

S = Aanvraag.Status
BEZWAARTERMIJN = dt.timedelta(weeks=6)  # Awb art. 6:7
UITKOMSTEN_MET_BEZWAAR = frozenset({S.TOEGEKEND, S.AFGEWEZEN, S.BUITEN_BEHANDELING})
# These changes have their own forms (with dates and an outcome); the plain status form leaves
# them out.
EIGEN_FORMULIER = frozenset(
    {(van, S.BEZWAAR) for van in UITKOMSTEN_MET_BEZWAAR}
    | {(S.BEZWAAR, S.BEZWAAR_AFGEHANDELD), (S.BEZWAAR_AFGEHANDELD, S.IN_ONDERZOEK)}
)

# The outcomes live on the model; kept here under their old name for callers.
Uitkomst = Bezwaar.Uitkomst


def _vergrendeld(aanvraag: Aanvraag) -> Aanvraag:
    """The application as it is now, locked: checks never rest on a stale copy, and of two
    people recording the same step at once the second waits and is then refused."""
    return Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)


def laatste_besluit(aanvraag: Aanvraag) -> Besluit | None:
    """The final decision the bezwaar is against."""
    return (
        aanvraag.besluiten.filter(status=Besluit.Status.VASTGESTELD)
        .order_by("-beslist_op", "-pk")
        .first()
    )


def laatste_bezwaar(aanvraag: Aanvraag) -> Bezwaar | None:
    return aanvraag.bezwaren.order_by("-ontvangen_op", "-aangemaakt_op").first()


def kan_heroverwegen(aanvraag: Aanvraag) -> bool:
    """After a (partly) upheld bezwaar whose decision was not yet revoked."""
    if aanvraag.status != S.BEZWAAR_AFGEHANDELD:
        return False
    bezwaar = laatste_bezwaar(aanvraag)
    return bezwaar is not None and bezwaar.gegrond and bezwaar.heroverweging_op is None


def lopende_heroverweging(aanvraag: Aanvraag) -> Bezwaar | None:
    """The upheld bezwaar whose decision was revoked while the new decision is still open."""
    if aanvraag.status not in (S.INGEDIEND, S.IN_ONDERZOEK):
        return None
    bezwaar = laatste_bezwaar(aanvraag)
    if bezwaar is None or bezwaar.heroverweging_op is None or bezwaar.nieuw_besluit_id:
        return None
    return bezwaar


def briefdatum(besluit: Besluit) -> dt.date:
    """The date of the beschikking (the day the decision became final)."""
    if besluit.briefgegevens.get("datum"):
        return dt.date.fromisoformat(besluit.briefgegevens["datum"])
    return timezone.localtime(besluit.geaccordeerd_op or besluit.beslist_op).date()


def bezwaartermijn_tot(besluit: Besluit) -> dt.date:
    """The last day a bezwaarschrift is on time: 6 weeks after the letter's date."""
    return briefdatum(besluit) + BEZWAARTERMIJN


def _niet_in_de_toekomst(veld: str, datum: dt.date, vandaag: dt.date) -> None:
    if datum > vandaag:
        raise ValidationError({veld: _("Deze datum ligt in de toekomst.")})


@transaction.atomic
def bezwaar_registreren(
    *, actor: Actor, aanvraag: Aanvraag, ontvangen_op: dt.date, toelichting: str, vandaag: dt.date
) -> Bezwaar:
    """Record that a bezwaarschrift against the decision came in on `ontvangen_op`."""
    vereis_behandelen(actor, aanvraag.gemeente_id)
    aanvraag = _vergrendeld(aanvraag)
    besluit = laatste_besluit(aanvraag)
    if aanvraag.status not in UITKOMSTEN_MET_BEZWAAR or besluit is None:
        raise ValidationError(
            {"ontvangen_op": _("Bezwaar kan alleen tegen een aanvraag waarover is besloten.")}
        )
    if not toelichting.strip():
        raise ValidationError(
            {"toelichting": _("Schrijf kort op waar de inwoner het niet mee eens is.")}
        )
    brief = briefdatum(besluit)
    _niet_in_de_toekomst("ontvangen_op", ontvangen_op, vandaag)
    if ontvangen_op < brief:
        raise ValidationError(
            {
                "ontvangen_op": _("Deze datum ligt vóór de datum van de beschikking (%(datum)s).")
                % {"datum": datum_tekst(brief)}
            }
        )
    termijn = bezwaartermijn_tot(besluit)
    op_tijd = ontvangen_op <= termijn
    reden = _("Bezwaarschrift ontvangen op %(datum)s tegen het besluit van %(brief)s.") % {
        "datum": datum_tekst(ontvangen_op),
        "brief": datum_tekst(brief),
    }
    if not op_tijd:
        reden += " " + _(
            "Dat is na de bezwaartermijn, die eindigde op %(termijn)s (Awb art. 6:7). Beoordeel "
            "of de te late indiening verschoonbaar is (Awb art. 6:11)."
        ) % {"termijn": datum_tekst(termijn)}
    aanvraag = status_wijzigen(
        actor=actor,
        aanvraag=aanvraag,
        naar=S.BEZWAAR,
        reden=f"{reden} {toelichting.strip()}",
        vastleggen={
            "bezwaar_ontvangen_op": ontvangen_op,
            "bezwaar_tegen_besluit": besluit.pk,
            "bezwaartermijn_tot": termijn,
            "bezwaar_op_tijd": op_tijd,
        },
    )
    bezwaar = Bezwaar(
        gemeente_id=aanvraag.gemeente_id,
        aanvraag=aanvraag,
        besluit=besluit,
        ontvangen_op=ontvangen_op,
        bezwaartermijn_tot=termijn,
        toelichting=toelichting.strip(),
        geregistreerd_door=actor.user,
    )
    bezwaar.full_clean()
    bezwaar.save()
    return bezwaar


@transaction.atomic
def bezwaar_afhandelen(
    *,
    actor: Actor,
    aanvraag: Aanvraag,
    beslist_op: dt.date,
    uitkomst: str,
    toelichting: str,
    vandaag: dt.date,
) -> Bezwaar:
    """Record the beslissing op bezwaar: its date and outcome."""
    vereis_behandelen(actor, aanvraag.gemeente_id)
    aanvraag = _vergrendeld(aanvraag)
    bezwaar = laatste_bezwaar(aanvraag)
    if aanvraag.status != S.BEZWAAR or bezwaar is None or bezwaar.uitkomst:
        raise ValidationError(
            {"uitkomst": _("Deze aanvraag is niet in bezwaar. Registreer eerst het bezwaar.")}
        )
    if uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": _("Kies de uitkomst van het bezwaar.")})
    _niet_in_de_toekomst("beslist_op", beslist_op, vandaag)
    if beslist_op < bezwaar.ontvangen_op:
        raise ValidationError(
            {
                "beslist_op": _(
                    "Deze datum ligt vóór de dag waarop het bezwaarschrift binnenkwam (%(datum)s)."
                )
                % {"datum": datum_tekst(bezwaar.ontvangen_op)}
            }
        )
    reden = _("Beslissing op bezwaar van %(datum)s: %(uitkomst)s.") % {
        "datum": datum_tekst(beslist_op),
        "uitkomst": str(Uitkomst(uitkomst).label).lower(),
    }
    status_wijzigen(
        actor=actor,
        aanvraag=aanvraag,
        naar=S.BEZWAAR_AFGEHANDELD,
        reden=f"{reden} {toelichting.strip()}".strip(),
        vastleggen={
            "bezwaar": bezwaar.pk,
            "bezwaar_beslist_op": beslist_op,
            "bezwaar_uitkomst": uitkomst,
        },
    )
    bezwaar.beslist_op = beslist_op
    bezwaar.uitkomst = uitkomst
    bezwaar.uitkomst_toelichting = toelichting.strip()
    bezwaar.full_clean()
    bezwaar.save(update_fields=["beslist_op", "uitkomst", "uitkomst_toelichting", "gewijzigd_op"])
    return bezwaar


@transaction.atomic
def heroverwegen(*, actor: Actor, aanvraag: Aanvraag, reden: str, vandaag: dt.date) -> Bezwaar:
    """After a (partly) upheld bezwaar: revoke the contested decision (Awb art. 7:11) and take
    the application back into investigation. The new decision then goes the normal way: a
    calculation, four eyes when needed, and a new beschikking that says which decision it
    replaces."""
    vereis_behandelen(actor, aanvraag.gemeente_id)
    aanvraag = _vergrendeld(aanvraag)
    if not kan_heroverwegen(aanvraag):
        raise ValidationError(
            {
                "reden": _(
                    "Opnieuw besluiten kan alleen na een bezwaar dat (deels) gegrond is, en maar "
                    "één keer per bezwaar."
                )
            }
        )
    bezwaar = laatste_bezwaar(aanvraag)
    if not reden.strip():
        raise ValidationError({"reden": _("Schrijf kort op wat er aan het besluit verandert.")})
    tekst = _("Besluit van %(brief)s herroepen na het bezwaar (Awb art. 7:11).") % {
        "brief": datum_tekst(briefdatum(bezwaar.besluit))
    }
    # status_wijzigen checks the table again (a gegrond bezwaar, not yet used) under the lock.
    status_wijzigen(
        actor=actor,
        aanvraag=aanvraag,
        naar=S.IN_ONDERZOEK,
        reden=f"{tekst} {reden.strip()}",
        vastleggen={"bezwaar": bezwaar.pk, "besluit_herroepen": bezwaar.besluit_id},
    )
    bezwaar.heroverweging_op = vandaag
    bezwaar.save(update_fields=["heroverweging_op", "gewijzigd_op"])
    return bezwaar


def vervangen_besluit(besluit: Besluit) -> Besluit | None:
    """For a new decision on an application after a gegrond bezwaar: the revoked decision it
    replaces (for the letter)."""
    if besluit.aanvraag_id is None:
        return None
    bezwaar = (
        Bezwaar.objects.filter(
            aanvraag_id=besluit.aanvraag_id, heroverweging_op__isnull=False, nieuw_besluit=None
        )
        .select_related("besluit")
        .order_by("-ontvangen_op")
        .first()
    )
    return bezwaar.besluit if bezwaar else None


def nieuw_besluit_vastleggen(besluit: Besluit) -> None:
    """The new decision after a heroverweging became final: link it to the bezwaar."""
    Bezwaar.objects.filter(
        aanvraag_id=besluit.aanvraag_id, heroverweging_op__isnull=False, nieuw_besluit=None
    ).update(nieuw_besluit=besluit, gewijzigd_op=timezone.now())
