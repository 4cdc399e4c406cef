"""Demo data for bijzondere bijstand: each demo gemeente's catalogue of costs, entered through
the service as the gemeente's functioneel beheerder (so it is in the audit trail). The maxima
are made-up local policy for the demo, not legal amounts. Idempotent: an existing category is
left as it is."""

from meedoen.accounts.models import User
from meedoen.accounts.selectors import actor_voor
from meedoen.core.models import Gemeente
from meedoen.uitkering.bijzondere import beheer
from meedoen.uitkering.models import KostenCategorie

BEHEERDERS = {
    "GM0150": "fb.deventer",
    "GM1680": "fb.drenthe",
    "GM0106": "fb.drenthe",
    "GM1730": "fb.drenthe",
}

CATALOGUS = (
    ("Witgoed", 50000, "Koelkast, wasmachine of kookplaat die kapot is en niet te repareren."),
    (
        "Inrichting",
        150000,
        "Eerste inrichting na dakloosheid, scheiding of vertrek uit een instelling.",
    ),
    ("Bewindvoering", None, "Kosten van beschermingsbewind, zoals de rechter ze vaststelt."),
    ("Reiskosten bezoek ziekenhuis", None, "Reizen naar een partner of kind in het ziekenhuis."),
    ("Medische kosten", None, "Kosten die de zorgverzekering niet vergoedt, met een verklaring."),
)


def bijzondere_inrichten() -> int:
    """Returns how many categories were added."""
    nieuw = 0
    for gemeente in Gemeente.objects.filter(code__in=BEHEERDERS):
        gebruiker = User.objects.filter(username=BEHEERDERS[gemeente.code]).first()
        if gebruiker is None:
            continue
        actor = actor_voor(gebruiker)
        if gemeente.pk not in actor.gemeente_ids:
            continue
        bestaand = set(
            KostenCategorie.objects.filter(gemeente=gemeente).values_list("naam", flat=True)
        )
        for naam, maximum, toelichting in CATALOGUS:
            if naam in bestaand:
                continue
            beheer.kostencategorie_opslaan(
                actor=actor,
                gemeente=gemeente,
                gegevens={
                    "naam": naam,
                    "maximum_cent": maximum,
                    "toelichting": toelichting,
                    "actief": True,
                },
            )
            nieuw += 1
    return nieuw
