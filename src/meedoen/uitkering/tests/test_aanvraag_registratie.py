"""Registering an application: the household on the receipt date, the beslistermijn, the
retroactive limit, the IBAN, and the search period for under-27s."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meedoen.clients.models import HuishoudRol
from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import LidmaatschapFactory, PersoonFactory
from meedoen.uitkering.models import Aanvraag, AanvraagStatus
from meedoen.uitkering.tests.aanvraag_hulp import IBAN, beleid, inwoner, registreer, werk

pytestmark = pytest.mark.django_db


def test_the_household_is_recorded_as_it_was_on_the_receipt_date(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    persoon = inwoner(
        tenant_a,
        kinderen=[dt.date(2019, 3, 1)],
        partner=dt.date(1988, 2, 2),
        medebewoners=[dt.date(1960, 2, 1)],
    )
    huishouden = persoon.lidmaatschappen.get().huishouden
    partner = huishouden.leden.get(rol=HuishoudRol.PARTNER).persoon
    medebewoner = huishouden.leden.get(rol=HuishoudRol.MEDEBEWONER).persoon
    # A baby born after the receipt date is not part of what was applied for.
    LidmaatschapFactory(
        huishouden=huishouden,
        persoon=PersoonFactory(gemeente=tenant_a.gemeente, geboortedatum=dt.date(2026, 1, 8)),
        rol=HuishoudRol.KIND,
        van=dt.date(2026, 1, 8),
    )

    aanvraag = registreer(
        actor,
        persoon,
        inkomsten=[werk(persoon, 40000), werk(partner, 0)],
        medebewoners={str(medebewoner.pk): {"commerciele_huur": True, "student": False}},
        vermogen_cent=250000,
    )

    g = aanvraag.gegevens
    assert g["peildatum"] == "2026-01-05"
    assert g["aanvrager"]["persoon_id"] == str(persoon.pk)
    assert g["partner"]["persoon_id"] == str(partner.pk)
    assert [k["geboortedatum"] for k in g["kinderen"]] == ["2019-03-01"]
    assert g["medebewoners"][0]["commerciele_huur"] is True
    # Only a non-zero income is kept: €400.00 from work of the applicant.
    assert g["inkomsten"] == [
        {"persoon_id": str(persoon.pk), "bron": "loon", "omschrijving": "", "netto_cent": 40000}
    ]
    assert g["vermogen_cent"] == 250000
    assert aanvraag.huishouden == huishouden
    assert aanvraag.behandelaar == actor.user
    assert aanvraag.status == Aanvraag.Status.INGEDIEND
    eerste = AanvraagStatus.objects.get(aanvraag=aanvraag)
    assert (eerste.van, eerste.naar) == ("", Aanvraag.Status.INGEDIEND)
    event = AuditEvent.objects.latest("id")
    assert (event.actie, event.object_id, event.persoon_id) == (
        "aangemaakt",
        str(aanvraag.pk),
        persoon.pk,
    )


def test_the_beslistermijn_is_eight_weeks_after_receipt(tenant_a):
    aanvraag = registreer(tenant_a.actor(Rol.INKOMENSCONSULENT), inwoner(tenant_a))
    # 5 January 2026 + 56 days: 26 days to 31 January, 28 in February, 2 in March.
    assert aanvraag.beslistermijn == dt.date(2026, 3, 2)


def test_retroactive_start_only_as_far_back_as_the_gemeente_allows(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    persoon = inwoner(tenant_a)
    ontvangen = dt.date(2026, 4, 15)
    vandaag = dt.date(2026, 4, 20)

    # Default policy: no retroactive bijstand at all.
    with pytest.raises(ValidationError) as fout:
        registreer(
            actor,
            persoon,
            ontvangen_op=ontvangen,
            gewenste_ingangsdatum=dt.date(2026, 4, 14),
            vandaag=vandaag,
        )
    assert (
        "geen bijstand met terugwerkende kracht"
        in fout.value.message_dict["gewenste_ingangsdatum"][0]
    )

    beleid(tenant_a, terugwerkende_kracht_maanden=3)
    # 3 months before 15 April is 15 January: that day is allowed, the day before is not.
    with pytest.raises(ValidationError) as fout:
        registreer(
            actor,
            persoon,
            ontvangen_op=ontvangen,
            gewenste_ingangsdatum=dt.date(2026, 1, 14),
            vandaag=vandaag,
        )
    assert fout.value.message_dict["gewenste_ingangsdatum"] == [
        "De ingangsdatum kan hoogstens 3 maanden vóór de ontvangstdatum liggen, dus niet vóór "
        "15 januari 2026."
    ]
    aanvraag = registreer(
        actor,
        persoon,
        ontvangen_op=ontvangen,
        gewenste_ingangsdatum=dt.date(2026, 1, 15),
        vandaag=vandaag,
    )
    assert aanvraag.gewenste_ingangsdatum == dt.date(2026, 1, 15)


def test_three_months_back_from_the_end_of_a_long_month_lands_on_the_end_of_february(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    beleid(tenant_a, terugwerkende_kracht_maanden=3)
    persoon = inwoner(tenant_a)
    # 31 May 2026 - 3 months: February 2026 has 28 days.
    with pytest.raises(ValidationError, match="28 februari 2026"):
        registreer(
            actor,
            persoon,
            ontvangen_op=dt.date(2026, 5, 31),
            gewenste_ingangsdatum=dt.date(2026, 2, 27),
            vandaag=dt.date(2026, 6, 1),
        )


def test_the_iban_is_checked_and_stored_without_spaces(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    persoon = inwoner(tenant_a)
    with pytest.raises(ValidationError) as fout:
        registreer(actor, persoon, iban="NL91ABNA0417164301")  # last digit wrong
    assert fout.value.message_dict["iban"] == [
        "Dit IBAN klopt niet. Controleer het nummer, bijvoorbeeld NL91 ABNA 0417 1643 00."
    ]
    aanvraag = registreer(actor, persoon, iban="nl91 abna 0417 1643 00")
    assert aanvraag.iban == IBAN


@pytest.mark.parametrize(
    ("geboren", "zoektermijn"),
    [
        # 25 on 5 January 2026: 4 weeks (28 days) after receipt is 2 February.
        (dt.date(2000, 1, 10), dt.date(2026, 2, 2)),
        # 26 until the day before the 27th birthday.
        (dt.date(1999, 1, 6), dt.date(2026, 2, 2)),
        # 27 on the receipt date itself: no search period.
        (dt.date(1999, 1, 5), None),
        (dt.date(1990, 5, 1), None),
    ],
)
def test_under_27_a_search_period_of_four_weeks_is_recorded(tenant_a, geboren, zoektermijn):
    aanvraag = registreer(
        tenant_a.actor(Rol.INKOMENSCONSULENT), inwoner(tenant_a, geboortedatum=geboren)
    )
    assert aanvraag.zoektermijn_tot == zoektermijn


def test_maatwerk_lifts_the_search_period_but_needs_a_reason(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    persoon = inwoner(tenant_a, geboortedatum=dt.date(2003, 6, 1))
    with pytest.raises(ValidationError) as fout:
        registreer(actor, persoon, zoektermijn_maatwerk=True, zoektermijn_maatwerk_reden=" ")
    assert "zoektermijn_maatwerk_reden" in fout.value.message_dict
    aanvraag = registreer(
        actor, persoon, zoektermijn_maatwerk=True, zoektermijn_maatwerk_reden="Dakloos"
    )
    assert aanvraag.zoektermijn_tot is None
    assert aanvraag.zoektermijn_maatwerk_reden == "Dakloos"


def test_refused_input_is_named_clearly(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    persoon = inwoner(tenant_a, kinderen=[dt.date(2010, 1, 1)])
    kind = persoon.lidmaatschappen.get().huishouden.leden.get(rol=HuishoudRol.KIND).persoon
    with pytest.raises(ValidationError, match="ontvangstdatum ligt in de toekomst"):
        registreer(actor, persoon, ontvangen_op=dt.date(2026, 1, 11))
    with pytest.raises(ValidationError, match="alleen inkomen in van de aanvrager"):
        registreer(actor, persoon, inkomsten=[werk(kind, 10000)])
    zonder_huishouden = PersoonFactory(gemeente=tenant_a.gemeente)
    with pytest.raises(ValidationError, match="niet bij een huishouden"):
        registreer(actor, zonder_huishouden)
    assert not Aanvraag.objects.exists()


def test_only_an_inkomensconsulent_of_the_gemeente_registers(tenant_a, tenant_b):
    persoon = inwoner(tenant_a)
    for actor in (tenant_a.actor(Rol.KLANTMANAGER), tenant_b.actor(Rol.INKOMENSCONSULENT)):
        with pytest.raises(Geweigerd):
            registreer(actor, persoon)


def _formulier(persoon, **anders):
    return {
        "ontvangen_op": "2026-01-05",
        "gewenste_ingangsdatum": "2026-01-05",
        "iban": "NL91 ABNA 0417 1643 00",
        "tenaamstelling": "J. Jansen",
        "vermogen": "0.00",
        "eigen_woning": "0.00",
        "vrijlating_werk_maanden": "0",
        "vrijlating_alleenstaande_ouder_maanden": "0",
        "inkomen-TOTAL_FORMS": "1",
        "inkomen-INITIAL_FORMS": "0",
        "inkomen-0-persoon": str(persoon.pk),
        "inkomen-0-bron": "loon",
        "inkomen-0-bedrag": "400.00",
    } | anders


def test_the_form_registers_and_keeps_what_was_typed_on_an_error(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    persoon = inwoner(tenant_a)
    url = reverse("uitkering:aanvraag_registreren", args=[persoon.pk])
    assert client.get(url).status_code == 200

    fout = client.post(url, _formulier(persoon, iban="NL00 1234"))
    assert fout.status_code == 200
    html = fout.content.decode()
    assert "Dit IBAN klopt niet" in html
    assert 'value="NL00 1234"' in html
    assert not Aanvraag.objects.exists()

    antwoord = client.post(url, _formulier(persoon))
    aanvraag = Aanvraag.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("uitkering:aanvraag_detail", args=[aanvraag.pk])
    assert aanvraag.gegevens["inkomsten"][0]["netto_cent"] == 40000
