import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from meedoen.clients import selectors, services
from meedoen.clients.models import HuishoudRol
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol

D = dt.date


def registreer(actor, gemeente, voornaam, bsn, **kwargs):
    return services.persoon_registreren(
        actor=actor,
        gemeente=gemeente,
        gegevens={
            "bsn": bsn,
            "voornamen": voornaam,
            "achternaam": "Bakker",
            "geboortedatum": D(1985, 3, 1),
        },
        **kwargs,
    )


def namen_op(huishouden, datum):
    return sorted(
        (lid.persoon.voornamen, lid.rol)
        for lid in selectors.samenstelling_op(huishouden=huishouden, datum=datum)
    )


def test_household_on_any_date_is_reconstructed_after_several_changes(tenant_a):
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    anna = registreer(actor, tenant_a.gemeente, "Anna", "111222333", per=D(2020, 1, 1))
    huishouden = selectors.huishouden_van(persoon=anna, datum=D(2020, 1, 1)).huishouden
    bram = registreer(
        actor,
        tenant_a.gemeente,
        "Bram",
        "123456782",
        huishouden=huishouden,
        rol=HuishoudRol.PARTNER,
        per=D(2021, 6, 1),
        reden="Samenwonen",
    )
    cas = registreer(
        actor,
        tenant_a.gemeente,
        "Cas",
        "012345672",
        huishouden=huishouden,
        rol=HuishoudRol.KIND,
        per=D(2022, 2, 10),
        reden="Geboorte",
    )
    bram_lid = bram.lidmaatschappen.get()
    services.lidmaatschap_beeindigen(
        actor=actor, lidmaatschap=bram_lid, per=D(2024, 9, 1), reden="Uit elkaar"
    )
    cas_lid = cas.lidmaatschappen.get()
    # Cas turns 18 and stays as medebewoner: a new period, the old one is kept.
    services.rol_wijzigen(
        actor=actor,
        lidmaatschap=cas_lid,
        rol=HuishoudRol.MEDEBEWONER,
        per=D(2025, 1, 1),
        reden="Andere rol",
    )

    assert namen_op(huishouden, D(2019, 12, 31)) == []
    assert namen_op(huishouden, D(2020, 1, 1)) == [("Anna", "aanvrager")]
    assert namen_op(huishouden, D(2021, 5, 31)) == [("Anna", "aanvrager")]
    assert namen_op(huishouden, D(2021, 6, 1)) == [("Anna", "aanvrager"), ("Bram", "partner")]
    assert namen_op(huishouden, D(2023, 1, 1)) == [
        ("Anna", "aanvrager"),
        ("Bram", "partner"),
        ("Cas", "kind"),
    ]
    assert namen_op(huishouden, D(2024, 8, 31)) == [
        ("Anna", "aanvrager"),
        ("Bram", "partner"),
        ("Cas", "kind"),
    ]
    assert namen_op(huishouden, D(2024, 9, 1)) == [("Anna", "aanvrager"), ("Cas", "kind")]
    assert namen_op(huishouden, D(2025, 1, 1)) == [("Anna", "aanvrager"), ("Cas", "medebewoner")]


def test_household_change_records_before_and_after(tenant_a):
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    anna = registreer(actor, tenant_a.gemeente, "Anna", "111222333", per=D(2020, 1, 1))
    huishouden = selectors.huishouden_van(persoon=anna, datum=D(2020, 1, 1)).huishouden
    bram = registreer(
        actor,
        tenant_a.gemeente,
        "Bram",
        "123456782",
        huishouden=huishouden,
        rol=HuishoudRol.PARTNER,
        per=D(2021, 6, 1),
        reden="Samenwonen",
    )
    services.lidmaatschap_beeindigen(
        actor=actor, lidmaatschap=bram.lidmaatschappen.get(), per=D(2024, 9, 1), reden="Uit elkaar"
    )
    event = AuditEvent.objects.filter(object_id=str(huishouden.pk)).order_by("-id").first()
    assert event.actie == "beeindigd"
    assert event.persoon_id == bram.pk
    assert event.actor_id == actor.user.pk
    voor, na = event.wijzigingen["samenstelling"]
    assert voor == ["Anna Bakker (aanvrager)", "Bram Bakker (partner)"]
    assert na == ["Anna Bakker (aanvrager)"]
    assert event.wijzigingen["reden"] == [None, "Uit elkaar"]


def test_a_household_cannot_get_a_second_partner(tenant_a):
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    anna = registreer(actor, tenant_a.gemeente, "Anna", "111222333", per=D(2020, 1, 1))
    huishouden = selectors.huishouden_van(persoon=anna, datum=D(2020, 1, 1)).huishouden
    registreer(
        actor,
        tenant_a.gemeente,
        "Bram",
        "123456782",
        huishouden=huishouden,
        rol=HuishoudRol.PARTNER,
        per=D(2021, 6, 1),
        reden="Samenwonen",
    )
    with pytest.raises(ValidationError) as excinfo:
        registreer(
            actor,
            tenant_a.gemeente,
            "Dirk",
            "012345672",
            huishouden=huishouden,
            rol=HuishoudRol.PARTNER,
            per=D(2022, 1, 1),
            reden="Samenwonen",
        )
    assert "al een partner" in excinfo.value.message_dict["rol"][0]


def test_a_change_without_reason_is_refused_and_nothing_is_written(tenant_a):
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    anna = registreer(actor, tenant_a.gemeente, "Anna", "111222333", per=D(2020, 1, 1))
    lid = anna.lidmaatschappen.get()
    aantal_events = AuditEvent.objects.count()
    with pytest.raises(ValidationError):
        services.lidmaatschap_beeindigen(
            actor=actor, lidmaatschap=lid, per=D(2021, 1, 1), reden=" "
        )
    lid.refresh_from_db()
    assert lid.tot is None
    assert AuditEvent.objects.count() == aantal_events


def test_ending_before_the_start_is_refused(tenant_a):
    actor = tenant_a.actor(Rol.KLANTMANAGER)
    anna = registreer(actor, tenant_a.gemeente, "Anna", "111222333", per=D(2020, 1, 1))
    with pytest.raises(ValidationError) as excinfo:
        services.lidmaatschap_beeindigen(
            actor=actor, lidmaatschap=anna.lidmaatschappen.get(), per=D(2019, 1, 1), reden="x"
        )
    assert "na de begindatum" in excinfo.value.message_dict["per"][0]
