"""Deciding on an application: the amount from the rules engine plus a correction, the
snapshot kept, four eyes above the gemeente's limit or with a correction, and only a final
decision moving the application."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from meedoen.begeleiding.models import Ontheffing
from meedoen.core.actor import Geweigerd
from meedoen.core.roles import Rol
from meedoen.uitkering.aanvraag import besluiten
from meedoen.uitkering.models import Aanvraag, Besluit, Document
from meedoen.uitkering.tests.aanvraag_hulp import beleid, in_onderzoek, inwoner, werk

pytestmark = pytest.mark.django_db

JANUARI = dt.date(2026, 1, 5)


def _alleenstaande_ouder_met_werk(tenant, actor):
    """Single parent (35 in January 2026), one child born 2019, €400 net from work.
    Norm art. 21 a: €1,401.50; vrijlating 25% of 400 = 100; counted 300;
    bijstand 1,401.50 - 300.00 = €1,101.50 a month."""
    persoon = inwoner(tenant, kinderen=[dt.date(2019, 3, 1)])
    return in_onderzoek(actor, persoon, inkomsten=[werk(persoon, 40000)])


def _toekennen(actor, aanvraag, **anders):
    waarden = {
        "soort": Besluit.Soort.TOEKENNING,
        "gronden": "Het inkomen is lager dan de norm.",
        "ingangsdatum": JANUARI,
    } | anders
    return besluiten.besluit_nemen(actor=actor, aanvraag=aanvraag, **waarden)


def test_a_toekenning_below_the_limit_is_final_at_once_with_its_snapshot(tenant_a):
    beleid(tenant_a, telefoonnummer="0570 - 69 39 39")
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _alleenstaande_ouder_met_werk(tenant_a, actor)

    besluit = _toekennen(actor, aanvraag)

    assert besluit.status == Besluit.Status.VASTGESTELD
    assert besluit.bedrag_per_maand_cent == 110150
    assert besluit.situatie["period"] == "2026-01"
    assert besluit.situatie["applicant"]["income"]["work"] == "400.00"
    assert besluit.berekening["benefit"] == "1101.50"
    assert [s["article"] for s in besluit.berekening["explanation"]][1] == (
        "Participatiewet art. 21 onderdeel a"
    )
    assert besluit.beslist_door == actor.user
    assert besluit.contactpersoon == actor.naam
    assert besluit.contact_telefoon == "0570 - 69 39 39"
    assert (besluit.iban, besluit.tenaamstelling) == (aanvraag.iban, aanvraag.tenaamstelling)
    assert [v["code"] for v in besluit.verplichtingen] == [
        "arbeidsplicht",
        "re_integratieplicht",
        "inlichtingenplicht",
    ]
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.TOEGEKEND
    assert aanvraag.statussen.last().reden == "Besluit vastgesteld"
    assert Document.objects.filter(bron_id=besluit.pk, soort="beschikking").count() == 1


def test_above_the_limit_a_second_person_must_approve(tenant_a):
    beleid(tenant_a, vier_ogen_grens_cent=100000)  # €1,000.00; the decision is €1,101.50
    eerste = tenant_a.actor(Rol.INKOMENSCONSULENT)
    tweede = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _alleenstaande_ouder_met_werk(tenant_a, eerste)

    besluit = _toekennen(eerste, aanvraag)
    assert besluit.status == Besluit.Status.WACHT_OP_ACCORDERING
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.IN_ONDERZOEK
    assert not Document.objects.exists()

    with pytest.raises(ValidationError, match="U heeft dit besluit zelf genomen"):
        besluiten.besluit_accorderen(actor=eerste, besluit=besluit)

    besluiten.besluit_accorderen(actor=tweede, besluit=besluit, toelichting="Klopt.")
    besluit.refresh_from_db()
    assert besluit.status == Besluit.Status.VASTGESTELD
    assert besluit.geaccordeerd_door == tweede.user
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.TOEGEKEND
    assert Document.objects.filter(bron_id=besluit.pk).count() == 1

    with pytest.raises(ValidationError, match="wacht niet \\(meer\\) op accordering"):
        besluiten.besluit_accorderen(actor=tenant_a.actor(Rol.TEAMLEIDER), besluit=besluit)
    assert Document.objects.filter(bron_id=besluit.pk).count() == 1


def test_exactly_at_the_limit_no_second_person_is_needed(tenant_a):
    beleid(tenant_a, vier_ogen_grens_cent=110150)  # "above the limit" means more than it
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    besluit = _toekennen(actor, _alleenstaande_ouder_met_werk(tenant_a, actor))
    assert besluit.status == Besluit.Status.VASTGESTELD


def test_the_database_refuses_an_approver_who_is_the_decider(tenant_a):
    beleid(tenant_a, vier_ogen_grens_cent=100000)
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    besluit = _toekennen(actor, _alleenstaande_ouder_met_werk(tenant_a, actor))
    with pytest.raises(IntegrityError), transaction.atomic():
        Besluit.objects.filter(pk=besluit.pk).update(
            geaccordeerd_door=actor.user, status=Besluit.Status.VASTGESTELD
        )


def test_a_correction_needs_a_reason_and_always_a_second_person(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _alleenstaande_ouder_met_werk(tenant_a, actor)
    with pytest.raises(ValidationError) as fout:
        _toekennen(actor, aanvraag, correctie_cent=-5000)
    assert "correctie_reden" in fout.value.message_dict

    besluit = _toekennen(
        actor, aanvraag, correctie_cent=-5000, correctie_reden="Eerste maand niet volledig"
    )
    # Below the default limit of €1,500, but a correction always needs four eyes.
    assert besluit.status == Besluit.Status.WACHT_OP_ACCORDERING
    assert besluit.bedrag_per_maand_cent == 110150 - 5000  # €1,051.50
    assert besluit.berekening["benefit"] == "1101.50"  # the engine's answer stays as it was

    with pytest.raises(ValidationError, match="wacht al een besluit"):
        _toekennen(actor, aanvraag)


def test_the_second_person_can_send_it_back_with_a_reason(tenant_a):
    beleid(tenant_a, vier_ogen_grens_cent=100000)
    eerste = tenant_a.actor(Rol.INKOMENSCONSULENT)
    teamleider = tenant_a.actor(Rol.TEAMLEIDER)
    aanvraag = _alleenstaande_ouder_met_werk(tenant_a, eerste)
    besluit = _toekennen(eerste, aanvraag)

    with pytest.raises(ValidationError) as fout:
        besluiten.besluit_terugsturen(actor=teamleider, besluit=besluit, reden="")
    assert "reden" in fout.value.message_dict
    besluiten.besluit_terugsturen(actor=teamleider, besluit=besluit, reden="Loonstrook mist")
    besluit.refresh_from_db()
    assert besluit.status == Besluit.Status.TERUGGESTUURD
    assert besluit.accordering_toelichting == "Loonstrook mist"
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.IN_ONDERZOEK
    with pytest.raises(ValidationError):
        besluiten.besluit_accorderen(actor=teamleider, besluit=besluit)

    opnieuw = _toekennen(eerste, aanvraag, gronden="Loonstrook ontvangen.")
    assert opnieuw.status == Besluit.Status.WACHT_OP_ACCORDERING


def test_approving_needs_the_capability(tenant_a):
    beleid(tenant_a, vier_ogen_grens_cent=100000)
    eerste = tenant_a.actor(Rol.INKOMENSCONSULENT)
    besluit = _toekennen(eerste, _alleenstaande_ouder_met_werk(tenant_a, eerste))
    with pytest.raises(Geweigerd):
        besluiten.besluit_accorderen(actor=tenant_a.actor(Rol.KLANTMANAGER), besluit=besluit)


def test_afwijzing_on_assets_keeps_the_calculation_and_moves_the_application(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    persoon = inwoner(tenant_a)
    # Single adult: asset limit €8,000 in 2026; €20,000 is above it.
    aanvraag = in_onderzoek(actor, persoon, vermogen_cent=2000000)
    besluit = besluiten.besluit_nemen(
        actor=actor,
        aanvraag=aanvraag,
        soort=Besluit.Soort.AFWIJZING,
        gronden="Uw vermogen is hoger dan de grens.",
    )
    assert besluit.status == Besluit.Status.VASTGESTELD
    assert besluit.bedrag_per_maand_cent is None
    assert besluit.berekening["reasons"][0]["code"] == "VERMOGEN_BOVEN_GRENS"
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.AFGEWEZEN


def test_buiten_behandeling_needs_no_calculation(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = in_onderzoek(actor, inwoner(tenant_a))
    besluit = besluiten.besluit_nemen(
        actor=actor,
        aanvraag=aanvraag,
        soort=Besluit.Soort.BUITEN_BEHANDELING,
        gronden="De gevraagde stukken zijn niet gekomen.",
    )
    assert (besluit.status, besluit.berekening) == (Besluit.Status.VASTGESTELD, {})
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.BUITEN_BEHANDELING


def test_no_toekenning_when_the_engine_finds_no_entitlement(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    persoon = inwoner(tenant_a)
    # €2,000 from work: 25% vrijlating capped at €285 leaves €1,715 > norm €1,401.50.
    aanvraag = in_onderzoek(actor, persoon, inkomsten=[werk(persoon, 200000)])
    with pytest.raises(ValidationError, match="geen recht op bijstand"):
        _toekennen(actor, aanvraag)
    assert not Besluit.objects.exists()


def test_under_27_bijstand_starts_after_the_search_period(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    # 24 in January 2026; received 5 January: search period until 2 February.
    aanvraag = in_onderzoek(actor, inwoner(tenant_a, geboortedatum=dt.date(2001, 6, 1)))
    with pytest.raises(ValidationError) as fout:
        _toekennen(actor, aanvraag, ingangsdatum=dt.date(2026, 2, 1))
    assert "2 februari 2026" in fout.value.message_dict["ingangsdatum"][0]
    besluit = _toekennen(actor, aanvraag, ingangsdatum=dt.date(2026, 2, 2))
    assert besluit.ingangsdatum == dt.date(2026, 2, 2)


def test_under_27_the_decision_page_starts_at_the_end_of_the_search_period(tenant_a, ingelogd):
    """The page offers the first allowed start date, so a consulent who accepts the default
    is not refused; and it says why."""
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = in_onderzoek(actor, inwoner(tenant_a, geboortedatum=dt.date(2001, 6, 1)))
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    html = client.get(reverse("uitkering:aanvraag_besluit", args=[aanvraag.pk])).content.decode()
    assert "Bijstand kan ingaan op of na 2 februari 2026" in html
    assert 'name="ingangsdatum" value="2026-02-02"' in html
    assert "(2026-02)" in html  # computed for February, the month it can start


def test_a_decision_waits_until_the_application_is_investigated(tenant_a):
    from meedoen.uitkering.tests.aanvraag_hulp import registreer

    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = registreer(actor, inwoner(tenant_a))
    with pytest.raises(ValidationError, match="eerst in onderzoek"):
        _toekennen(actor, aanvraag)


def test_an_ontheffing_replaces_the_work_obligations_in_the_decision(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _alleenstaande_ouder_met_werk(tenant_a, actor)
    Ontheffing.objects.create(
        gemeente=tenant_a.gemeente,
        persoon=aanvraag.persoon,
        soort="tijdelijk",
        plichten="beide",
        reden="Zorg voor een ziek kind",
        begin=dt.date(2025, 12, 1),
        einde=dt.date(2026, 7, 1),
        vastgelegd_door=actor.user,
    )
    besluit = _toekennen(actor, aanvraag)
    assert [v["code"] for v in besluit.verplichtingen] == ["ontheffing", "inlichtingenplicht"]
    # Said as begeleiding shows it: the ontheffing runs until its end date, 1 July.
    assert besluit.verplichtingen[0]["tekst"] == (
        "U hoeft nu geen werk te zoeken en niet mee te doen aan activiteiten om aan het werk te "
        "komen, tot 1 juli 2026."
    )


def test_the_decision_pages_compute_decide_and_approve(tenant_a, ingelogd, client):
    beleid(tenant_a, vier_ogen_grens_cent=100000)
    eerste = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    from meedoen.accounts.selectors import actor_voor

    aanvraag = _alleenstaande_ouder_met_werk(tenant_a, actor_voor(eerste))
    c = ingelogd(eerste)
    url = reverse("uitkering:aanvraag_besluit", args=[aanvraag.pk])
    pagina = c.get(url + "?ingangsdatum=2026-01-05").content.decode()
    assert "€ 1.101,50" in pagina
    assert "Participatiewet art. 21 onderdeel a" in pagina

    antwoord = c.post(
        url,
        {
            "soort": "toekenning",
            "ingangsdatum": "2026-01-05",
            "correctie": "0.00",
            "gronden": "Het inkomen is lager dan de norm.",
        },
    )
    besluit = Besluit.objects.get()
    assert antwoord["Location"] == reverse("uitkering:besluit_detail", args=[besluit.pk])
    eigen = c.get(antwoord["Location"]).content.decode()
    assert "U kunt uw eigen besluit niet accorderen" in eigen
    assert "Besluit accorderen" not in eigen

    tweede = ingelogd(tenant_a.gebruiker(Rol.TEAMLEIDER))
    assert "Besluiten te accorderen" in tweede.get(reverse("ui:start")).content.decode()
    tweede.post(antwoord["Location"], {"onderdeel": "accorderen", "accorderen-toelichting": ""})
    besluit.refresh_from_db()
    assert besluit.status == Besluit.Status.VASTGESTELD
    assert "Beschikking downloaden" in tweede.get(antwoord["Location"]).content.decode()
