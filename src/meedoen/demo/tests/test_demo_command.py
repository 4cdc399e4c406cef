"""`meedoen demo`: idempotent loading, valid rows, the household mix and the demo users."""

import datetime as dt
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from meedoen.accounts.models import Organisatie, User
from meedoen.accounts.selectors import actor_voor
from meedoen.clients.models import Huishouden, HuishoudRol, Lidmaatschap, Persoon
from meedoen.clients.normalize import zoeksleutel
from meedoen.clients.selectors import personen_zoeken
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.demo.population import MEDEBEWONER_MIN_LEEFTIJD, SAMENSTELLING_AANDELEN, leeftijd_op
from meedoen.demo.population import Samenstelling as S
from meedoen.demo.services import DEMO_WACHTWOORD, DOEL_DEMO

PEILDATUM = dt.date(2026, 1, 1)
# The household mix of 1,000 residents may differ this much from the target shares.
TOLERANTIE_MIX = 0.05


def demo(aantal, seed=1):
    uit = StringIO()
    call_command("demo", clients=aantal, seed=seed, peildatum=PEILDATUM, stdout=uit)
    return uit.getvalue()


def tellingen():
    return (Persoon.objects.count(), Huishouden.objects.count(), Lidmaatschap.objects.count())


def samenstelling(rollen: set[str]) -> S:
    if HuishoudRol.MEDEBEWONER in rollen:
        return S.MET_MEDEBEWONER
    if HuishoudRol.PARTNER in rollen:
        return S.PAAR
    if HuishoudRol.KIND in rollen:
        return S.EENOUDER
    return S.ALLEENSTAAND


@pytest.mark.django_db
def test_a_second_run_with_the_same_arguments_adds_nothing():
    demo(300)
    voor = tellingen()
    personen = set(Persoon.objects.values_list("id", "bsn", "voornamen", "geboortedatum"))
    uitvoer = demo(300)
    assert tellingen() == voor == (300, voor[1], 300)
    assert set(Persoon.objects.values_list("id", "bsn", "voornamen", "geboortedatum")) == personen
    assert "Nieuw: 0 inwoners, 0 huishoudens, 0 lidmaatschappen" in uitvoer


@pytest.mark.django_db
def test_a_larger_number_adds_only_the_missing_residents():
    demo(200)
    eerst = set(Persoon.objects.values_list("id", flat=True))
    demo(350)
    assert Persoon.objects.count() == 350
    assert eerst < set(Persoon.objects.values_list("id", flat=True))
    # Every person still has exactly one membership; none were duplicated.
    assert Lidmaatschap.objects.count() == 350


@pytest.mark.django_db
def test_another_seed_adds_other_people():
    demo(100, seed=1)
    demo(100, seed=2)
    assert Persoon.objects.count() == 200


@pytest.mark.django_db
def test_one_summary_audit_event_per_run_that_adds_residents():
    demo(150)
    demo(150)
    events = AuditEvent.objects.filter(doel=DOEL_DEMO)
    assert events.count() == 1
    event = events.get()
    assert event.actor is None and event.actor_naam == "systeem"
    assert event.wijzigingen["personen"] == [0, 150]


@pytest.mark.django_db
def test_rows_are_what_the_registration_service_would_store():
    demo(300)
    for persoon in Persoon.objects.all():
        persoon.full_clean(validate_constraints=False)  # BSN elfproef, postcode, e-mail
        assert persoon.zoeknaam == zoeksleutel(persoon.volledige_naam)
        assert persoon.postcode[4] == " "
    for lid in Lidmaatschap.objects.select_related("huishouden", "persoon"):
        assert lid.gemeente_id == lid.huishouden.gemeente_id == lid.persoon.gemeente_id


@pytest.mark.django_db
def test_the_household_mix_of_1000_residents_is_close_to_the_bijstand_population():
    demo(1000)
    rollen: dict = {}
    for huishouden_id, rol in Lidmaatschap.objects.filter(tot__isnull=True).values_list(
        "huishouden_id", "rol"
    ):
        rollen.setdefault(huishouden_id, set()).add(rol)
    mix = Counter(samenstelling(r) for r in rollen.values())
    for soort, doel in SAMENSTELLING_AANDELEN.items():
        assert abs(mix[soort] / len(rollen) - doel) <= TOLERANTIE_MIX, (soort, mix)
    # About one household in ten shows history: a partner who left or a child who moved out.
    met_geschiedenis = Huishouden.objects.filter(leden__tot__isnull=False).distinct().count()
    assert 0.06 <= met_geschiedenis / Huishouden.objects.count() <= 0.14


@pytest.mark.django_db
def test_medebewoners_are_27_or_older_on_the_reference_date():
    demo(1000)
    medebewoners = Lidmaatschap.objects.filter(rol=HuishoudRol.MEDEBEWONER).select_related(
        "persoon"
    )
    assert medebewoners.exists()
    for lid in medebewoners:
        assert leeftijd_op(lid.persoon.geboortedatum, PEILDATUM) >= MEDEBEWONER_MIN_LEEFTIJD


@pytest.mark.django_db
def test_every_role_has_a_demo_user_in_each_organisation():
    demo(0)
    organisaties = Organisatie.objects.all()
    assert {o.naam for o in organisaties} == {
        "Sociale dienst Drenthe-Noord",
        "Gemeente Deventer, Werk en Inkomen",
    }
    for organisatie in organisaties:
        rollen = set(
            User.objects.filter(organisatie=organisatie).values_list("rollen__code", flat=True)
        )
        assert rollen == {str(r) for r in Rol}, organisatie
    drenthe = {g.naam for g in organisaties.get(naam__startswith="Sociale").gemeenten.all()}
    assert drenthe == {"Aa en Hunze", "Assen", "Tynaarlo"}
    assert not TOTPDevice.objects.exists()


@pytest.mark.django_db
def test_demo_passwords_are_reset_on_every_run():
    demo(0)
    user = User.objects.get(username="km.assen")
    user.set_password("iets-anders-1234")
    user.save()
    demo(0)
    user.refresh_from_db()
    assert user.check_password(DEMO_WACHTWOORD)
    assert len(DEMO_WACHTWOORD) >= 12


@pytest.mark.django_db
def test_a_klantmanager_sees_only_the_gemeenten_of_the_team():
    demo(400)
    actor = actor_voor(User.objects.get(username="km.assen"))
    assert {g.naam for g in actor.gemeenten} == {"Assen"}


@pytest.mark.django_db
def test_names_with_diacritics_are_found_without_them():
    demo(2000)
    persoon = Persoon.objects.filter(gemeente__code="GM0150", achternaam="Öztürk").first()
    assert persoon is not None
    actor = actor_voor(User.objects.get(username="km.deventer"))
    gevonden = personen_zoeken(actor=actor, zoekterm=f"ozturk {persoon.geboortedatum:%d-%m-%Y}")
    assert persoon in gevonden
