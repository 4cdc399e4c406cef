"""A gemeente's rekenvarianten apply to every calculation for that gemeente."""

from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.uitkering.models import Inkomensbeleid
from meedoen.uitkering.tests.test_berekening_interfaces import SITUATIE

# €400 work income, single parent, 2026-01. Legal: 25% vrijlating = 100.00, benefit 1101.50.
# Extra vrijlating (experiment): 50% of 400 = 200.00, capped at 200.00, on top of the legal one:
# counted 400 − 100 − 200 = 100.00; benefit 1401.50 − 100.00 = 1301.50.


def _api(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_beheerder_switches_on_a_rekenvariant_and_calculations_use_it(tenant_a, ingelogd):
    consulent = _api(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert (
        consulent.post(reverse("api:berekeningen"), SITUATIE, format="json").json()["benefit"]
        == "1101.50"
    )

    beheerder = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    prefix = f"g{tenant_a.gemeente.pk}"
    antwoord = beheerder.post(
        reverse("uitkering:inkomensbeleid"),
        {"gemeente": tenant_a.gemeente.pk, f"{prefix}-rekenvarianten": ["extra_vrijlating_50"]},
    )
    assert antwoord.status_code == 302
    event = AuditEvent.objects.latest("id")
    assert event.wijzigingen == {"rekenvarianten": [[], ["extra_vrijlating_50"]]}

    uitkomst = consulent.post(reverse("api:berekeningen"), SITUATIE, format="json").json()
    assert uitkomst["benefit"] == "1301.50"
    assert uitkomst["reforms"] == ["extra_vrijlating_50"]


def test_a_beheerder_cannot_set_another_organisations_gemeente(tenant_a, tenant_b, ingelogd):
    beheerder = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    beheerder.post(
        reverse("uitkering:inkomensbeleid"),
        {
            "gemeente": tenant_b.gemeente.pk,
            f"g{tenant_b.gemeente.pk}-rekenvarianten": ["extra_vrijlating_50"],
        },
    )
    assert not Inkomensbeleid.objects.filter(gemeente=tenant_b.gemeente).exists()


def test_other_roles_cannot_change_the_policy(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT, Rol.TEAMLEIDER))
    assert client.get(reverse("uitkering:inkomensbeleid")).status_code == 403


UITVOERING = {
    "terugwerkende_kracht_maanden": "3",
    "vier_ogen_grens": "1000.00",
    "telefoonnummer": "14 0570",
    "postadres": "Antwoordnummer 123, 7400 VB Deventer",
    "rekening_iban": "nl20 ingb 0001 2345 67",
    "rekening_bic": "ingbnl2a",
    "rekening_naam": "Gemeente Deventer",
    "vakantiegeld_maand": "6",
}


def test_beheerder_sets_how_the_gemeente_carries_out_bijstand_and_decisions_follow_it(
    tenant_a, ingelogd
):
    from meedoen.uitkering.aanvraag.besluiten import vier_ogen_nodig

    gemeente = tenant_a.gemeente
    assert not vier_ogen_nodig(gemeente=gemeente, bedrag_cent=110150, correctie_cent=0)
    beheerder = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    url = reverse("uitkering:inkomensbeleid_uitvoering") + f"?gemeente={gemeente.pk}"
    assert beheerder.post(url, UITVOERING).status_code == 302

    beleid = Inkomensbeleid.objects.get(gemeente=gemeente)
    assert (beleid.rekening_iban, beleid.rekening_bic) == ("NL20INGB0001234567", "INGBNL2A")
    assert (beleid.terugwerkende_kracht_maanden, beleid.vakantiegeld_maand) == (3, 6)
    # A monthly amount of € 1.101,50 is now above the limit: a colleague must approve it.
    assert vier_ogen_nodig(gemeente=gemeente, bedrag_cent=110150, correctie_cent=0)
    event = AuditEvent.objects.latest("id")
    assert event.doel == "configuratie inkomensbeleid"
    assert event.wijzigingen["vier_ogen_grens_cent"] == [150000, 100000]
    pagina = beheerder.get(reverse("uitkering:inkomensbeleid")).content.decode()
    assert "NL20INGB0001234567 (INGBNL2A), Gemeente Deventer" in pagina
    assert "juni" in pagina


def test_a_wrong_paying_account_is_refused_and_what_was_typed_stays(tenant_a, tenant_b, ingelogd):
    beheerder = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    url = reverse("uitkering:inkomensbeleid_uitvoering") + f"?gemeente={tenant_a.gemeente.pk}"
    pagina = beheerder.post(
        url, UITVOERING | {"rekening_iban": "NL20INGB0001234568", "rekening_bic": "XX"}
    ).content.decode()
    assert "Dit IBAN klopt niet" in pagina
    assert "Antwoordnummer 123, 7400 VB Deventer" in pagina
    assert not Inkomensbeleid.objects.filter(gemeente=tenant_a.gemeente).exists()
    pagina = beheerder.post(url, UITVOERING | {"rekening_bic": "XX"}).content.decode()
    assert "Deze BIC klopt niet" in pagina

    andere = reverse("uitkering:inkomensbeleid_uitvoering") + f"?gemeente={tenant_b.gemeente.pk}"
    assert beheerder.post(andere, UITVOERING).status_code == 404
    consulent = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert consulent.post(url, UITVOERING).status_code == 403
