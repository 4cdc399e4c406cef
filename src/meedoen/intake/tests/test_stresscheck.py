"""The stress check marks "eerst stabiliteit" transparently, and referrals share only the
chosen facts, recorded as such in the audit trail."""

import datetime as dt
from decimal import Decimal

import pytest

from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.intake import services
from meedoen.intake.models import Intake, ZrmDomein
from meedoen.testing.begeleiding_factories import PartnerFactory
from meedoen.testing.factories import PersoonFactory

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 3, 1)


def _zrm(**afwijkend):
    return {d.value: (afwijkend.get(d.value, 4), f"toelichting {d.label}") for d in ZrmDomein}


def _intake(tenant, persoon, **gegevens):
    return services.intake_vastleggen(
        actor=tenant.actor(Rol.KLANTMANAGER),
        persoon=persoon,
        datum=VANDAAG,
        zrm=_zrm(),
        gegevens={"hulpvraag": "Hulp bij schulden", **gegevens},
        vandaag=VANDAAG,
    )


def test_bailiff_and_rent_arrears_mean_stability_first_and_say_why(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    intake = _intake(
        tenant_a,
        persoon,
        deurwaarder=True,
        achterstand_huur=True,
        schulden_totaal=Decimal("4250.50"),
        aantal_schuldeisers=3,
    )

    intake = Intake.objects.get(pk=intake.pk)
    assert intake.eerst_stabiliteit is True
    assert intake.stress_redenen == [
        "Er is een deurwaarder betrokken.",
        "Er is een achterstand met de huur.",
    ]
    assert intake.schulden_totaal == Decimal("4250.50")

    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    pagina = client.get(f"/inwoners/{persoon.pk}/").content.decode()
    assert "Eerst stabiliteit." in pagina
    assert "Werk en activering wachten" in pagina
    assert "Er is een deurwaarder betrokken." in pagina


def test_no_signals_no_stability_flag(tenant_a):
    intake = _intake(tenant_a, PersoonFactory(gemeente=tenant_a.gemeente))
    assert intake.eerst_stabiliteit is False
    assert intake.stress_redenen == []


def test_all_thirteen_zrm_domains_are_required(tenant_a):
    scores = _zrm()
    del scores["justitie"]
    with pytest.raises(Exception) as fout:
        services.zrm_meting_vastleggen(
            actor=tenant_a.actor(Rol.KLANTMANAGER),
            persoon=PersoonFactory(gemeente=tenant_a.gemeente),
            datum=VANDAAG,
            scores=scores,
            vandaag=VANDAAG,
        )
    assert "Nog leeg: Justitie" in str(fout.value)


def test_intake_page_proposes_a_referral_and_referral_shares_only_chosen_facts(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente, telefoon="0612345678")
    intake = _intake(
        tenant_a,
        persoon,
        deurwaarder=True,
        schulden_totaal=Decimal("900.00"),
        aantal_schuldeisers=2,
    )
    partner = PartnerFactory(gemeente=tenant_a.gemeente, naam="Schuldhulp Deventer")
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))

    pagina = client.get(f"/intake/{intake.pk}/").content.decode()
    assert f"/intake/inwoner/{persoon.pk}/verwijzen/?partner={partner.pk}" in pagina

    response = client.post(
        f"/intake/inwoner/{persoon.pk}/verwijzen/",
        {"partner": partner.pk, "reden": "Deurwaarder", "feiten": ["naam", "schulden_totaal"]},
    )
    assert response.status_code == 302
    gedeeld = AuditEvent.objects.get(actie=Actie.GEDEELD, persoon_id=persoon.pk)
    assert gedeeld.wijzigingen == {
        "partner": [None, "Schuldhulp Deventer"],
        "gedeeld.naam": [None, persoon.volledige_naam],
        "gedeeld.schulden_totaal": [None, "900.00"],
    }
    assert persoon.bsn not in str(gedeeld.wijzigingen)
    assert "0612345678" not in str(gedeeld.wijzigingen)


def test_intake_form_keeps_what_was_typed_and_explains_errors(tenant_a, ingelogd):
    persoon = PersoonFactory(gemeente=tenant_a.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    response = client.post(
        f"/intake/inwoner/{persoon.pk}/nieuw/",
        {
            "datum": "2026-01-05",
            "hulpvraag": "Werk vinden",
            "schulden_totaal": "abc",
            "zrm_financien": "2",
            "zrm_financien_toelichting": "krap",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Werk vinden" in html and "krap" in html
    assert "Kies een niveau voor dit domein." in html
    assert Intake.objects.count() == 0
