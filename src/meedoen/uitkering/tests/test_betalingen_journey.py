"""The whole journey, as the consulent and the teamleider go through the pages: an application
decided with the aanvraag services (toekenning from 1 January 2025), then seven months of income
reports with € 400 work income and a payslip, each proposal approved, each month paid in a run
that a second person approves, every bank file valid against the official schema and summing
to the approved amounts; the vrijlating counters advance and stop after 6 months, and the
vakantiegeld is paid in May.

Amounts by hand (norms art. 21 a: € 1.345,45 from 1-1-2025, € 1.369,06 from 1-7-2025; art. 31
lid 2 n: 25% for at most 6 months; art. 19 lid 3: reservation = benefit × 5/105):
- January–June: 400 − 25% = 300.00 counts; 1345.45 − 300.00 = 1045.45; reserved 49.78;
  paid 995.67 (May: plus 5 × 49.78 = 248.90 vakantiegeld = 1244.57);
- July: the vrijlating has stopped; 1369.06 − 400.00 = 969.06; reserved 46.15; paid 922.91."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.utils import timezone
from lxml import etree

from meedoen.accounts.selectors import actor_voor
from meedoen.clients.models import HuishoudRol
from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import LidmaatschapFactory
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.uitkering.aanvraag import besluiten as a_besluiten
from meedoen.uitkering.aanvraag import services as a_services
from meedoen.uitkering.models import (
    Aanvraag,
    Besluit,
    Betaalrun,
    Betaalvoorstel,
    Betaling,
    Document,
)
from meedoen.uitkering.tests import betalingen_hulp as h

XSD = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data" / "pain.001.001.03.xsd")))
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
BETAALD = {1: 99567, 2: 99567, 3: 99567, 4: 99567, 5: 124457, 6: 99567, 7: 92291}


def _besluit_via_aanvraag(tenant, consulent, persoon) -> Besluit:
    aanvraag = a_services.aanvraag_registreren(
        actor=consulent,
        persoon=persoon,
        ontvangen_op=dt.date(2025, 1, 1),
        gewenste_ingangsdatum=dt.date(2025, 1, 1),
        iban="NL91 ABNA 0417 1643 00",
        tenaamstelling=persoon.volledige_naam,
        inkomsten=[],
        vermogen_cent=0,
        eigen_woning_cent=0,
        vandaag=dt.date(2025, 1, 2),
    )
    a_services.status_wijzigen(
        actor=consulent, aanvraag=aanvraag, naar=Aanvraag.Status.IN_ONDERZOEK
    )
    besluit = a_besluiten.besluit_nemen(
        actor=consulent,
        aanvraag=aanvraag,
        soort=Besluit.Soort.TOEKENNING,
        gronden="Geen inkomen en geen vermogen.",
        ingangsdatum=dt.date(2025, 1, 1),
        nu=timezone.make_aware(dt.datetime(2025, 1, 10, 10, 0)),
    )
    assert besluit.status == Besluit.Status.VASTGESTELD
    # The beschikking the resident receives for this decision: the amount and its articles.
    brief = pdf_woorden(
        bytes(Document.objects.get(bron_id=besluit.pk, soort=Document.Soort.BESCHIKKING).inhoud)
    )
    assert "U krijgt € 1.345,45 per maand." in brief
    for artikel in ("Participatiewet art. 21 onderdeel a", "Participatiewet art. 19 lid 2"):
        assert artikel in brief
    return besluit


def _opgave_via_pagina(client, persoon, maand):
    return client.post(
        f"/uitkering/betalingen/inwoners/{persoon.pk}/inkomsten/",
        {
            "maand": f"{maand:%Y-%m}",
            "toelichting": "",
            "regel-TOTAL_FORMS": "1",
            "regel-INITIAL_FORMS": "0",
            "regel-0-persoon": str(persoon.pk),
            "regel-0-bron": "loon",
            "regel-0-omschrijving": "Bakkerij",
            "regel-0-bedrag": "400,00",
            "regel-0-loonstrook": h.loonstrook(f"loonstrook {maand:%m}.pdf"),
        },
    )


def test_from_application_to_seven_paid_months(
    tenant_a, client, ingelogd, django_capture_on_commit_callbacks
):
    h.beleid(tenant_a)
    lid = LidmaatschapFactory(
        huishouden__gemeente=tenant_a.gemeente,
        persoon__geboortedatum=dt.date(1990, 5, 1),
        rol=HuishoudRol.AANVRAGER,
        van=dt.date(2020, 1, 1),
    )
    persoon = lid.persoon
    consulent_user = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    teamleider_user = tenant_a.gebruiker(Rol.TEAMLEIDER)
    _besluit_via_aanvraag(tenant_a, actor_voor(consulent_user), persoon)

    for nummer in range(1, 8):
        maand = dt.date(2025, nummer, 1)
        consulent = ingelogd(consulent_user)
        antwoord = _opgave_via_pagina(consulent, persoon, maand)
        assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
        voorstel = Betaalvoorstel.objects.get(persoon=persoon, maand=maand, status="concept")
        assert antwoord["Location"] == f"/uitkering/betalingen/voorstellen/{voorstel.pk}/"
        assert consulent.get(antwoord["Location"]).status_code == 200
        assert consulent.post(f"{antwoord['Location']}goedkeuren/").status_code == 302

        antwoord = consulent.post(
            "/uitkering/betalingen/runs/",
            {"gemeente": tenant_a.gemeente.pk, "maand": f"{maand:%Y-%m}", "betaaldatum": ""},
        )
        run = Betaalrun.objects.get(maand=maand)
        assert antwoord["Location"] == f"/uitkering/betalingen/runs/{run.pk}/"

        teamleider = ingelogd(teamleider_user)
        assert (
            teamleider.post(f"/uitkering/betalingen/runs/{run.pk}/accorderen/").status_code == 302
        )
        with django_capture_on_commit_callbacks(execute=True):
            teamleider.post(f"/uitkering/betalingen/runs/{run.pk}/uitvoeren/")
        run.refresh_from_db()
        assert run.status == Betaalrun.Status.UITGEVOERD, run.foutmelding

        document = etree.fromstring(bytes(run.pain001))
        assert XSD.validate(document), XSD.error_log
        bedragen = [Decimal(e.text) for e in document.iterfind(".//p:InstdAmt", NS)]
        assert sum(bedragen) == Decimal(BETAALD[nummer]) / 100
        voorstel.refresh_from_db()
        assert voorstel.status == Betaalvoorstel.Status.BETAALD
        assert voorstel.te_betalen_cent == BETAALD[nummer]
        assert voorstel.vrijlating_n_maanden == min(nummer, 6)

    juli = Betaalvoorstel.objects.get(persoon=persoon, maand=dt.date(2025, 7, 1))
    assert "De vrijlating is na 6 maanden gestopt" in " ".join(juli.verschil_uitleg)
    mei = Betaalvoorstel.objects.get(persoon=persoon, maand=dt.date(2025, 5, 1))
    assert mei.vakantiegeld_uitbetaling_cent == 24890
    assert Betaling.objects.filter(persoon=persoon).count() == 7
    assert sum(Betaling.objects.values_list("bedrag_cent", flat=True)) == sum(BETAALD.values())

    # The dossier shows the payments with their specifications, which open as PDF.
    consulent = ingelogd(consulent_user)
    html = consulent.get(f"/inwoners/{persoon.pk}/").content.decode()
    betaling = Betaling.objects.get(persoon=persoon, maand=dt.date(2025, 7, 1))
    link = f"/uitkering/betalingen/betalingen/{betaling.pk}/specificatie/"
    assert link in html
    pdf = consulent.get(link)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    specificatie = Document.objects.get(soort=Document.Soort.SPECIFICATIE, bron_id=betaling.pk)
    assert pdf.content == bytes(specificatie.inhoud)
    gelezen = AuditEvent.objects.latest("id")
    assert (gelezen.actie, gelezen.object_id, gelezen.persoon_id) == (
        Actie.GELEZEN,
        str(specificatie.pk),
        persoon.pk,
    )
