"""Factories for werk objects: work profiles, employers, vacancies, proposals and the training
catalogue (tests and the tenancy crawler). Occupation and skill codes are plain strings here;
tests that need real taxonomy codes pass them in."""

import datetime as dt

import factory
from django.utils import timezone

from meedoen.testing.factories import GemeenteFactory, PersoonFactory, UserFactory
from meedoen.werk.models import (
    Arbeidscontract,
    Contactpersoon,
    MaatschappelijkeBaan,
    Opleiding,
    Plaatsing,
    Vacature,
    VacatureImport,
    Voorstel,
    VoorstelStatus,
    Werkervaring,
    Werkgever,
    Werkprofiel,
)
from meedoen.werk.models.keuzes import Contractvorm, Sector


class WerkprofielFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkprofiel

    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    uren_per_week = 32
    reisafstand_km = 25


class WerkervaringFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkervaring

    profiel = factory.SubFactory(WerkprofielFactory)
    gemeente = factory.SelfAttribute("profiel.gemeente")
    functietitel = factory.Sequence(lambda n: f"Functie {n}")
    beroep = ""
    jaren = 2


class WerkgeverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgever

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Werkgever {n} BV")
    kvk_nummer = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    postcode = "7411 AB"
    plaats = "Deventer"


class VacatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacature

    werkgever = factory.SubFactory(WerkgeverFactory)
    gemeente = factory.SelfAttribute("werkgever.gemeente")
    titel = factory.Sequence(lambda n: f"Vacature {n}")
    beroep = "beroep-x"
    uren_per_week = 32
    postcode = "7411 AB"
    contractvorm = Contractvorm.TIJDELIJK


class VoorstelFactory(factory.django.DjangoModelFactory):
    """A proposal with its first status row, as the service makes it."""

    class Meta:
        model = Voorstel
        skip_postgeneration_save = True

    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    vacature = factory.SubFactory(
        VacatureFactory, werkgever__gemeente=factory.SelfAttribute("...gemeente")
    )
    voorgesteld_door = factory.SubFactory(UserFactory)

    @factory.post_generation
    def eerste_status(self, create, extracted, **kwargs):
        if create:
            VoorstelStatus.objects.create(
                voorstel=self, status=self.status, door=self.voorgesteld_door
            )


class OpleidingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opleiding

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Opleiding {n}")
    soort = Opleiding.Soort.CURSUS


# Maatschappelijke banen, placements and contracts --------------------------------


class MaatschappelijkeBaanFactory(factory.django.DjangoModelFactory):
    """A baan whose verdringingstoets is confirmed (pass bevestigd=False for one without)."""

    class Meta:
        model = MaatschappelijkeBaan

    class Params:
        bevestigd = True

    gemeente = factory.SubFactory(GemeenteFactory)
    gastorganisatie = factory.Sequence(lambda n: f"Buurthuis {n}")
    sector = Sector.WIJK
    titel = factory.Sequence(lambda n: f"Gastvrouw/gastheer {n}")
    taken = "Koffie schenken, bezoekers ontvangen, activiteiten helpen klaarzetten."
    uren_per_week = 16
    capaciteit = 2
    postcode = "7411 AB"
    begindatum = dt.date(2025, 1, 1)
    verdringing_toelichting = factory.Maybe(
        "bevestigd", "Geen betaald werk: aanvullend op de vaste medewerkers.", ""
    )
    verdringing_bevestigd_door = factory.Maybe("bevestigd", factory.SubFactory(UserFactory), None)
    verdringing_bevestigd_op = factory.Maybe("bevestigd", factory.LazyFunction(timezone.now), None)


class PlaatsingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plaatsing

    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    soort = Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN
    baan = factory.SubFactory(
        MaatschappelijkeBaanFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    begindatum = dt.date(2026, 1, 1)
    uren_per_week = 16


class ArbeidscontractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arbeidscontract

    plaatsing = factory.SubFactory(PlaatsingFactory)
    persoon = factory.SelfAttribute("plaatsing.persoon")
    gemeente = factory.SelfAttribute("plaatsing.gemeente")
    uren_per_week = 32
    bruto_uurloon_cent = 1471
    bruto_maandloon_cent = 203979
    netto_maandloon_cent = 180000
    begindatum = dt.date(2026, 1, 1)
    opgesteld_door = factory.SubFactory(UserFactory)


class ContactpersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactpersoon

    werkgever = factory.SubFactory(WerkgeverFactory)
    gemeente = factory.SelfAttribute("werkgever.gemeente")
    naam = factory.Sequence(lambda n: f"Contact {n}")


class VacatureImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VacatureImport

    gemeente = factory.SubFactory(GemeenteFactory)
    bestandsnaam = "vacatures.csv"
    inhoud = "kvk_nummer;titel;beroep;uren_per_week;postcode;contractvorm\n"
    door = factory.SubFactory(UserFactory)


# Matching --------------------------------------------------------------------------


def zoekt_werk(persoon, *, route=None):
    """Put the resident in a route that seeks work (begeleiding's Route.zoekt_werk), as the
    current state the candidate lists read."""
    from meedoen.begeleiding.models import Begeleidingsstand
    from meedoen.testing.begeleiding_factories import RouteFactory

    route = route or RouteFactory(gemeente=persoon.gemeente, zoekt_werk=True)
    Begeleidingsstand.objects.update_or_create(
        persoon=persoon,
        defaults={"gemeente": persoon.gemeente, "route": route, "route_sinds": dt.date(2026, 1, 1)},
    )
    return route
