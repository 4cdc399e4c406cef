"""Ambitiegesprek, route choice, caseload assignment, ontheffingen, contact moments and the
participatieladder."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.begeleiding.models import (
    Ambitiegesprek,
    Contactmoment,
    LadderPositie,
    Ontheffing,
    OntheffingSoort,
    Route,
    RouteKeuze,
    Toewijzing,
)
from meedoen.begeleiding.services._basis import (
    DOEL_BEGELEIDING,
    mag_caseload_verdelen,
    niet_in_toekomst,
    vereis_schrijven,
)
from meedoen.begeleiding.services.stand import stand_bijwerken
from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.roles import Rol
from meedoen.signalen.models import TaakBron, TaakSoort
from meedoen.signalen.services import taak_aanmaken

AMBITIE_VELDEN = (
    "ambities",
    "sterke_punten",
    "werkervaring",
    "wensen",
    "uren_beschikbaar",
    "beperking_kinderopvang",
    "beperking_gezondheid",
    "overige_beperkingen",
    "voorkeursroute",
)
HERBEOORDELEN_VOOR_EINDE = dt.timedelta(weeks=4)


def _audit(actor, actie, obj, persoon, waarden: Mapping[str, Any], voor=None) -> None:
    audit_vastleggen(
        actor=actor,
        actie=actie,
        doel=DOEL_BEGELEIDING,
        obj=obj,
        persoon_id=persoon.pk,
        wijzigingen=wijzigingen_tussen(voor or {}, dict(waarden)),
    )


def _route_van_gemeente(route: Route | None, persoon, veld: str) -> None:
    if route is not None and route.gemeente_id != persoon.gemeente_id:
        raise ValidationError({veld: _("Kies een route van de gemeente van de inwoner.")})


@transaction.atomic
def ambitiegesprek_vastleggen(
    *, actor: Actor, persoon, datum: dt.date, gegevens: Mapping[str, Any], vandaag: dt.date
) -> Ambitiegesprek:
    vereis_schrijven(actor, persoon.gemeente_id)
    niet_in_toekomst(datum, vandaag)
    _route_van_gemeente(gegevens.get("voorkeursroute"), persoon, "voorkeursroute")
    gesprek = Ambitiegesprek(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        datum=datum,
        gevoerd_door=actor.user,
        **{v: gegevens[v] for v in AMBITIE_VELDEN if v in gegevens},
    )
    gesprek.full_clean()
    gesprek.save()
    _audit(
        actor,
        Actie.AANGEMAAKT,
        gesprek,
        persoon,
        {v: getattr(gesprek, v) for v in AMBITIE_VELDEN} | {"datum": datum},
    )
    return gesprek


@transaction.atomic
def route_kiezen(
    *,
    actor: Actor,
    persoon,
    route: Route,
    ingangsdatum: dt.date,
    advies=None,
    reden_afwijking: str = "",
    ambitiegesprek: Ambitiegesprek | None = None,
) -> RouteKeuze:
    """Record the route the resident chose, with the advice given at that moment. When the
    choice differs from the advice, the reason is required. A new row every time: changes both
    ways (e.g. Groeien -> Zorgen -> Groeien) keep their history."""
    vereis_schrijven(actor, persoon.gemeente_id)
    _route_van_gemeente(route, persoon, "route")
    if not route.actief:
        raise ValidationError({"route": _("Deze route wordt niet meer gebruikt.")})
    geadviseerd = advies.route if advies else None
    if geadviseerd is not None and geadviseerd.pk != route.pk and not reden_afwijking.strip():
        raise ValidationError(
            {
                "reden_afwijking": _(
                    "De keuze wijkt af van het advies (%(advies)s). Schrijf op waarom."
                )
                % {"advies": geadviseerd.naam}
            }
        )
    keuze = RouteKeuze(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        route=route,
        ingangsdatum=ingangsdatum,
        geadviseerde_route=geadviseerd,
        advies_uitleg=advies.uitleg if advies else "",
        reden_afwijking=reden_afwijking.strip(),
        ambitiegesprek=ambitiegesprek,
        vastgelegd_door=actor.user,
    )
    keuze.full_clean()
    keuze.save()
    _audit(
        actor,
        Actie.AANGEMAAKT,
        keuze,
        persoon,
        {
            "route": route.naam,
            "geadviseerde_route": geadviseerd.naam if geadviseerd else None,
            "advies_uitleg": keuze.advies_uitleg,
            "reden_afwijking": keuze.reden_afwijking,
            "ingangsdatum": ingangsdatum,
        },
    )
    stand = stand_bijwerken(persoon=persoon)
    if stand.klantmanager_id is None and Rol.KLANTMANAGER in actor.rollen:
        _toewijzen(actor, persoon, actor.user, ingangsdatum, _("Eerste klantmanager"))
        stand_bijwerken(persoon=persoon)
    return keuze


def _toewijzen(actor, persoon, klantmanager, per: dt.date, reden: str) -> Toewijzing:
    lopend = Toewijzing.objects.select_for_update().filter(persoon=persoon, tot__isnull=True)
    vorige = None
    for oud in lopend:
        vorige = oud.klantmanager
        if oud.klantmanager_id == klantmanager.pk:
            raise ValidationError({"klantmanager": _("Deze klantmanager begeleidt de inwoner al.")})
        oud.tot = max(per, oud.van)
        oud.full_clean()
        oud.save(update_fields=["tot", "gewijzigd_op"])
    nieuw = Toewijzing(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        klantmanager=klantmanager,
        van=per,
        reden=reden,
        door=actor.user,
    )
    nieuw.full_clean()
    nieuw.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL_BEGELEIDING,
        obj=nieuw,
        persoon_id=persoon.pk,
        wijzigingen={
            "klantmanager": [
                vorige.get_full_name() if vorige else None,
                klantmanager.get_full_name() or klantmanager.get_username(),
            ],
            "reden": [None, reden],
        },
    )
    return nieuw


@transaction.atomic
def klantmanager_toewijzen(
    *, actor: Actor, persoon, klantmanager, per: dt.date, reden: str
) -> Toewijzing:
    """A teamleider (re)assigns a resident to a klantmanager of the same organisation."""
    vereis_schrijven(actor, persoon.gemeente_id)
    if not mag_caseload_verdelen(actor):
        raise Geweigerd("caseload verdelen")
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden voor de wijziging.")})
    if (
        klantmanager.organisatie_id != actor.organisatie.pk
        or not klantmanager.rollen.filter(code=Rol.KLANTMANAGER).exists()
    ):
        raise ValidationError({"klantmanager": _("Kies een klantmanager van uw organisatie.")})
    toewijzing = _toewijzen(actor, persoon, klantmanager, per, reden)
    stand_bijwerken(persoon=persoon)
    return toewijzing


@transaction.atomic
def ontheffing_vastleggen(
    *, actor: Actor, persoon, gegevens: Mapping[str, Any], vandaag: dt.date
) -> Ontheffing:
    """A full, partial or temporary ontheffing. With an end date a review task is made four
    weeks before it ends (the daily run makes it too, so it cannot be missed)."""
    vereis_schrijven(actor, persoon.gemeente_id)
    ontheffing = Ontheffing(
        gemeente_id=persoon.gemeente_id, persoon=persoon, vastgelegd_door=actor.user, **gegevens
    )
    if ontheffing.soort == OntheffingSoort.TIJDELIJK and ontheffing.einde is None:
        raise ValidationError({"einde": _("Een tijdelijke ontheffing heeft een einddatum.")})
    if ontheffing.soort == OntheffingSoort.GEDEELTELIJK and not ontheffing.omvang.strip():
        raise ValidationError({"omvang": _("Schrijf op voor welk deel de ontheffing geldt.")})
    if ontheffing.einde is not None and ontheffing.einde <= ontheffing.begin:
        raise ValidationError({"einde": _("De einddatum moet na de ingangsdatum liggen.")})
    ontheffing.full_clean()
    ontheffing.save()
    _audit(
        actor,
        Actie.AANGEMAAKT,
        ontheffing,
        persoon,
        {
            k: getattr(ontheffing, k)
            for k in ("soort", "plichten", "omvang", "reden", "begin", "einde")
        },
    )
    if ontheffing.einde is not None:
        stand = stand_bijwerken(persoon=persoon)
        taak_aanmaken(
            actor=actor,
            gemeente=persoon.gemeente,
            persoon=persoon,
            soort=TaakSoort.ONTHEFFING_HERBEOORDELEN,
            omschrijving=ontheffing_taak_tekst(ontheffing),
            vervaldatum=max(vandaag, ontheffing.einde - HERBEOORDELEN_VOOR_EINDE),
            toegewezen_aan=stand.klantmanager,
            team=stand.route.team if stand.route else None,
            bron=TaakBron.SYSTEEM,
            bron_sleutel=f"ontheffing:{ontheffing.pk}:herbeoordelen",
        )
    return ontheffing


def ontheffing_taak_tekst(ontheffing: Ontheffing) -> str:
    return _("De %(soort)s loopt af op %(einde)s. Bespreek samen hoe het verder gaat.") % {
        "soort": ontheffing.get_soort_display(),
        "einde": ontheffing.einde.strftime("%d-%m-%Y"),
    }


@transaction.atomic
def contactmoment_vastleggen(
    *, actor: Actor, persoon, gegevens: Mapping[str, Any], vandaag: dt.date
) -> Contactmoment:
    vereis_schrijven(actor, persoon.gemeente_id)
    niet_in_toekomst(gegevens["datum"], vandaag)
    contact = Contactmoment(
        gemeente_id=persoon.gemeente_id, persoon=persoon, medewerker=actor.user, **gegevens
    )
    contact.full_clean()
    contact.save()
    _audit(
        actor,
        Actie.AANGEMAAKT,
        contact,
        persoon,
        {k: getattr(contact, k) for k in ("datum", "kanaal", "samenvatting", "volgende_stap")},
    )
    stand_bijwerken(persoon=persoon)
    return contact


@transaction.atomic
def ladderpositie_vastleggen(
    *, actor: Actor, persoon, trede: int, datum: dt.date, toelichting: str, vandaag: dt.date
) -> LadderPositie:
    """Any step, up or down, is recorded the same way: one row with date and assessor."""
    vereis_schrijven(actor, persoon.gemeente_id)
    niet_in_toekomst(datum, vandaag)
    vorige = (
        LadderPositie.objects.filter(persoon=persoon).order_by("-datum", "-aangemaakt_op").first()
    )
    positie = LadderPositie(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        trede=trede,
        datum=datum,
        beoordelaar=actor.user,
        toelichting=toelichting,
    )
    positie.full_clean()
    positie.save()
    _audit(
        actor,
        Actie.AANGEMAAKT,
        positie,
        persoon,
        {"trede": trede, "datum": datum},
        voor={"trede": vorige.trede if vorige else None},
    )
    return positie
