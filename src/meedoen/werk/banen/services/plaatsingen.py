"""Placements: a resident on a maatschappelijke baan, with a regular employer or seconded;
follow-up contacts; ending; the loonwaarde assessment with its loonkostensubsidie."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.loonkostensubsidie import bereken_loonkostensubsidie
from meedoen.rules.money import parse_amount
from meedoen.rules.situation import SituationError
from meedoen.werk.banen.services._basis import audit, in_bereik, snapshot, vereis_beheren
from meedoen.werk.models import (
    Arbeidscontract,
    MaatschappelijkeBaan,
    Plaatsing,
    PlaatsingContact,
    Vacature,
)

PLAATSING_VELDEN = (
    "soort",
    "baan",
    "vacature",
    "voorstel",
    "begindatum",
    "einddatum",
    "uren_per_week",
)
EINDE_VELDEN = ("einddatum", "beeindigingsreden")
LOONWAARDE_VELDEN = (
    "loonwaarde_percentage",
    "loonwaarde_methode",
    "loonwaarde_vastgesteld_op",
    "loonwaarde_vastgesteld_door",
    "loonkostensubsidie_cent",
)
MAX_UREN = 60


def overlappend(begindatum: dt.date, einddatum: dt.date | None) -> Q:
    """Placements that run at some moment in [begindatum, einddatum] (open end: from then on).
    Capacity counts these, so a place is never promised twice for the same days."""
    overlap = Q(einddatum__isnull=True) | Q(einddatum__gte=begindatum)
    if einddatum is not None:
        overlap &= Q(begindatum__lte=einddatum)
    return overlap


def lopend_op(datum: dt.date) -> Q:
    return Q(begindatum__lte=datum) & (Q(einddatum__isnull=True) | Q(einddatum__gte=datum))


def _mag_plaatsen(actor: Actor, persoon, voorstel) -> None:
    # A proposal that led to a job is placed by whoever records that outcome (a klantmanager
    # has MATCHEN); any other placement is the werkgeversdienstverlener's.
    if not (
        actor.mag(Bevoegdheid.WERKGEVERS_BEHEREN)
        or (voorstel is not None and actor.mag(Bevoegdheid.MATCHEN))
    ):
        raise Geweigerd(Bevoegdheid.WERKGEVERS_BEHEREN)
    in_bereik(actor, persoon.gemeente_id)


def _baan_controleren(actor, baan, begindatum, einddatum) -> MaatschappelijkeBaan:
    in_bereik(actor, baan.gemeente_id)
    # Lock the baan: two placements at the same time cannot both take its last place.
    baan = MaatschappelijkeBaan.objects.select_for_update().get(pk=baan.pk)
    if baan.verdringing_bevestigd_op is None:
        raise ValidationError(
            {
                "baan": _(
                    "Op deze baan kan nog niemand geplaatst worden: de verdringingstoets is "
                    "nog niet vastgelegd en bevestigd."
                )
            }
        )
    if begindatum < baan.begindatum or (baan.einddatum and begindatum > baan.einddatum):
        raise ValidationError({"begindatum": _("De baan loopt niet op deze begindatum.")})
    bezet = baan.plaatsingen.filter(overlappend(begindatum, einddatum)).count()
    if bezet >= baan.capaciteit:
        raise ValidationError(
            {
                "baan": _("Deze baan is vol: alle %(aantal)s plaatsen zijn bezet in die periode.")
                % {"aantal": baan.capaciteit}
            }
        )
    return baan


def _vacature_controleren(actor, vacature, begindatum, einddatum) -> Vacature:
    in_bereik(actor, vacature.gemeente_id)
    vacature = Vacature.objects.select_for_update().get(pk=vacature.pk)
    bezet = vacature.plaatsingen.filter(overlappend(begindatum, einddatum)).count()
    if bezet >= vacature.plaatsen:
        raise ValidationError(
            {
                "vacature": _("Alle %(aantal)s plaatsen van deze vacature zijn al vervuld.")
                % {"aantal": vacature.plaatsen}
            }
        )
    return vacature


def _soort_controleren(soort, baan, vacature) -> None:
    if soort == Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN:
        if baan is None:
            raise ValidationError({"baan": _("Kies de maatschappelijke baan.")})
        if vacature is not None:
            raise ValidationError(
                {"vacature": _("Kies geen vacature bij een maatschappelijke baan.")}
            )
    elif soort in (Plaatsing.Soort.REGULIER, Plaatsing.Soort.DETACHERING):
        if vacature is None:
            raise ValidationError({"vacature": _("Kies de vacature van de werkgever.")})
        if baan is not None:
            raise ValidationError({"baan": _("Kies geen maatschappelijke baan bij deze soort.")})
    else:
        raise ValidationError({"soort": _("Kies de soort plaatsing.")})


def _voorstel_controleren(voorstel, persoon, baan, vacature) -> None:
    if voorstel is None:
        return
    if voorstel.persoon_id != persoon.pk:
        raise ValidationError(_("Het voorstel is voor een andere inwoner."))
    if voorstel.baan_id != (baan.pk if baan else None) or voorstel.vacature_id != (
        vacature.pk if vacature else None
    ):
        raise ValidationError(_("Het voorstel is voor een andere baan of vacature."))
    if Plaatsing.objects.filter(voorstel=voorstel).exists():
        raise ValidationError(_("Op dit voorstel is de inwoner al geplaatst."))


@transaction.atomic
def plaatsing_aanmaken(
    actor: Actor,
    *,
    persoon,
    soort: str,
    baan: MaatschappelijkeBaan | None = None,
    vacature: Vacature | None = None,
    voorstel=None,
    begindatum: dt.date,
    uren_per_week: int,
    einddatum: dt.date | None = None,
) -> Plaatsing:
    """Place a resident. A maatschappelijke baan needs a confirmed verdringingstoets and a free
    place; a vacancy a free place. Called by the matching part when a proposal is "geplaatst"."""
    _mag_plaatsen(actor, persoon, voorstel)
    _soort_controleren(soort, baan, vacature)
    if einddatum is not None and einddatum < begindatum:
        raise ValidationError({"einddatum": _("De einddatum ligt voor de begindatum.")})
    if not 1 <= uren_per_week <= MAX_UREN:
        raise ValidationError(
            {"uren_per_week": _("Vul 1 tot en met %(max)s uur per week in.") % {"max": MAX_UREN}}
        )
    if baan is not None:
        baan = _baan_controleren(actor, baan, begindatum, einddatum)
    if vacature is not None:
        vacature = _vacature_controleren(actor, vacature, begindatum, einddatum)
    _voorstel_controleren(voorstel, persoon, baan, vacature)
    dubbel = Plaatsing.objects.filter(
        overlappend(begindatum, einddatum), persoon=persoon, baan=baan, vacature=vacature
    )
    if dubbel.exists():
        raise ValidationError(_("De inwoner is in die periode al op deze plek geplaatst."))
    plaatsing = Plaatsing(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        soort=soort,
        baan=baan,
        vacature=vacature,
        voorstel=voorstel,
        begindatum=begindatum,
        einddatum=einddatum,
        uren_per_week=uren_per_week,
    )
    plaatsing.full_clean()
    plaatsing.save()
    audit(
        actor,
        Actie.AANGEMAAKT,
        plaatsing,
        na=snapshot(plaatsing, PLAATSING_VELDEN),
        persoon_id=persoon.pk,
    )
    return plaatsing


@transaction.atomic
def plaatsing_contact_vastleggen(
    *,
    actor: Actor,
    plaatsing: Plaatsing,
    datum: dt.date,
    verloop: str,
    volgende_contact: dt.date | None,
    vandaag: dt.date,
) -> PlaatsingContact:
    vereis_beheren(actor, plaatsing.gemeente_id)
    if datum > vandaag:
        raise ValidationError({"datum": _("De datum ligt in de toekomst.")})
    if volgende_contact is not None and volgende_contact <= datum:
        raise ValidationError({"volgende_contact": _("Het volgende contact ligt na dit contact.")})
    contact = PlaatsingContact(
        gemeente_id=plaatsing.gemeente_id,
        plaatsing=plaatsing,
        datum=datum,
        verloop=verloop.strip(),
        volgende_contact=volgende_contact,
        door=actor.user,
    )
    contact.full_clean()
    contact.save()
    audit(
        actor,
        Actie.AANGEMAAKT,
        contact,
        na={"datum": datum, "verloop": contact.verloop, "volgende_contact": volgende_contact},
        persoon_id=plaatsing.persoon_id,
    )
    return contact


def _beeindigen(actor, plaatsing: Plaatsing, datum: dt.date, reden: str) -> Plaatsing:
    plaatsing = Plaatsing.objects.select_for_update().get(pk=plaatsing.pk)
    if plaatsing.beeindigingsreden:
        raise ValidationError(_("Deze plaatsing is al beëindigd."))
    if datum < plaatsing.begindatum:
        raise ValidationError({"datum": _("De einddatum ligt voor de begindatum.")})
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden.")})
    voor = snapshot(plaatsing, EINDE_VELDEN)
    plaatsing.einddatum = datum
    plaatsing.beeindigingsreden = reden.strip()
    plaatsing.full_clean()
    plaatsing.save(update_fields=[*EINDE_VELDEN, "gewijzigd_op"])
    audit(
        actor,
        Actie.BEEINDIGD,
        plaatsing,
        voor=voor,
        na=snapshot(plaatsing, EINDE_VELDEN),
        persoon_id=plaatsing.persoon_id,
    )
    return plaatsing


@transaction.atomic
def plaatsing_beeindigen(
    *, actor: Actor, plaatsing: Plaatsing, datum: dt.date, reden: str
) -> Plaatsing:
    vereis_beheren(actor, plaatsing.gemeente_id)
    if Arbeidscontract.objects.filter(plaatsing=plaatsing, beeindigd_op__isnull=True).exists():
        raise ValidationError(
            _("Bij deze plaatsing hoort een arbeidscontract. Beëindig eerst het contract.")
        )
    return _beeindigen(actor, plaatsing, datum, reden)


def lks_periode(datum: dt.date) -> str:
    return f"{datum.year:04d}-{datum.month:02d}"


@transaction.atomic
def loonwaarde_vastleggen(
    *,
    actor: Actor,
    plaatsing: Plaatsing,
    percentage: int,
    methode: str,
    vastgesteld_door: str,
    vastgesteld_op: dt.date,
    periode: str,
) -> Plaatsing:
    """Record the loonwaarde assessment of a worker with a regular employer and the
    loonkostensubsidie the rules engine computes for `periode` (YYYY-MM), with its steps."""
    vereis_beheren(actor, plaatsing.gemeente_id)
    fouten = {}
    if not methode.strip():
        fouten["methode"] = _("Schrijf op met welke methode de loonwaarde is bepaald.")
    if not vastgesteld_door.strip():
        fouten["vastgesteld_door"] = _("Schrijf op wie de loonwaarde heeft bepaald.")
    if fouten:
        raise ValidationError(fouten)
    plaatsing = Plaatsing.objects.select_for_update().select_related("persoon").get(pk=plaatsing.pk)
    if plaatsing.soort != Plaatsing.Soort.REGULIER:
        raise ValidationError(
            _("Loonkostensubsidie is er alleen bij een plaatsing bij een reguliere werkgever.")
        )
    if not 0 <= percentage < 100:
        raise ValidationError(
            {
                "percentage": _(
                    "Loonkostensubsidie is er bij een loonwaarde onder 100%. Vul een heel "
                    "percentage van 0 tot en met 99 in."
                )
            }
        )
    try:
        berekening = bereken_loonkostensubsidie(
            period=periode,
            birth_date=plaatsing.persoon.geboortedatum.isoformat(),
            loonwaarde_percentage=percentage,
            hours_per_week=plaatsing.uren_per_week,
        )
    except SituationError as exc:
        velden = {"period": "periode", "loonwaarde_percentage": "percentage"}
        fouten: dict[str, list[str]] = {}
        for pad, meldingen in exc.errors.items():
            fouten.setdefault(velden.get(pad, "periode"), []).extend(m["nl"] for m in meldingen)
        raise ValidationError(fouten) from exc
    except ParameterOntbreekt as exc:
        raise ValidationError(
            {
                "periode": _("Het minimumloon voor %(periode)s is nog niet bevestigd.")
                % {"periode": exc.periode}
            }
        ) from exc
    voor = snapshot(plaatsing, LOONWAARDE_VELDEN)
    plaatsing.loonwaarde_percentage = percentage
    plaatsing.loonwaarde_methode = methode.strip()
    plaatsing.loonwaarde_vastgesteld_door = vastgesteld_door.strip()
    plaatsing.loonwaarde_vastgesteld_op = vastgesteld_op
    plaatsing.loonkostensubsidie_cent = parse_amount(berekening["loonkostensubsidie"])
    plaatsing.loonkostensubsidie_berekening = berekening
    plaatsing.full_clean()
    plaatsing.save()
    audit(
        actor,
        Actie.GEWIJZIGD,
        plaatsing,
        voor=voor,
        na=snapshot(plaatsing, LOONWAARDE_VELDEN),
        persoon_id=plaatsing.persoon_id,
    )
    return plaatsing
