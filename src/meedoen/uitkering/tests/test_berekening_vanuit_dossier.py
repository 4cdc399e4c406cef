""" "Bijstand berekenen voor dit huishouden" from any member's dossier fills in the same household
(clients.huishoudrollen, the one rule every calculation uses): from the partner's dossier the
applicant is the partner, and a child who is 18 or older counts as a housemate, not as a child."""

import datetime as dt

import pytest
from django.urls import reverse

from meedoen.clients.models import HuishoudRol
from meedoen.core.roles import Rol
from meedoen.testing.factories import HuishoudenFactory, LidmaatschapFactory

pytestmark = pytest.mark.django_db


def _lid(huishouden, rol, geboren):
    return LidmaatschapFactory(
        huishouden=huishouden, rol=rol, van=dt.date(2020, 1, 1), persoon__geboortedatum=geboren
    ).persoon


@pytest.fixture
def gezin(tenant_a):
    huishouden = HuishoudenFactory(gemeente=tenant_a.gemeente)
    return {
        "aanvrager": _lid(huishouden, HuishoudRol.AANVRAGER, dt.date(1980, 2, 1)),
        "partner": _lid(huishouden, HuishoudRol.PARTNER, dt.date(1982, 3, 1)),
        "kind": _lid(huishouden, HuishoudRol.KIND, dt.date(2015, 4, 1)),
        "volwassen_kind": _lid(huishouden, HuishoudRol.KIND, dt.date(2000, 5, 1)),
    }


def _pagina(client, persoon):
    return client.get(reverse("uitkering:berekening"), {"persoon": persoon.pk})


def test_from_the_partners_dossier_the_applicant_is_the_partner(tenant_a, ingelogd, gezin):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))

    pagina = _pagina(client, gezin["partner"])

    initial = pagina.context["form"].initial
    assert initial["aanvrager_geboortedatum"] == dt.date(1982, 3, 1)
    assert initial.get("heeft_partner") is True
    assert initial.get("partner_geboortedatum") == dt.date(1980, 2, 1)
    assert pagina.context["kinderen"].initial == [{"geboortedatum": dt.date(2015, 4, 1)}]
    assert pagina.context["medebewoners"].initial == [{"geboortedatum": dt.date(2000, 5, 1)}]


def test_from_the_applicants_dossier_an_adult_child_is_a_housemate(tenant_a, ingelogd, gezin):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))

    pagina = _pagina(client, gezin["aanvrager"])

    initial = pagina.context["form"].initial
    assert initial.get("partner_geboortedatum") == dt.date(1982, 3, 1)
    assert pagina.context["kinderen"].initial == [{"geboortedatum": dt.date(2015, 4, 1)}]
    assert pagina.context["medebewoners"].initial == [{"geboortedatum": dt.date(2000, 5, 1)}]
