"""Ending bijstand: the consulent records a beëindiging as a decision (who, when, on what
grounds), from the day after the einddatum. The monthly calculation (betalingen.maand) then
makes no proposal for the months after it; proposals for those months that were not paid yet
lapse; a paid month after the einddatum is an overpayment for a herziening."""

import datetime as dt

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.ui.templatetags.mdn import datum as datum_tekst
from meedoen.uitkering.aanvraag.selectors import beleid_van
from meedoen.uitkering.aanvraag.services import vereis_behandelen
from meedoen.uitkering.beeindiging import brief, selectors
from meedoen.uitkering.betalingen import maand as betaalmaand
from meedoen.uitkering.herziening import services as herziening_services
from meedoen.uitkering.models import Besluit, Betaalvoorstel

DOEL = "beëindiging bijstand"


class Reden(models.TextChoices):
    WERK = "werk", gettext_lazy("Werk gevonden")
    VERHUISD = "verhuisd", gettext_lazy("Verhuisd naar een andere gemeente")
    OP_VERZOEK = "op_verzoek", gettext_lazy("Op verzoek van de inwoner")
    DETENTIE = "detentie", gettext_lazy("Detentie")
    OVERLEDEN = "overleden", gettext_lazy("Overleden")
    ANDERS = "anders", gettext_lazy("Andere reden")


def _controleren(*, toekenning: Besluit, einddatum, reden: str, toelichting: str, gronden: str):
    """All mistakes at once, each on its field."""
    fouten: dict[str, str] = {}
    if einddatum is None:
        fouten["einddatum"] = _("Vul de einddatum in: de laatste dag met bijstand.")
    elif einddatum < toekenning.ingangsdatum:
        fouten["einddatum"] = _(
            "De einddatum ligt vóór de ingangsdatum van de bijstand (%(datum)s). Kies die datum "
            "of een latere."
        ) % {"datum": datum_tekst(toekenning.ingangsdatum)}
    if reden not in Reden.values:
        fouten["reden"] = _("Kies de reden waarom de bijstand stopt.")
    elif reden == Reden.ANDERS and not toelichting.strip():
        fouten["toelichting"] = _("Schrijf op wat de andere reden is.")
    if not gronden.strip():
        fouten["gronden"] = _("Schrijf op waarom u dit besluit neemt.")
    if fouten:
        raise ValidationError(fouten)


def _vervallen_na(actor: Actor, besluit: Besluit) -> None:
    """Proposals from the einddatum's month on that were not paid are made again: the last
    month then pays out the vakantiegeld, the months after it lapse (no decision applies any
    more). A proposal in a run that was already approved stops this, with the way out."""
    open_maanden = (
        Betaalvoorstel.objects.filter(
            huishouden_id=besluit.huishouden_id,
            # The einddatum's own month too: it now pays out the vakantiegeld kept apart.
            maand__gte=besluit.einddatum.replace(day=1),
            betaling__isnull=True,
        )
        .exclude(status__in=(Betaalvoorstel.Status.VERVALLEN, Betaalvoorstel.Status.BETAALD))
        .order_by("maand")
        .values_list("maand", flat=True)
    )
    for maand in list(open_maanden):
        try:
            betaalmaand.voorstel_herberekenen(
                actor=actor, huishouden=besluit.huishouden, maand=maand
            )
        except ValidationError as exc:
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: _(
                        "De bijstand is niet beëindigd. Het betaalvoorstel over %(maand)s zit "
                        "in een betaalrun die al is goedgekeurd of uitgevoerd wordt. Trek die "
                        "betaalrun eerst in (Betalingen, Betaalruns) en beëindig daarna de "
                        "bijstand opnieuw."
                    )
                    % {"maand": betaalmaand.maanden.maandnaam(maand)}
                }
            ) from exc


@transaction.atomic
def bijstand_beeindigen(
    *,
    actor: Actor,
    persoon,
    einddatum: dt.date | None,
    reden: str,
    gronden: str,
    toelichting: str = "",
    nu: dt.datetime | None = None,
) -> Besluit:
    """End the bijstand of the person's household after `einddatum` (the last day with
    bijstand). A beëindiging has no amount, so the four-eyes rule (an amount above the limit or
    a correction) never applies: it is final at once, and the letter is made in the same
    transaction. Raises ValidationError with a message per field."""
    vereis_behandelen(actor, persoon.gemeente_id)
    nu = nu or timezone.now()
    toekenning = selectors.geldende_toekenning(persoon=persoon, vandaag=timezone.localdate(nu))
    if toekenning is None:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Deze inwoner heeft geen lopende bijstand om te beëindigen.")}
        )
    # Lock the decision that pays now: of two people ending it at once, the second waits here
    # and then finds it already ended.
    Besluit.objects.select_for_update().get(pk=toekenning.pk)
    if selectors.geldende_toekenning(persoon=persoon, vandaag=timezone.localdate(nu)) is None:
        raise ValidationError({NON_FIELD_ERRORS: _("Deze bijstand is al beëindigd.")})
    _controleren(
        toekenning=toekenning,
        einddatum=einddatum,
        reden=reden,
        toelichting=toelichting,
        gronden=gronden,
    )

    besluit = Besluit(
        gemeente_id=toekenning.gemeente_id,
        persoon_id=toekenning.persoon_id,
        huishouden_id=toekenning.huishouden_id,
        soort=Besluit.Soort.BEEINDIGING,
        status=Besluit.Status.VASTGESTELD,
        # Ordered with the other decisions by ingangsdatum (betalingen.maand): from the day
        # after the einddatum no decision pays bijstand.
        ingangsdatum=einddatum + dt.timedelta(days=1),
        einddatum=einddatum,
        situatie={
            "beeindiging": {
                "reden": reden,
                "toelichting": toelichting.strip(),
                "toekenning": str(toekenning.pk),
            }
        },
        gronden=gronden.strip(),
        iban=toekenning.iban,
        tenaamstelling=toekenning.tenaamstelling,
        contactpersoon=actor.naam,
        contact_telefoon=beleid_van(toekenning.gemeente).telefoonnummer,
        beslist_door=actor.user,
        beslist_op=nu,
    )
    besluit.full_clean(exclude=["berekening"])
    besluit.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL,
        obj=besluit,
        persoon_id=besluit.persoon_id,
        gemeente=besluit.gemeente,
        wijzigingen={
            "soort": [None, besluit.soort],
            "status": [None, besluit.status],
            "einddatum": [None, einddatum.isoformat()],
            "reden": [None, reden],
            "toekenning": [None, str(toekenning.pk)],
        },
    )
    _vervallen_na(actor, besluit)
    herziening_services.na_beeindiging(actor=actor, besluit=besluit)
    brief.beeindiging_vastleggen(actor=actor, besluit=besluit, toekenning=toekenning)
    return besluit
