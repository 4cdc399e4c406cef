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
