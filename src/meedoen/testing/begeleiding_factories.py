"""Factories for intake, begeleiding and signalen objects (tests and the tenancy crawler)."""

import datetime as dt

import factory

from meedoen.begeleiding.models import (
    AdviesRegel,
    Afspraak,
    AuteurSoort,
    PlanVanAanpak,
    Route,
    Wie,
)
from meedoen.intake.models import (
    Intake,
    Partner,
    PartnerSoort,
    Verwijzing,
    VerwijzingStatus,
    ZrmDomein,
    ZrmMeting,
    ZrmScore,
)
from meedoen.signalen.models import Taak, TaakBron, TaakSoort
from meedoen.testing.factories import GemeenteFactory, PersoonFactory, UserFactory


class RouteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Route

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Route {n}")
    contact_interval_dagen = 28


class AdviesRegelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdviesRegel

    gemeente = factory.SubFactory(GemeenteFactory)
    route = factory.SubFactory(RouteFactory, gemeente=factory.SelfAttribute("..gemeente"))
    naam = factory.Sequence(lambda n: f"Regel {n}")
    voorwaarden = factory.LazyFunction(
        lambda: [{"veld": "uren_beschikbaar", "operator": "ten_minste", "waarde": "16"}]
    )


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Schuldhulp {n}")
    soort = PartnerSoort.SCHULDHULPVERLENING


class ZrmMetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZrmMeting
        skip_postgeneration_save = True

    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    datum = dt.date(2026, 1, 10)
    beoordelaar = factory.SubFactory(UserFactory)

    @factory.post_generation
    def scores(self, create, extracted, **kwargs):
        if create:
            niveaus = extracted or {}
            for domein in ZrmDomein:
                ZrmScore.objects.create(
                    meting=self,
                    domein=domein,
                    niveau=niveaus.get(domein.value, 3),
                    toelichting="test",
                )


class IntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intake

    zrm = factory.SubFactory(ZrmMetingFactory)
    persoon = factory.SelfAttribute("zrm.persoon")
    gemeente = factory.SelfAttribute("zrm.gemeente")
    datum = factory.SelfAttribute("zrm.datum")
    afgenomen_door = factory.SelfAttribute("zrm.beoordelaar")
    hulpvraag = "Rust in mijn financiën"


class VerwijzingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verwijzing

    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    partner = factory.SubFactory(PartnerFactory, gemeente=factory.SelfAttribute("..gemeente"))
    reden = "schulden"
    gedeelde_feiten = factory.LazyFunction(lambda: {"naam": "x"})
    status = VerwijzingStatus.VERSTUURD
    status_sinds = dt.date(2026, 1, 1)
    verwezen_door = factory.SubFactory(UserFactory)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanVanAanpak

    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    opgesteld_op = dt.date(2026, 1, 5)
    evaluatiedatum = dt.date(2026, 4, 5)
    aangemaakt_door = factory.SubFactory(UserFactory)


class AfspraakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afspraak

    plan = factory.SubFactory(PlanFactory)
    wat = "Cv bijwerken"
    wie = Wie.INWONER
    uiterlijk = dt.date(2026, 2, 1)
    auteur_soort = AuteurSoort.MEDEWERKER


class TaakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Taak

    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    soort = TaakSoort.OVERIG
    omschrijving = "Bellen"
    vervaldatum = dt.date(2026, 1, 1)
    bron = TaakBron.MEDEWERKER
