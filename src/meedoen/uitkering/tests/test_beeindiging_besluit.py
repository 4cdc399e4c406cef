"""Ending bijstand (Besluit soort beëindiging): who decides, on what grounds, what is refused,
the effect on the monthly calculation, and the letter the resident reads.

The household: a single applicant with a final toekenning from 1 January 2025 (betalingen_hulp).
The einddatum is the last day with bijstand; from the day after no decision pays."""

import datetime as dt
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from meedoen.clients.models import HuishoudRol
from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing import uitkering_factories as uf
from meedoen.testing.factories import LidmaatschapFactory
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.uitkering.beeindiging import brief, selectors, services
from meedoen.uitkering.betalingen import maand as maand_
from meedoen.uitkering.models import (
    Besluit,
    Betaalopdracht,
    Betaalrun,
    Betaalvoorstel,
    Betaling,
    Document,
)
from meedoen.uitkering.tests import betalingen_hulp as h

MRT, APR, MEI = dt.date(2025, 3, 1), dt.date(2025, 4, 1), dt.date(2025, 5, 1)
EIND_MAART = dt.date(2025, 3, 31)


@pytest.fixture
def toekenning(tenant_a):
    h.beleid(tenant_a, telefoonnummer="0570 693 000", postadres="Postbus 5000, 7400 GC Deventer")
    return h.huishouden_met_bijstand(tenant_a)


def _beeindigen(actor, toekenning, **anders):
    waarden = {
        "einddatum": EIND_MAART,
        "reden": services.Reden.WERK,
        "gronden": "Arbeidsovereenkomst bij Bakkerij De Korf vanaf 1 april 2025, 36 uur.",
    } | anders
    return services.bijstand_beeindigen(actor=actor, persoon=toekenning.persoon, **waarden)


def _letter(besluit) -> str:
    document = Document.objects.get(bron_id=besluit.pk, soort=Document.Soort.BESCHIKKING)
    return pdf_woorden(bytes(document.inhoud))


def test_a_beeindiging_is_final_at_once_and_records_who_when_why(tenant_a, toekenning):
    # Even with a four-eyes limit of € 0: a beëindiging has no amount and no correction.
    toekenning.gemeente.inkomensbeleid.vier_ogen_grens_cent = 0
    toekenning.gemeente.inkomensbeleid.save()
    actor = h.consulent(tenant_a)

    besluit = _beeindigen(actor, toekenning)

    assert (besluit.soort, besluit.status) == (
        Besluit.Soort.BEEINDIGING,
        Besluit.Status.VASTGESTELD,
    )
    assert (besluit.einddatum, besluit.ingangsdatum) == (EIND_MAART, APR)
    assert (besluit.persoon, besluit.huishouden) == (toekenning.persoon, toekenning.huishouden)
    assert besluit.beslist_door == actor.user
    assert besluit.gronden.startswith("Arbeidsovereenkomst bij Bakkerij De Korf")
    assert besluit.situatie["beeindiging"] == {
        "reden": "werk",
        "toelichting": "",
        "toekenning": str(toekenning.pk),
    }
    event = AuditEvent.objects.get(object_id=str(besluit.pk), actie="aangemaakt")
    assert event.doel == "beëindiging bijstand"
    assert event.persoon_id == toekenning.persoon_id
    assert event.wijzigingen["einddatum"] == [None, "2025-03-31"]
    assert event.wijzigingen["reden"] == [None, "werk"]


def test_months_after_the_einddatum_get_no_proposal(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    # Another household in the same gemeente keeps its bijstand: April is calculated for it.
    andere = h.huishouden_met_bijstand(tenant_a)
    _beeindigen(actor, toekenning)

    maart = maand_.maand_berekenen(actor=actor, gemeente=tenant_a.gemeente, maand=MRT)
    april = maand_.maand_berekenen(actor=actor, gemeente=tenant_a.gemeente, maand=APR)

    assert maart.aangemaakt == 2  # the einddatum's month is still paid
    assert april.aangemaakt == 1
    levend = Betaalvoorstel.objects.exclude(status=Betaalvoorstel.Status.VERVALLEN)
    assert levend.filter(huishouden=toekenning.huishouden, maand=MRT).exists()
    assert not levend.filter(huishouden=toekenning.huishouden, maand__gte=APR).exists()
    assert levend.filter(huishouden=andere.huishouden, maand=APR).exists()


def test_an_einddatum_mid_month_keeps_that_month_and_stops_the_next(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    _beeindigen(actor, toekenning, einddatum=dt.date(2025, 4, 15))

    for maand, verwacht in ((APR, 1), (MEI, 0)):
        uitkomst = maand_.maand_berekenen(actor=actor, gemeente=tenant_a.gemeente, maand=maand)
        assert uitkomst.aangemaakt == verwacht, maand


def test_an_unpaid_proposal_after_the_einddatum_lapses(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    for maand in (MRT, APR, MEI):
        maand_.maand_berekenen(actor=actor, gemeente=tenant_a.gemeente, maand=maand)

    _beeindigen(actor, toekenning)

    statussen = dict(
        Betaalvoorstel.objects.filter(huishouden=toekenning.huishouden).values_list(
            "maand", "status"
        )
    )
    assert statussen == {
        MRT: Betaalvoorstel.Status.CONCEPT,
        APR: Betaalvoorstel.Status.VERVALLEN,
        MEI: Betaalvoorstel.Status.VERVALLEN,
    }


def test_a_proposal_in_an_approved_run_stops_the_beeindiging_with_the_way_out(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    maand_.maand_berekenen(actor=actor, gemeente=tenant_a.gemeente, maand=APR)
    april = Betaalvoorstel.objects.get(huishouden=toekenning.huishouden, maand=APR)
    run = uf.BetaalrunFactory(
        gemeente=tenant_a.gemeente, maand=APR, status=Betaalrun.Status.GEACCORDEERD
    )
    Betaalopdracht.objects.create(
        gemeente=tenant_a.gemeente,
        betaalrun=run,
        soort=Betaling.Soort.PERIODIEK,
        betaalvoorstel=april,
        huishouden=april.huishouden,
        persoon=april.persoon,
        maand=APR,
        bedrag_cent=april.te_betalen_cent,
    )

    with pytest.raises(ValidationError) as fout:
        _beeindigen(actor, toekenning)

    assert fout.value.messages == [
        "De bijstand is niet beëindigd. Het betaalvoorstel over april 2025 zit in een "
        "betaalrun die al is goedgekeurd of uitgevoerd wordt. Trek die betaalrun eerst in "
        "(Betalingen, Betaalruns) en beëindig daarna de bijstand opnieuw."
    ]
    # Nothing half-written: no decision, no letter, the proposal still counts.
    assert not Besluit.objects.filter(soort=Besluit.Soort.BEEINDIGING).exists()
    assert not Document.objects.exists()
    april.refresh_from_db()
    assert april.status != Betaalvoorstel.Status.VERVALLEN


def test_an_einddatum_before_the_start_of_the_bijstand_is_refused_and_nothing_is_written(
    tenant_a, toekenning
):
    actor = h.consulent(tenant_a)
    besluiten, documenten = Besluit.objects.count(), Document.objects.count()

    with pytest.raises(ValidationError) as fout:
        _beeindigen(actor, toekenning, einddatum=dt.date(2024, 12, 31))

    assert fout.value.message_dict["einddatum"] == [
        "De einddatum ligt vóór de ingangsdatum van de bijstand (1 januari 2025). Kies die "
        "datum of een latere."
    ]
    assert (Besluit.objects.count(), Document.objects.count()) == (besluiten, documenten)
    # The first day of the bijstand itself may be the last one.
    assert _beeindigen(actor, toekenning, einddatum=dt.date(2025, 1, 1)).ingangsdatum == (
        dt.date(2025, 1, 2)
    )


def test_reason_and_grounds_are_required_all_messages_at_once(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    with pytest.raises(ValidationError) as fout:
        _beeindigen(actor, toekenning, reden=services.Reden.ANDERS, toelichting=" ", gronden="")
    assert set(fout.value.message_dict) == {"toelichting", "gronden"}
    with pytest.raises(ValidationError) as fout:
        _beeindigen(actor, toekenning, reden="ontslag")
    assert "reden" in fout.value.message_dict
    assert not Besluit.objects.filter(soort=Besluit.Soort.BEEINDIGING).exists()


def test_bijstand_can_be_ended_once(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    _beeindigen(actor, toekenning)
    with pytest.raises(ValidationError) as fout:
        _beeindigen(actor, toekenning)
    assert fout.value.messages == ["Deze inwoner heeft geen lopende bijstand om te beëindigen."]
    assert Besluit.objects.filter(soort=Besluit.Soort.BEEINDIGING).count() == 1


def test_a_later_toekenning_after_the_beeindiging_applies_again(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    _beeindigen(actor, toekenning)
    uf.BesluitFactory(
        gemeente=tenant_a.gemeente,
        persoon=toekenning.persoon,
        huishouden=toekenning.huishouden,
        ingangsdatum=dt.date(2025, 9, 1),
        situatie=toekenning.situatie,
    )
    assert selectors.geldende_toekenning(persoon=toekenning.persoon, vandaag=MEI) is not None
    assert selectors.laatste_beeindiging(persoon=toekenning.persoon, vandaag=MEI) is None


def test_bijstand_can_be_ended_from_the_partners_dossier(tenant_a, toekenning):
    partner = LidmaatschapFactory(
        huishouden=toekenning.huishouden,
        persoon__gemeente=tenant_a.gemeente,
        rol=HuishoudRol.PARTNER,
        van=dt.date(2020, 1, 1),
    ).persoon
    besluit = services.bijstand_beeindigen(
        actor=h.consulent(tenant_a),
        persoon=partner,
        einddatum=EIND_MAART,
        reden=services.Reden.VERHUISD,
        gronden="Verhuisd naar Zwolle.",
    )
    # The decision is in the name of the applicant, like the toekenning it ends.
    assert (besluit.persoon, besluit.huishouden) == (toekenning.persoon, toekenning.huishouden)


def test_only_an_inkomensconsulent_of_the_gemeente_may_end_bijstand(tenant_a, tenant_b, toekenning):
    for actor in (tenant_b.actor(Rol.INKOMENSCONSULENT), tenant_a.actor(Rol.KLANTMANAGER)):
        with pytest.raises(Geweigerd):
            _beeindigen(actor, toekenning)
    assert not Besluit.objects.filter(soort=Besluit.Soort.BEEINDIGING).exists()


def test_the_letter_says_when_why_vakantiegeld_herziening_contact_and_bezwaar(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    besluit = _beeindigen(actor, toekenning)

    tekst = _letter(besluit)

    assert "Besluit: uw bijstand stopt" in tekst
    assert "De laatste dag met bijstand is 31 maart 2025." in tekst
    assert "Vanaf 1 april 2025 krijgt u geen bijstand meer." in tekst
    assert "U kreeg bijstand sinds 1 januari 2025." in tekst
    assert "U heeft werk gevonden." in tekst
    assert "Arbeidsovereenkomst bij Bakkerij De Korf" in tekst
    assert (
        "Het vakantiegeld dat nog niet is uitbetaald, krijgt u met de laatste betaling van de "
        "bijstand." in tekst
    )
    assert "NL91ABNA0417164300" in tekst
    assert "Dat heet een herziening." in tekst
    assert f"Bel {actor.naam} op telefoonnummer 0570 693 000." in tekst
    assert "Doe dat binnen 6 weken na de datum van deze brief." in tekst
    assert "artikel 6:7 van de Algemene wet bestuursrecht" in tekst
    assert "Stuur uw bezwaar naar: Postbus 5000, 7400 GC Deventer." in tekst
    assert toekenning.persoon.bsn not in tekst


@pytest.mark.parametrize(
    ("reden", "zin"),
    [
        (services.Reden.VERHUISD, "artikel 40 van de Participatiewet"),
        (services.Reden.DETENTIE, "artikel 13 lid 1 onderdeel a van de Participatiewet"),
        (services.Reden.OP_VERZOEK, "U heeft ons gevraagd om uw bijstand te stoppen."),
    ],
)
def test_the_letter_gives_the_reason_in_plain_words(tenant_a, toekenning, reden, zin):
    besluit = _beeindigen(h.consulent(tenant_a), toekenning, reden=reden)
    assert zin in _letter(besluit)


def test_after_a_death_the_letter_is_addressed_to_the_next_of_kin(tenant_a, toekenning):
    besluit = _beeindigen(h.consulent(tenant_a), toekenning, reden=services.Reden.OVERLEDEN)
    tekst = _letter(besluit)
    naam = toekenning.persoon.volledige_naam
    assert f"Aan de nabestaanden van {naam}" in tekst
    assert "Geachte nabestaanden," in tekst
    assert f"{naam} is overleden." in tekst
    assert f"Beste {naam}" not in tekst


def test_another_reason_is_written_in_the_letter(tenant_a, toekenning):
    besluit = _beeindigen(
        h.consulent(tenant_a),
        toekenning,
        reden=services.Reden.ANDERS,
        toelichting="U woont samen met een partner die genoeg verdient.",
    )
    assert "U woont samen met een partner die genoeg verdient." in _letter(besluit)


def test_the_letter_is_made_again_with_the_same_bytes_after_the_resident_moved(
    tenant_a, toekenning
):
    besluit = _beeindigen(h.consulent(tenant_a), toekenning)
    verstuurd = Document.objects.get(bron_id=besluit.pk)
    persoon = toekenning.persoon
    persoon.straat, persoon.woonplaats = "Andere straat", "Zwolle"
    persoon.save()
    besluit.refresh_from_db()
    assert hashlib.sha256(brief.beeindiging_pdf(besluit)).hexdigest() == verstuurd.sha256


def test_the_panel_part_says_ended_per_and_offers_ending_only_while_it_runs(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    persoon = toekenning.persoon
    stand = selectors.paneelstand(actor=actor, persoon=persoon, vandaag=MRT)
    assert (stand.beeindiging, stand.mag_beeindigen) == (None, True)
    klantmanager = tenant_a.actor(Rol.KLANTMANAGER)
    assert not selectors.paneelstand(
        actor=klantmanager, persoon=persoon, vandaag=MRT
    ).mag_beeindigen

    _beeindigen(actor, toekenning)
    stand = selectors.paneelstand(actor=actor, persoon=persoon, vandaag=MRT)
    assert stand.mag_beeindigen is False
    html = render_to_string(
        "uitkering/beeindiging/_panel.html",
        {
            "beeindiging": stand.beeindiging,
            "mag_beeindigen": stand.mag_beeindigen,
            "persoon": persoon,
        },
    )
    assert "Bijstand beëindigd per 1 april 2025 (laatste dag met bijstand: 31 maart 2025)." in (
        " ".join(html.split())
    )
    assert "Bijstand beëindigen" not in html


def test_the_last_month_pays_out_the_vakantiegeld_kept_apart(tenant_a, toekenning):
    actor = h.consulent(tenant_a)
    jan, feb = dt.date(2025, 1, 1), dt.date(2025, 2, 1)
    for maand in (jan, feb):
        maand_.maand_berekenen(actor=actor, gemeente=tenant_a.gemeente, maand=maand)
    _beeindigen(actor, toekenning)
    maand_.maand_berekenen(actor=actor, gemeente=tenant_a.gemeente, maand=MRT)

    voorstellen = Betaalvoorstel.objects.filter(huishouden=toekenning.huishouden)
    gereserveerd = sum(v.vakantiegeld_reservering_cent for v in voorstellen)
    assert gereserveerd > 0
    assert voorstellen.get(maand=MRT).vakantiegeld_uitbetaling_cent == gereserveerd
