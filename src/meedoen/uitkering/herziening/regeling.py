"""The repayment arrangement of a recovery: how much may be repaid each month without taking
the household below the beslagvrije voet, either by deduction from the benefit (verrekenen) or
by the resident paying the gemeente (zelf betalen, checked against the household's own income
as entered), and what a consulent may change later (the letter says "call us and we look at the
arrangement again"): a new monthly amount, voet or way of paying, or waiving what is left
(kwijtschelden). Both changes are decisions and send a letter with bezwaar. Deductions
themselves happen in `verrekening.py`, received payments in `terugbetalingen.py`."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.money import format_euro_nl
from meedoen.uitkering.betalingen.maand import geldend_besluit
from meedoen.uitkering.betalingen.maanden import maandnaam, plus
from meedoen.uitkering.herziening import regelingsbrief, verrekening
from meedoen.uitkering.models import Besluit, Betaalvoorstel, Inkomensbeleid, Terugvordering

DOEL = "herziening"


def maandbedrag_cent(*, huishouden) -> int | None:
    """The household's regular monthly payment before deductions: the latest proposal that
    counts, else the final toekenning's amount; None when nothing is paid."""
    voorstel = (
        Betaalvoorstel.objects.filter(huishouden=huishouden)
        .exclude(status=Betaalvoorstel.Status.VERVALLEN)
        .order_by("-maand")
        .first()
    )
    if voorstel is not None:
        return (
            voorstel.te_betalen_cent
            + voorstel.inhouding_cent
            - voorstel.nabetaling_cent
            - voorstel.vakantiegeld_uitbetaling_cent
        )
    besluit = (
        Besluit.objects.filter(
            huishouden=huishouden,
            soort=Besluit.Soort.TOEKENNING,
            status=Besluit.Status.VASTGESTELD,
        )
        .order_by("-beslist_op")
        .first()
    )
    return besluit.bedrag_per_maand_cent if besluit is not None else None


def volgende_betaalmaand(*, huishouden, vanaf: dt.date | None = None) -> dt.date | None:
    """The first month (not before `vanaf`) whose proposal is still to be made: the month
    after the latest proposal that counts, or `vanaf` when that is later. A nabetaling or a
    deduction lands in that proposal. None without proposals and without `vanaf`."""
    laatste = (
        Betaalvoorstel.objects.filter(huishouden=huishouden)
        .exclude(status=Betaalvoorstel.Status.VERVALLEN)
        .order_by("-maand")
        .values_list("maand", flat=True)
        .first()
    )
    kandidaten = [plus(laatste, 1)] if laatste else []
    if vanaf is not None:
        kandidaten.append(vanaf.replace(day=1))
    return max(kandidaten) if kandidaten else None


def uitkering_in(*, huishouden, maand: dt.date | None) -> bool:
    """Whether a decision grants the household a benefit in `maand` (so a proposal for it
    will be made, to add a nabetaling to or deduct from)."""
    if maand is None:
        return False
    return geldend_besluit(huishouden_id=huishouden.pk, maand=maand) is not None


def aflossing_toetsen(
    *,
    huishouden,
    beslagvrije_voet_cent: int,
    aflossing_per_maand_cent: int,
    eerste_maand: dt.date,
    behalve: Terugvordering | None = None,
) -> None:
    """Refuse (ValidationError on 'aflossing_per_maand') a monthly deduction that cannot be
    made: no benefit in the first month of repayment, or less than the voet left over. Other
    running arrangements are assumed to deduct in the same months (the safe side)."""
    maandbedrag = maandbedrag_cent(huishouden=huishouden)
    # The first deduction lands in the first proposal still to be made from `eerste_maand`.
    eerste_maand = volgende_betaalmaand(huishouden=huishouden, vanaf=eerste_maand)
    if maandbedrag is None or not uitkering_in(huishouden=huishouden, maand=eerste_maand):
        raise ValidationError(
            {
                "wijze": _(
                    "Dit huishouden krijgt in %(maand)s geen uitkering waarop we kunnen "
                    "inhouden. Kies ‘Zelf betalen aan de gemeente’: dan maakt het "
                    "huishouden het bedrag elke maand zelf over."
                )
                % {"maand": maandnaam(eerste_maand)}
            }
        )
    # Only arrangements that deduct from the same benefit compete for the room above the voet.
    andere = Terugvordering.objects.filter(
        huishouden=huishouden,
        status=Terugvordering.Status.LOPEND,
        wijze=Terugvordering.Wijze.VERREKENEN,
    )
    if behalve is not None:
        andere = andere.exclude(pk=behalve.pk)
    andere = list(andere)
    voet = max([beslagvrije_voet_cent, *(t.beslagvrije_voet_cent for t in andere)])
    al_ingehouden = sum(t.aflossing_per_maand_cent for t in andere)
    maximum = max(
        0,
        verrekening.maximale_aflossing_cent(
            maandbedrag_cent=maandbedrag, beslagvrije_voet_cent=voet
        )
        - al_ingehouden,
    )
    if aflossing_per_maand_cent <= maximum:
        return
    uitleg = _(
        "Met deze aflossing houdt het huishouden minder over dan de beslagvrije voet. "
        "U kunt hoogstens %(max)s per maand inhouden: %(bedrag)s per maand min de "
        "beslagvrije voet van %(voet)s"
    ) % {
        "max": format_euro_nl(maximum),
        "bedrag": format_euro_nl(maandbedrag),
        "voet": format_euro_nl(voet),
    }
    if al_ingehouden:
        uitleg += _(" en min %(andere)s voor andere terugvorderingen") % {
            "andere": format_euro_nl(al_ingehouden)
        }
    raise ValidationError({"aflossing_per_maand": uitleg + "."})


def rekening_van_gemeente(*, gemeente_id: int) -> str:
    """The gemeente's account for repayments; refused while the beheerder has not set it."""
    iban = (
        Inkomensbeleid.objects.filter(gemeente_id=gemeente_id)
        .values_list("rekening_iban", flat=True)
        .first()
    )
    if not iban:
        raise ValidationError(
            {
                "wijze": _(
                    "Zelf betalen kan nog niet: de gemeente heeft geen rekeningnummer (IBAN) "
                    "ingesteld bij het inkomensbeleid. Vraag de functioneel beheerder dit in "
                    "te vullen."
                )
            }
        )
    return iban


def zelf_betalen_toetsen(
    *,
    huishouden,
    beslagvrije_voet_cent: int,
    aflossing_per_maand_cent: int,
    inkomen_per_maand_cent: int | None,
    behalve: Terugvordering | None = None,
) -> None:
    """Refuse a monthly amount the household cannot pay from its own income (as the consulent
    entered it) without going below the voet. Other arrangements the household pays itself
    are assumed to be paid in the same months (the safe side)."""
    if inkomen_per_maand_cent is None:
        raise ValidationError(
            {
                "inkomen_per_maand": _(
                    "Vul het inkomen van het huishouden per maand in. Daarmee controleren we "
                    "de beslagvrije voet."
                )
            }
        )
    andere = Terugvordering.objects.filter(
        huishouden=huishouden,
        status=Terugvordering.Status.LOPEND,
        wijze=Terugvordering.Wijze.ZELF_BETALEN,
    )
    if behalve is not None:
        andere = andere.exclude(pk=behalve.pk)
    andere = list(andere)
    voet = max([beslagvrije_voet_cent, *(t.beslagvrije_voet_cent for t in andere)])
    al_betaald = sum(t.aflossing_per_maand_cent for t in andere)
    maximum = max(0, inkomen_per_maand_cent - voet - al_betaald)
    if aflossing_per_maand_cent <= maximum:
        return
    uitleg = _(
        "Met dit bedrag houdt het huishouden minder over dan de beslagvrije voet. Het kan "
        "hoogstens %(max)s per maand betalen: het inkomen van %(inkomen)s per maand min de "
        "beslagvrije voet van %(voet)s"
    ) % {
        "max": format_euro_nl(maximum),
        "inkomen": format_euro_nl(inkomen_per_maand_cent),
        "voet": format_euro_nl(voet),
    }
    if al_betaald:
        uitleg += _(" en min %(andere)s voor andere terugvorderingen") % {
            "andere": format_euro_nl(al_betaald)
        }
    raise ValidationError({"aflossing_per_maand": uitleg + "."})


def betalingskenmerk(terugvordering: Terugvordering) -> str:
    """The reference the resident puts on every transfer: fixed per recovery, no BSN."""
    return f"TV{terugvordering.pk.hex[:12].upper()}"


def zelf_betalen_instellen(terugvordering: Terugvordering) -> None:
    """Fill in the account and the reference for a recovery the resident pays (not saved)."""
    terugvordering.rekening_iban = rekening_van_gemeente(gemeente_id=terugvordering.gemeente_id)
    if not terugvordering.betalingskenmerk:
        terugvordering.betalingskenmerk = betalingskenmerk(terugvordering)


def eerste_maand_zelf_betalen(*, vanaf: dt.date) -> dt.date:
    """A resident can start paying next month at the earliest (they need the letter first)."""
    return max(vanaf.replace(day=1), plus(timezone.localdate().replace(day=1), 1))


def _vergrendeld(actor: Actor, terugvordering: Terugvordering) -> Terugvordering:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    if terugvordering.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    terugvordering = (
        Terugvordering.objects.select_for_update()
        .select_related("huishouden")
        .get(pk=terugvordering.pk)
    )
    if terugvordering.status != Terugvordering.Status.LOPEND:
        raise ValidationError(
            _("Deze terugvordering loopt niet meer: ze is afgelost of kwijtgescholden.")
        )
    return terugvordering


def _reden(toelichting: str) -> str:
    toelichting = toelichting.strip()
    if not toelichting:
        raise ValidationError({"toelichting": _("Schrijf op waarom u dit verandert.")})
    return toelichting


def nog_te_herberekenen(*, terugvordering: Terugvordering) -> list[dt.date]:
    """Months whose proposal is calculated but not paid and still deducts for this recovery:
    they follow a change only when they are calculated again."""
    return sorted(
        terugvordering.aflossingen.filter(
            betaalvoorstel__status__in=(
                Betaalvoorstel.Status.CONCEPT,
                Betaalvoorstel.Status.GOEDGEKEURD,
            ),
            betaalvoorstel__betaling__isnull=True,
        ).values_list("betaalvoorstel__maand", flat=True)
    )


@transaction.atomic
def regeling_wijzigen(
    *,
    actor: Actor,
    terugvordering: Terugvordering,
    aflossing_per_maand_cent: int,
    beslagvrije_voet_cent: int,
    toelichting: str,
    wijze: str | None = None,
    inkomen_per_maand_cent: int | None = None,
) -> Terugvordering:
    """A new monthly amount, voet or way of paying for a running recovery, checked like a new
    arrangement from the month the change takes effect. The resident gets a letter."""
    terugvordering = _vergrendeld(actor, terugvordering)
    reden = _reden(toelichting)
    wijze = wijze or terugvordering.wijze
    if wijze not in Terugvordering.Wijze.values:
        raise ValidationError({"wijze": _("Kies hoe het huishouden terugbetaalt.")})
    if aflossing_per_maand_cent <= 0:
        raise ValidationError(
            {"aflossing_per_maand": _("Vul een aflossing per maand in van meer dan € 0.")}
        )
    if wijze == Terugvordering.Wijze.ZELF_BETALEN:
        zelf_betalen_toetsen(
            huishouden=terugvordering.huishouden,
            beslagvrije_voet_cent=beslagvrije_voet_cent,
            aflossing_per_maand_cent=aflossing_per_maand_cent,
            inkomen_per_maand_cent=inkomen_per_maand_cent,
            behalve=terugvordering,
        )
        ingang = eerste_maand_zelf_betalen(vanaf=terugvordering.eerste_maand)
    else:
        inkomen_per_maand_cent = None
        aflossing_toetsen(
            huishouden=terugvordering.huishouden,
            beslagvrije_voet_cent=beslagvrije_voet_cent,
            aflossing_per_maand_cent=aflossing_per_maand_cent,
            eerste_maand=terugvordering.eerste_maand,
            behalve=terugvordering,
        )
        ingang = volgende_betaalmaand(
            huishouden=terugvordering.huishouden, vanaf=terugvordering.eerste_maand
        )
    velden = (
        "aflossing_per_maand_cent",
        "beslagvrije_voet_cent",
        "wijze",
        "inkomen_per_maand_cent",
        "rekening_iban",
        "betalingskenmerk",
    )
    voor = {naam: getattr(terugvordering, naam) for naam in velden}
    terugvordering.aflossing_per_maand_cent = aflossing_per_maand_cent
    terugvordering.beslagvrije_voet_cent = beslagvrije_voet_cent
    terugvordering.wijze = wijze
    terugvordering.inkomen_per_maand_cent = inkomen_per_maand_cent
    if wijze == Terugvordering.Wijze.ZELF_BETALEN:
        zelf_betalen_instellen(terugvordering)
    terugvordering.full_clean()
    terugvordering.save(update_fields=[*velden, "gewijzigd_op"])
    regelingsbrief.regelingsbrief_opslaan(
        actor=actor,
        terugvordering=terugvordering,
        ingang=ingang,
        rest_cent=verrekening.rest_cent(terugvordering),
        toelichting=reden,
    )
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=terugvordering,
        persoon_id=terugvordering.persoon_id,
        wijzigingen={
            naam: [oud, getattr(terugvordering, naam)]
            for naam, oud in voor.items()
            if oud != getattr(terugvordering, naam)
        }
        | {"ingang": [None, ingang.isoformat()], "toelichting": [None, reden]},
    )
    return terugvordering


@transaction.atomic
def rest_kwijtschelden(
    *, actor: Actor, terugvordering: Terugvordering, toelichting: str
) -> Terugvordering:
    """Waive what is left of a running recovery: nothing more is deducted or asked from then
    on. This is a decision (art. 58 lid 8 Participatiewet): the resident gets a letter."""
    terugvordering = _vergrendeld(actor, terugvordering)
    reden = _reden(toelichting)
    rest = verrekening.rest_cent(terugvordering)
    terugvordering.status = Terugvordering.Status.KWIJTGESCHOLDEN
    terugvordering.full_clean()
    terugvordering.save(update_fields=["status", "gewijzigd_op"])
    regelingsbrief.kwijtscheldingsbrief_opslaan(
        actor=actor, terugvordering=terugvordering, kwijtgescholden_cent=rest, toelichting=reden
    )
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=terugvordering,
        persoon_id=terugvordering.persoon_id,
        wijzigingen={
            "status": [Terugvordering.Status.LOPEND, Terugvordering.Status.KWIJTGESCHOLDEN],
            "kwijtgescholden_cent": [None, rest],
            "toelichting": [None, reden],
        },
    )
    return terugvordering
