"""Factories for uitkering objects (tests and the tenancy crawler). Shared by the uitkering
parts: only add factories here, never change another part's."""

import datetime as dt
import uuid

import factory
from django.utils import timezone

from meedoen.clients.models import HuishoudRol, Lidmaatschap
from meedoen.testing.factories import (
    GemeenteFactory,
    HuishoudenFactory,
    PersoonFactory,
    UserFactory,
)
from meedoen.uitkering.models import (
    Aanvraag,
    Besluit,
    Betaalrun,
    Betaalvoorstel,
    Betaling,
    BijzondereBijstand,
    Document,
    Herziening,
    Inkomensbeleid,
    Inkomstenopgave,
    Inkomstenregel,
    KostenCategorie,
    Maandberekening,
    Terugvordering,
)

# --- Besluit and Betaalvoorstel (aanvraag and betalingen reuse them) -----------------


class BesluitFactory(factory.django.DjangoModelFactory):
    """A final toekenning."""

    class Meta:
        model = Besluit

    gemeente = factory.SubFactory(GemeenteFactory)
    persoon = factory.SubFactory(PersoonFactory, gemeente=factory.SelfAttribute("..gemeente"))
    huishouden = factory.SubFactory(HuishoudenFactory, gemeente=factory.SelfAttribute("..gemeente"))
    soort = Besluit.Soort.TOEKENNING
    status = Besluit.Status.VASTGESTELD
    ingangsdatum = dt.date(2025, 1, 1)
    bedrag_per_maand_cent = 134545
    gronden = "Recht op bijstand."
    beslist_door = factory.SubFactory(UserFactory)
    beslist_op = factory.LazyFunction(timezone.now)


class BetaalvoorstelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Betaalvoorstel

    gemeente = factory.SubFactory(GemeenteFactory)
    besluit = factory.SubFactory(BesluitFactory, gemeente=factory.SelfAttribute("..gemeente"))
    huishouden = factory.SelfAttribute("besluit.huishouden")
    persoon = factory.SelfAttribute("besluit.persoon")
    maand = dt.date(2025, 3, 1)
    uitkering_cent = 134545
    te_betalen_cent = factory.SelfAttribute("uitkering_cent")
    status = Betaalvoorstel.Status.BETAALD


# --- Herziening, terugvordering, bijzondere bijstand --------------------------------


class HerzieningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Herziening

    gemeente = factory.SubFactory(GemeenteFactory)
    persoon = factory.SubFactory(PersoonFactory, gemeente=factory.SelfAttribute("..gemeente"))
    huishouden = factory.SubFactory(HuishoudenFactory, gemeente=factory.SelfAttribute("..gemeente"))
    maand = dt.date(2025, 3, 1)
    aanleiding = Herziening.Aanleiding.INKOMSTENOPGAVE
    betaald_cent = 134545
    juist_cent = 104545
    verschil_cent = factory.LazyAttribute(lambda h: h.betaald_cent - h.juist_cent)
    uitleg = factory.LazyFunction(lambda: ["Er was inkomen uit werk."])


class TerugvorderingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Terugvordering

    herziening = factory.SubFactory(HerzieningFactory, status=Herziening.Status.TERUGVORDEREN)
    gemeente = factory.SelfAttribute("herziening.gemeente")
    huishouden = factory.SelfAttribute("herziening.huishouden")
    persoon = factory.SelfAttribute("herziening.persoon")
    bedrag_cent = factory.SelfAttribute("herziening.verschil_cent")
    beslagvrije_voet_cent = 120000
    aflossing_per_maand_cent = 10000
    eerste_maand = dt.date(2025, 5, 1)


class KostenCategorieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KostenCategorie

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Kosten {n}")
    maximum_cent = None


class BijzondereBijstandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BijzondereBijstand

    gemeente = factory.SubFactory(GemeenteFactory)
    persoon = factory.SubFactory(PersoonFactory, gemeente=factory.SelfAttribute("..gemeente"))
    huishouden = factory.SubFactory(HuishoudenFactory, gemeente=factory.SelfAttribute("..gemeente"))
    categorie = factory.SubFactory(
        KostenCategorieFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    omschrijving = "Een nieuwe koelkast"
    bedrag_cent = 45000
    inkomen_cent = 134545
    ingediend_op = dt.date(2025, 3, 10)
    iban = "NL91ABNA0417164300"
    tenaamstelling = "J. Jansen"
    draagkracht = factory.LazyFunction(lambda: {"toekenning_cent": 45000, "stappen": []})


# --- Aanvraag and its letters ----------------------------------------------------------


class AanvraagFactory(factory.django.DjangoModelFactory):
    """An application for a single applicant without income, received on 5 January 2026."""

    class Meta:
        model = Aanvraag

    gemeente = factory.SubFactory(GemeenteFactory)
    persoon = factory.SubFactory(PersoonFactory, gemeente=factory.SelfAttribute("..gemeente"))
    huishouden = factory.SubFactory(HuishoudenFactory, gemeente=factory.SelfAttribute("..gemeente"))
    ontvangen_op = dt.date(2026, 1, 5)
    gewenste_ingangsdatum = factory.SelfAttribute("ontvangen_op")
    iban = "NL91ABNA0417164300"
    tenaamstelling = "J. Jansen"
    gegevens = factory.LazyAttribute(
        lambda a: {
            "peildatum": a.ontvangen_op.isoformat(),
            "aanvrager": {
                "persoon_id": str(a.persoon.pk),
                "naam": a.persoon.volledige_naam,
                "geboortedatum": a.persoon.geboortedatum.isoformat(),
            },
            "partner": None,
            "kinderen": [],
            "medebewoners": [],
            "inkomsten": [],
            "vermogen_cent": 0,
            "eigen_woning_cent": 0,
            "kan_niet_terugvallen_op_ouders": False,
        }
    )
    status = Aanvraag.Status.INGEDIEND
    beslistermijn = factory.LazyAttribute(lambda a: a.ontvangen_op + dt.timedelta(weeks=8))


class BeschikkingDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    gemeente = factory.SubFactory(GemeenteFactory)
    persoon = factory.SubFactory(PersoonFactory, gemeente=factory.SelfAttribute("..gemeente"))
    soort = Document.Soort.BESCHIKKING
    titel = "Beschikking bijstand: toekenning"
    bron_id = factory.LazyFunction(uuid.uuid4)
    inhoud = b"%PDF-1.7 test"


# --- Betalingen: toekenning with a situation, income, runs, payments -----------------


def _situatie_alleenstaande(besluit) -> dict:
    return {
        "period": f"{besluit.ingangsdatum:%Y-%m}",
        "gemeente": besluit.gemeente.code,
        "applicant": {
            "birth_date": besluit.persoon.geboortedatum.isoformat(),
            "income": {"work": "0.00", "other": "0.00"},
            "work_disregard_months_used": 0,
            "single_parent_disregard_months_used": 0,
        },
        "partner": None,
        "children": [],
        "housemates": [],
        "assets": "0.00",
        "home_equity": "0.00",
        "cannot_rely_on_parents": False,
    }


class ToekenningFactory(BesluitFactory):
    """A final toekenning from 1 January 2026 for a single applicant (born 1990-05-01) without
    income, with the engine's situation and an IBAN; the applicant is a member of the
    household."""

    class Meta:
        skip_postgeneration_save = True

    ingangsdatum = dt.date(2026, 1, 1)
    bedrag_per_maand_cent = 140150
    iban = "NL91ABNA0417164300"
    tenaamstelling = factory.LazyAttribute(lambda b: b.persoon.volledige_naam[:70])
    situatie = factory.LazyAttribute(_situatie_alleenstaande)

    @factory.post_generation
    def lidmaatschap(self, create, extracted, **kwargs):
        if create and extracted is not False:
            Lidmaatschap.objects.get_or_create(
                huishouden=self.huishouden,
                persoon=self.persoon,
                defaults={
                    "gemeente": self.gemeente,
                    "rol": HuishoudRol.AANVRAGER,
                    "van": dt.date(2020, 1, 1),
                    "reden_begin": "test",
                },
            )


class InkomensbeleidFactory(factory.django.DjangoModelFactory):
    """The gemeente's policy with its paying account (the SEPA debtor)."""

    class Meta:
        model = Inkomensbeleid
        django_get_or_create = ("gemeente",)

    gemeente = factory.SubFactory(GemeenteFactory)
    rekening_iban = "NL20INGB0001234567"
    rekening_bic = "INGBNL2A"
    rekening_naam = factory.LazyAttribute(lambda b: f"Gemeente {b.gemeente.naam}")
    telefoonnummer = "14 0570"


class InkomstenopgaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inkomstenopgave

    gemeente = factory.SubFactory(GemeenteFactory)
    persoon = factory.SubFactory(PersoonFactory, gemeente=factory.SelfAttribute("..gemeente"))
    huishouden = factory.SubFactory(HuishoudenFactory, gemeente=factory.SelfAttribute("..gemeente"))
    maand = dt.date(2026, 1, 1)
    ingevoerd_door = factory.SubFactory(UserFactory)


class InkomstenregelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inkomstenregel

    opgave = factory.SubFactory(InkomstenopgaveFactory)
    persoon = factory.SelfAttribute("opgave.persoon")
    bron = Inkomstenregel.Bron.LOON
    netto_cent = 40000
    loonstrook = factory.django.FileField(filename="loonstrook.pdf", data=b"%PDF-1.4 loonstrook")


class BetaalrunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Betaalrun

    gemeente = factory.SubFactory(GemeenteFactory)
    maand = dt.date(2026, 1, 1)
    samengesteld_door = factory.SubFactory(UserFactory)
    status = Betaalrun.Status.CONCEPT


class MaandberekeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Maandberekening

    gemeente = factory.SubFactory(GemeenteFactory)
    maand = dt.date(2026, 1, 1)
    gestart_door = factory.SubFactory(UserFactory)
    status = Maandberekening.Status.KLAAR


class BetalingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Betaling

    betaalrun = factory.SubFactory(BetaalrunFactory, status=Betaalrun.Status.UITGEVOERD)
    gemeente = factory.SelfAttribute("betaalrun.gemeente")
    betaalvoorstel = factory.SubFactory(
        BetaalvoorstelFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    huishouden = factory.SelfAttribute("betaalvoorstel.huishouden")
    persoon = factory.SelfAttribute("betaalvoorstel.persoon")
    maand = factory.SelfAttribute("betaalvoorstel.maand")
    soort = Betaling.Soort.PERIODIEK
    bedrag_cent = factory.SelfAttribute("betaalvoorstel.te_betalen_cent")
    iban = "NL91ABNA0417164300"
    naam = "J. Jansen"
    omschrijving = "Bijstand"
    end_to_end_id = factory.LazyFunction(lambda: uuid.uuid4().hex)
