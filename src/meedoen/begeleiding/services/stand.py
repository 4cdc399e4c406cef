"""Keeps Begeleidingsstand (current klantmanager, route, last contact, contact due date) in
step with the history rows. Called by every service that changes one of them."""

import datetime as dt

from django.db.models import Max

from meedoen.begeleiding.models import Begeleidingsstand, Contactmoment, RouteKeuze, Toewijzing


def contact_uiterlijk(*, route, route_sinds, laatste_contact) -> dt.date | None:
    """The next contact is due `interval` days after the last contact, or after the start of
    the route when there was none since (a contact before the route started does not count)."""
    if route is None or route_sinds is None:
        return None
    basis = route_sinds if laatste_contact is None else max(laatste_contact, route_sinds)
    return basis + dt.timedelta(days=route.contact_interval_dagen)


def stand_bijwerken(*, persoon) -> Begeleidingsstand:
    keuze = (
        RouteKeuze.objects.filter(persoon=persoon)
        .select_related("route")
        .order_by("-ingangsdatum", "-aangemaakt_op")
        .first()
    )
    toewijzing = Toewijzing.objects.filter(persoon=persoon, tot__isnull=True).first()
    laatste = Contactmoment.objects.filter(persoon=persoon).aggregate(m=Max("datum"))["m"]
    stand, _nieuw = Begeleidingsstand.objects.select_for_update().get_or_create(
        persoon=persoon, defaults={"gemeente_id": persoon.gemeente_id}
    )
    stand.klantmanager_id = toewijzing.klantmanager_id if toewijzing else None
    stand.route = keuze.route if keuze else None
    stand.route_sinds = keuze.ingangsdatum if keuze else None
    stand.laatste_contact = laatste
    stand.contact_uiterlijk = contact_uiterlijk(
        route=stand.route, route_sinds=stand.route_sinds, laatste_contact=laatste
    )
    stand.full_clean(validate_constraints=False)
    stand.save()
    return stand


def standen_van_route_herberekenen(*, route) -> int:
    """After a route's interval changed: recompute every due date in that route."""
    gewijzigd = []
    for stand in Begeleidingsstand.objects.filter(route=route).iterator(chunk_size=2000):
        stand.contact_uiterlijk = contact_uiterlijk(
            route=route, route_sinds=stand.route_sinds, laatste_contact=stand.laatste_contact
        )
        gewijzigd.append(stand)
    Begeleidingsstand.objects.bulk_update(gewijzigd, ["contact_uiterlijk"], batch_size=2000)
    return len(gewijzigd)
