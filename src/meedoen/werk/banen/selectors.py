"""Reading maatschappelijke banen, placements and contracts. Lists and object getters are limited
to the actor's gemeenten; the per-resident reads take an already opened (and audited) persoon
and write nothing."""

import datetime as dt
from uuid import UUID

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery

from meedoen.core.actor import Actor
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.banen.services.contract import PLAATSING_VOOR_CONTRACT
from meedoen.werk.banen.services.plaatsingen import lopend_op, overlappend
from meedoen.werk.koppelen.matchen import vacatures_voor_persoon
from meedoen.werk.models import (
    Arbeidscontract,
    MaatschappelijkeBaan,
    Plaatsing,
    PlaatsingContact,
    Vacature,
    Voorstel,
    Werkprofiel,
)

# Follow-up policy for placements (documented in docs/werk-banen.md): a first contact within two
# weeks of the start; after a contact without a next date, again within four weeks.
EERSTE_CONTACT_NA = dt.timedelta(days=14)
VOLGEND_CONTACT_NA = dt.timedelta(days=28)


class BaanStatus:
    OPEN = "open"
    TOETS_NODIG = "toets"
    AFGELOPEN = "afgelopen"


def _scope(actor: Actor, queryset: QuerySet, bevoegdheid=Bevoegdheid.DOSSIER_LEZEN) -> QuerySet:
    actor.vereis(bevoegdheid)
    return queryset.filter(gemeente_id__in=actor.gemeente_ids)


# Maatschappelijke banen ---------------------------------------------------------------------


def banen(
    *,
    actor: Actor,
    vandaag: dt.date,
    sector: str = "",
    status: str = "",
    alleen_vrij: bool = False,
    bevoegdheid=Bevoegdheid.DOSSIER_LEZEN,
) -> QuerySet[MaatschappelijkeBaan]:
    """Banen with `bezet` (placements running today or later) and `vrij` (places left)."""
    rijen = _scope(actor, MaatschappelijkeBaan.objects, bevoegdheid).annotate(
        bezet=Count(
            "plaatsingen",
            filter=Q(plaatsingen__einddatum__isnull=True) | Q(plaatsingen__einddatum__gte=vandaag),
        )
    )
    rijen = rijen.annotate(vrij=F("capaciteit") - F("bezet")).select_related("gemeente")
    if sector:
        rijen = rijen.filter(sector=sector)
    lopend = Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag)
    if status == BaanStatus.OPEN:
        rijen = rijen.filter(lopend, verdringing_bevestigd_op__isnull=False)
    elif status == BaanStatus.TOETS_NODIG:
        rijen = rijen.filter(lopend, verdringing_bevestigd_op__isnull=True)
    elif status == BaanStatus.AFGELOPEN:
        rijen = rijen.filter(einddatum__lt=vandaag)
    if alleen_vrij:
        rijen = rijen.filter(lopend, vrij__gt=0, verdringing_bevestigd_op__isnull=False)
    return rijen.order_by("titel", "gastorganisatie")


def baan(*, actor: Actor, baan_id: UUID) -> MaatschappelijkeBaan:
    return (
        _scope(actor, MaatschappelijkeBaan.objects)
        .select_related("gemeente", "verdringing_bevestigd_door")
        .get(pk=baan_id)
    )


def plaatsingen_op_baan(*, actor: Actor, baan: MaatschappelijkeBaan) -> list[Plaatsing]:
    """Placements on a baan, of residents the actor may see (a baan can host residents of
    several gemeenten)."""
    return list(
        _scope(actor, Plaatsing.objects)
        .filter(baan=baan)
        .select_related("persoon")
        .order_by("-begindatum")
    )


def open_vacatures(*, actor: Actor) -> QuerySet[Vacature]:
    return (
        _scope(actor, Vacature.objects)
        .filter(status=Vacature.Status.OPEN)
        .select_related("werkgever")
        .order_by("titel")
    )


# Placements ---------------------------------------------------------------------------------


def _met_contactstand(rijen: QuerySet) -> QuerySet:
    laatste = PlaatsingContact.objects.filter(plaatsing=OuterRef("pk")).order_by(
        "-datum", "-aangemaakt_op"
    )
    return rijen.annotate(
        laatste_contact=Subquery(laatste.values("datum")[:1]),
        volgende_contact=Subquery(laatste.values("volgende_contact")[:1]),
    )


def contact_nodig(vandaag: dt.date) -> Q:
    """Running placements whose follow-up is due: the planned next contact has come, or there
    was no contact for too long (see EERSTE_CONTACT_NA and VOLGEND_CONTACT_NA)."""
    heeft_contact = Exists(PlaatsingContact.objects.filter(plaatsing=OuterRef("pk")))
    return (
        lopend_op(vandaag)
        & Q(beeindigingsreden="")
        & (
            Q(volgende_contact__lte=vandaag)
            | Q(volgende_contact__isnull=True, laatste_contact__lte=vandaag - VOLGEND_CONTACT_NA)
            | (~heeft_contact & Q(begindatum__lte=vandaag - EERSTE_CONTACT_NA))
        )
    )


def plaatsingen(
    *, actor: Actor, vandaag: dt.date, alleen_contact_nodig: bool = False, lopend: bool = True
) -> QuerySet[Plaatsing]:
    rijen = _met_contactstand(_scope(actor, Plaatsing.objects)).select_related(
        "persoon", "baan", "vacature__werkgever"
    )
    if lopend:
        rijen = rijen.filter(overlappend(vandaag, None), beeindigingsreden="")
    if alleen_contact_nodig:
        rijen = rijen.filter(contact_nodig(vandaag))
    return rijen.order_by("volgende_contact", "begindatum")


def plaatsing(*, actor: Actor, plaatsing_id: UUID) -> Plaatsing:
    return (
        _scope(actor, Plaatsing.objects)
        .select_related("persoon__gemeente", "baan", "vacature__werkgever", "voorstel")
        .get(pk=plaatsing_id)
    )


def contacten(*, plaatsing: Plaatsing) -> list[PlaatsingContact]:
    return list(plaatsing.contacten.select_related("door"))


# Contracts ----------------------------------------------------------------------------------


def contract(*, actor: Actor, contract_id: UUID) -> Arbeidscontract:
    return (
        _scope(actor, Arbeidscontract.objects)
        .select_related(
            "persoon__gemeente",
            "plaatsing__baan",
            "plaatsing__vacature__werkgever",
            "opgesteld_door",
        )
        .get(pk=contract_id)
    )


def lopende_plaatsingen_voor_contract(*, persoon, vandaag: dt.date) -> QuerySet[Plaatsing]:
    return (
        Plaatsing.objects.filter(
            persoon=persoon, soort__in=PLAATSING_VOOR_CONTRACT, beeindigingsreden=""
        )
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
        .select_related("baan", "vacature__werkgever")
    )


# One resident (dossier panel) ---------------------------------------------------------------


def plaatsingen_van(*, persoon) -> list[Plaatsing]:
    return list(
        Plaatsing.objects.filter(persoon=persoon).select_related("baan", "vacature__werkgever")
    )


def contracten_van(*, persoon) -> list[Arbeidscontract]:
    return list(Arbeidscontract.objects.filter(persoon=persoon))


def open_voorstellen_van(*, persoon) -> list[Voorstel]:
    return list(
        Voorstel.objects.filter(
            persoon=persoon, status__in=[Voorstel.Status.VOORGESTELD, Voorstel.Status.GESPREK]
        ).select_related("baan", "vacature__werkgever")
    )


def werkprofiel_van(*, persoon) -> Werkprofiel | None:
    return Werkprofiel.objects.filter(persoon=persoon).prefetch_related("ervaringen").first()


def top_matches(*, actor: Actor, persoon, aantal: int) -> list[dict]:
    """The resident's best open vacancies with their reasons in words, through the matching
    part (one vectorised ranking); empty without MATCHEN or without a work profile."""
    if not actor.mag(Bevoegdheid.MATCHEN):
        return []
    regels = vacatures_voor_persoon(actor=actor, persoon=persoon, aantal=aantal) or []
    return [
        {
            "titel": r.object.titel,
            "werkgever": r.object.werkgever.naam,
            "score": r.score,
            "redenen": r.redenen,
        }
        for r in regels
    ]
