"""A month whose legal amounts are not (yet) in the rules engine. The reference has the
Normenbrief amounts up to and including June 2026; July 2026 and later are unpublished there, and
the engine must never invent them. An application received on 23 November 2026 is still
registered and its beslistermijn tracked; the consulent reads what is missing and who adds it
(the functioneel beheerder), never an error page or another month's amount as if it applied."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meedoen.core.roles import Rol
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.uitkering.aanvraag import besluiten
from meedoen.uitkering.models import Aanvraag, Besluit, Document
from meedoen.uitkering.tests.aanvraag_hulp import in_onderzoek, inwoner, werk

pytestmark = pytest.mark.django_db

NOVEMBER = dt.date(2026, 11, 23)  # after the last month with published amounts (June 2026)
APRIL = dt.date(2026, 4, 10)
ONTBREEKT = "Voor november 2026 staan de bijstandsnormen nog niet in Meedoen."
WIE = "De functioneel beheerder lost dit op"


def _november(tenant, actor, **anders):
    persoon = inwoner(tenant, kinderen=[dt.date(2019, 3, 1)])
    return in_onderzoek(
        actor,
        persoon,
        ontvangen_op=NOVEMBER,
        gewenste_ingangsdatum=NOVEMBER,
        vandaag=NOVEMBER,
        inkomsten=[werk(persoon, 40000)],
        **anders,
    )


def test_registered_in_a_month_without_amounts_a_toekenning_names_what_is_missing(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _november(tenant_a, actor)
    # Registering works and the beslistermijn runs: 8 weeks after 23 November 2026.
    assert aanvraag.beslistermijn == dt.date(2027, 1, 18)

    with pytest.raises(ValidationError) as fout:
        besluiten.besluit_nemen(
            actor=actor,
            aanvraag=aanvraag,
            soort=Besluit.Soort.TOEKENNING,
            gronden="Het inkomen is lager dan de norm.",
            ingangsdatum=NOVEMBER,
        )

    melding = " ".join(fout.value.message_dict["ingangsdatum"])
    assert ONTBREEKT in melding
    assert WIE in melding and "Normenbrief" in melding and "src/meedoen/rules/parameters" in melding
    assert "De laatste maand met bedragen is juni 2026." in melding
    assert not Besluit.objects.exists()
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.IN_ONDERZOEK


def test_an_afwijzing_in_that_month_is_possible_without_another_months_amounts(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _november(tenant_a, actor, vermogen_cent=3_000_000)

    besluit = besluiten.besluit_nemen(
        actor=actor,
        aanvraag=aanvraag,
        soort=Besluit.Soort.AFWIJZING,
        gronden="Uw vermogen is hoger dan de grens.",
    )

    assert besluit.status == Besluit.Status.VASTGESTELD
    # No snapshot of June's amounts pretending to be November's.
    assert besluit.berekening == {}
    brief = pdf_woorden(Document.objects.get(bron_id=besluit.pk).inhoud)
    assert "U krijgt geen bijstand." in brief
    assert "juni 2026" not in brief and "€ 1.401,50" not in brief
    assert "binnen 6 weken" in brief


def test_the_pages_say_which_amounts_are_missing_and_who_adds_them(tenant_a, ingelogd):
    """November 2026 (no amounts) against April 2026 (amounts published)."""
    user = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    client = ingelogd(user)
    aanvraag = _november(tenant_a, tenant_a.actor(Rol.INKOMENSCONSULENT))

    detail = client.get(reverse("uitkering:aanvraag_detail", args=[aanvraag.pk]))
    assert ONTBREEKT in detail.content.decode()

    pagina = client.get(reverse("uitkering:aanvraag_besluit", args=[aanvraag.pk]))
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert ONTBREEKT in html and WIE in html
    # June's result is not shown as the answer; only apart, named as an indication.
    assert 'data-testid="bijstand"' not in html
    assert "Alleen ter indicatie: de berekening met de bedragen van 2026-06" in html

    antwoord = client.post(
        reverse("uitkering:aanvraag_besluit", args=[aanvraag.pk]),
        {
            "soort": "toekenning",
            "ingangsdatum": "2026-11-23",
            "correctie": "0",
            "gronden": "Het inkomen is lager dan de norm.",
        },
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert ONTBREEKT in html
    assert "Het inkomen is lager dan de norm." in html  # what was typed is kept
    assert not Besluit.objects.exists()

    # April 2026 lies within the published amounts: computed with April's, no message.
    persoon = inwoner(tenant_a, kinderen=[dt.date(2019, 3, 1)])
    april = in_onderzoek(
        tenant_a.actor(Rol.INKOMENSCONSULENT),
        persoon,
        ontvangen_op=APRIL,
        gewenste_ingangsdatum=APRIL,
        vandaag=APRIL,
        inkomsten=[werk(persoon, 40000)],
    )
    html = client.get(reverse("uitkering:aanvraag_besluit", args=[april.pk])).content.decode()
    assert 'data-testid="rekenfout"' not in html
    # Norm art. 21 a € 1.401,50 minus € 400 work income less 25% vrijlating = € 1.101,50.
    assert "Bijstand: € 1.101,50 per maand (2026-04)." in html
