"""Shared set-up for the aanvraag tests: a resident in a household, and an application
registered through the service (never by writing rows directly, unless a test says why)."""

import datetime as dt

from meedoen.clients.models import HuishoudRol
from meedoen.testing.factories import LidmaatschapFactory, PersoonFactory
from meedoen.uitkering.aanvraag import services
from meedoen.uitkering.models import Aanvraag, Inkomensbeleid

ONTVANGEN = dt.date(2026, 1, 5)
VANDAAG = dt.date(2026, 1, 10)
IBAN = "NL91ABNA0417164300"


def inwoner(
    tenant, *, geboortedatum=dt.date(1990, 5, 1), kinderen=(), partner=None, medebewoners=()
):
    """A resident who is aanvrager of a household since 2020, with its other members."""
    lid = LidmaatschapFactory(
        huishouden__gemeente=tenant.gemeente,
        persoon__geboortedatum=geboortedatum,
        persoon__straat="Brink",
        persoon__huisnummer="12",
        rol=HuishoudRol.AANVRAGER,
        van=dt.date(2020, 1, 1),
    )
    leden = [(HuishoudRol.KIND, d) for d in kinderen] + [
        (HuishoudRol.MEDEBEWONER, d) for d in medebewoners
    ]
    if partner is not None:
        leden.append((HuishoudRol.PARTNER, partner))
    for rol, geboren in leden:
        LidmaatschapFactory(
            huishouden=lid.huishouden,
            persoon=PersoonFactory(gemeente=tenant.gemeente, geboortedatum=geboren),
            rol=rol,
            van=dt.date(2020, 1, 1),
        )
    return lid.persoon


def beleid(tenant, **waarden) -> Inkomensbeleid:
    gevonden, _ = Inkomensbeleid.objects.update_or_create(
        gemeente=tenant.gemeente, defaults=waarden
    )
    return gevonden


def registreer(actor, persoon, **anders) -> Aanvraag:
    waarden = {
        "ontvangen_op": ONTVANGEN,
        "gewenste_ingangsdatum": ONTVANGEN,
        "iban": IBAN,
        "tenaamstelling": persoon.volledige_naam,
        "inkomsten": [],
        "vermogen_cent": 0,
        "eigen_woning_cent": 0,
        "vandaag": VANDAAG,
    } | anders
    return services.aanvraag_registreren(actor=actor, persoon=persoon, **waarden)


def in_onderzoek(actor, persoon, **anders) -> Aanvraag:
    aanvraag = registreer(actor, persoon, **anders)
    return services.status_wijzigen(
        actor=actor, aanvraag=aanvraag, naar=Aanvraag.Status.IN_ONDERZOEK
    )


def werk(persoon, netto_cent: int) -> dict:
    return {"persoon_id": persoon.pk, "bron": "loon", "omschrijving": "", "netto_cent": netto_cent}
