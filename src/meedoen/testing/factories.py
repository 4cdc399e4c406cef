"""Factories for tests: gemeenten, organisations, users with roles, residents, households."""

import datetime as dt

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice
from faker import Faker

from meedoen.accounts.models import Organisatie, Rol, Team, User
from meedoen.clients.models import Huishouden, HuishoudRol, Lidmaatschap, Persoon
from meedoen.clients.normalize import zoeksleutel
from meedoen.core.models import Gemeente
from meedoen.core.roles import ROL_NAMEN

_faker = Faker("nl_NL")


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Sociale dienst {n}")

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create and extracted:
            self.gemeenten.set(extracted)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.LazyFunction(_faker.first_name)
    last_name = factory.LazyFunction(lambda: _faker.last_name().replace("'", ""))
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    organisatie = factory.SubFactory(OrganisatieFactory)
    password = factory.PostGenerationMethodCall("set_password", "Correct-Paard-Batterij-1")

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        if create and extracted:
            # Transactional (browser) tests empty the database, including the roles that a
            # migration seeds, so make sure they exist.
            self.rollen.set(
                Rol.objects.get_or_create(code=str(r), defaults={"naam": str(ROL_NAMEN[r])})[0]
                for r in extracted
            )
        if create:
            self.save()


def geldig_bsn(n: int) -> str:
    """The n-th 9-digit number (from a fixed start) that passes the elfproef."""
    gevonden = 0
    kandidaat = 100000000
    while True:
        kandidaat += 1
        cijfers = [int(c) for c in f"{kandidaat:09d}"]
        som = sum(c * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - cijfers[8]
        if som % 11 == 0:
            if gevonden == n:
                return f"{kandidaat:09d}"
            gevonden += 1


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    gemeente = factory.SubFactory(GemeenteFactory)
    bsn = factory.Sequence(geldig_bsn)
    voornamen = factory.LazyFunction(_faker.first_name)
    tussenvoegsel = ""
    # Faker's Dutch surnames include "van 't …"; the apostrophe is HTML-escaped on pages, so a
    # test looking for the name would fail now and then. Names with an apostrophe are tested
    # on purpose where escaping matters (letters, PDFs).
    achternaam = factory.LazyFunction(lambda: _faker.last_name().replace("'", ""))
    geboortedatum = dt.date(1990, 5, 1)
    postcode = "7411 AB"
    woonplaats = "Deventer"
    zoeknaam = factory.LazyAttribute(
        lambda p: zoeksleutel(
            " ".join(x for x in [p.voornamen, p.tussenvoegsel, p.achternaam] if x)
        )
    )


class HuishoudenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Huishouden

    gemeente = factory.SubFactory(GemeenteFactory)


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    huishouden = factory.SubFactory(HuishoudenFactory)
    gemeente = factory.SelfAttribute("huishouden.gemeente")
    persoon = factory.SubFactory(PersoonFactory, gemeente=factory.SelfAttribute("..gemeente"))
    rol = HuishoudRol.AANVRAGER
    van = dt.date(2020, 1, 1)
    reden_begin = "test"


def bevestigd_totp(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="test", confirmed=True)


def login_met_tweede_factor(client, user: User) -> None:
    """Log a test client in as if the user completed password and TOTP."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or bevestigd_totp(user)
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
