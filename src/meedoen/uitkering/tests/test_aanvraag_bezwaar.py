"""Bezwaar against a decision on an application: the date the bezwaarschrift came in, checked
against the 6-week term (Awb art. 6:7), and the beslissing op bezwaar with its date and outcome;
on the application page, audited, within the gemeente and the capability. The bezwaar is kept as
data; a (partly) upheld bezwaar revokes the decision and leads to a new one, taken the normal
way (four eyes, a new beschikking that says what it replaces)."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meedoen.accounts.selectors import actor_voor
from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.testing.uitkering_factories import BesluitFactory
from meedoen.uitkering.aanvraag import besluiten, bezwaar, selectors
from meedoen.uitkering.models import Aanvraag, AanvraagStatus, Besluit, Bezwaar, Document
from meedoen.uitkering.tests.aanvraag_hulp import beleid, in_onderzoek, inwoner

pytestmark = pytest.mark.django_db

S = Aanvraag.Status
# The decision becomes final on Monday 12 January 2026: that is the letter's date. The 6 weeks
# start the next day (Awb art. 6:8) and end on Monday 23 February 2026.
VASTGESTELD = dt.datetime(2026, 1, 12, 10, 0, tzinfo=dt.UTC)
LAATSTE_DAG = dt.date(2026, 2, 23)


def _afgewezen(tenant, actor, nu=VASTGESTELD) -> Aanvraag:
    aanvraag = in_onderzoek(actor, inwoner(tenant), vermogen_cent=3_000_000)
    besluiten.besluit_nemen(
        actor=actor,
        aanvraag=aanvraag,
        soort=Besluit.Soort.AFWIJZING,
        gronden="Uw vermogen is hoger dan de grens.",
        nu=nu,
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.AFGEWEZEN
    return aanvraag


def test_a_bezwaar_is_recorded_with_its_date_and_then_its_outcome(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _afgewezen(tenant_a, actor)
    besluit = aanvraag.besluiten.get()
    assert bezwaar.bezwaartermijn_tot(besluit) == LAATSTE_DAG

    bezwaar.bezwaar_registreren(
        actor=actor,
        aanvraag=aanvraag,
        ontvangen_op=LAATSTE_DAG,  # the last day is still on time
        toelichting="De auto is nodig voor werk.",
        vandaag=dt.date(2026, 2, 25),
    )

    aanvraag.refresh_from_db()
    assert aanvraag.status == S.BEZWAAR
    rij = aanvraag.statussen.last()
    assert (rij.van, rij.naar, rij.door) == (S.AFGEWEZEN, S.BEZWAAR, actor.user)
    assert rij.reden == (
        "Bezwaarschrift ontvangen op 23 februari 2026 tegen het besluit van 12 januari 2026. "
        "De auto is nodig voor werk."
    )
    event = AuditEvent.objects.latest("id")
    assert event.object_id == str(aanvraag.pk)
    assert event.wijzigingen["status"] == [S.AFGEWEZEN, S.BEZWAAR]
    assert event.wijzigingen["bezwaar_ontvangen_op"][1] == "2026-02-23"
    assert event.wijzigingen["bezwaar_op_tijd"][1] is True

    bezwaar.bezwaar_afhandelen(
        actor=actor,
        aanvraag=aanvraag,
        beslist_op=dt.date(2026, 4, 2),
        uitkomst=bezwaar.Uitkomst.ONGEGROND,
        toelichting="De auto is geen werkauto.",
        vandaag=dt.date(2026, 4, 3),
    )

    aanvraag.refresh_from_db()
    assert aanvraag.status == S.BEZWAAR_AFGEHANDELD
    assert aanvraag.statussen.last().reden == (
        "Beslissing op bezwaar van 2 april 2026: ongegrond: het besluit blijft. "
        "De auto is geen werkauto."
    )
    event = AuditEvent.objects.latest("id")
    assert event.wijzigingen["bezwaar_uitkomst"][1] == "ongegrond"
    assert event.wijzigingen["bezwaar_beslist_op"][1] == "2026-04-02"


def test_a_late_bezwaar_is_recorded_and_says_it_was_late(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _afgewezen(tenant_a, actor)

    bezwaar.bezwaar_registreren(
        actor=actor,
        aanvraag=aanvraag,
        ontvangen_op=LAATSTE_DAG + dt.timedelta(days=1),
        toelichting="Ik was in het ziekenhuis.",
        vandaag=dt.date(2026, 3, 1),
    )

    rij = AanvraagStatus.objects.filter(aanvraag=aanvraag).last()
    assert "na de bezwaartermijn, die eindigde op 23 februari 2026" in rij.reden
    assert "Awb art. 6:11" in rij.reden
    assert AuditEvent.objects.latest("id").wijzigingen["bezwaar_op_tijd"][1] is False


@pytest.mark.parametrize(
    ("ontvangen_op", "toelichting", "veld", "melding"),
    [
        (dt.date(2026, 3, 2), "Niet eens.", "ontvangen_op", "Deze datum ligt in de toekomst."),
        (
            dt.date(2026, 1, 9),
            "Niet eens.",
            "ontvangen_op",
            "Deze datum ligt vóór de datum van de beschikking (12 januari 2026).",
        ),
        (dt.date(2026, 2, 1), "  ", "toelichting", "Schrijf kort op waar de inwoner"),
    ],
)
def test_a_bezwaar_with_a_wrong_date_or_no_reason_is_refused_and_nothing_written(
    tenant_a, ontvangen_op, toelichting, veld, melding
):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _afgewezen(tenant_a, actor)
    rijen, events = AanvraagStatus.objects.count(), AuditEvent.objects.count()

    with pytest.raises(ValidationError) as fout:
        bezwaar.bezwaar_registreren(
            actor=actor,
            aanvraag=aanvraag,
            ontvangen_op=ontvangen_op,
            toelichting=toelichting,
            vandaag=dt.date(2026, 3, 1),
        )

    assert melding in " ".join(fout.value.message_dict[veld])
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.AFGEWEZEN
    assert (AanvraagStatus.objects.count(), AuditEvent.objects.count()) == (rijen, events)


def test_no_bezwaar_before_a_decision_and_no_outcome_without_a_bezwaar(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    open_aanvraag = in_onderzoek(actor, inwoner(tenant_a))
    with pytest.raises(ValidationError, match="waarover is besloten"):
        bezwaar.bezwaar_registreren(
            actor=actor,
            aanvraag=open_aanvraag,
            ontvangen_op=dt.date(2026, 1, 20),
            toelichting="Niet eens.",
            vandaag=dt.date(2026, 1, 21),
        )
    afgewezen = _afgewezen(tenant_a, actor)
    with pytest.raises(ValidationError, match="Registreer eerst het bezwaar"):
        bezwaar.bezwaar_afhandelen(
            actor=actor,
            aanvraag=afgewezen,
            beslist_op=dt.date(2026, 3, 1),
            uitkomst=bezwaar.Uitkomst.GEGROND,
            toelichting="",
            vandaag=dt.date(2026, 3, 1),
        )


def test_only_a_consulent_of_the_gemeente_records_a_bezwaar(tenant_a, tenant_b):
    aanvraag = _afgewezen(tenant_a, tenant_a.actor(Rol.INKOMENSCONSULENT))
    for actor in (tenant_b.actor(Rol.INKOMENSCONSULENT), tenant_a.actor(Rol.TEAMLEIDER)):
        with pytest.raises(Geweigerd):
            bezwaar.bezwaar_registreren(
                actor=actor,
                aanvraag=aanvraag,
                ontvangen_op=dt.date(2026, 2, 1),
                toelichting="Niet eens.",
                vandaag=dt.date(2026, 2, 2),
            )
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.AFGEWEZEN


def test_the_application_page_records_a_bezwaar_and_its_outcome(tenant_a, tenant_b, ingelogd):
    nu = timezone.now()
    vandaag = timezone.localdate()
    aanvraag = _afgewezen(tenant_a, tenant_a.actor(Rol.INKOMENSCONSULENT), nu=nu)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    pad = reverse("uitkering:aanvraag_detail", args=[aanvraag.pk])

    html = client.get(pad).content.decode()
    assert "Bezwaar registreren" in html
    assert "Bezwaar mogelijk tot en met" in html
    # The plain status form no longer offers bezwaar without a date.
    assert 'value="bezwaar"' not in html.replace('name="onderdeel" value="bezwaar"', "")

    # A date in the future: refused, and what was typed stays.
    antwoord = client.post(
        pad,
        {
            "onderdeel": "bezwaar",
            "bezwaar-ontvangen_op": (vandaag + dt.timedelta(days=1)).isoformat(),
            "bezwaar-toelichting": "Mijn auto is nodig voor mijn werk.",
        },
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Deze datum ligt in de toekomst." in html
    assert "Mijn auto is nodig voor mijn werk." in html
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.AFGEWEZEN

    antwoord = client.post(
        pad,
        {
            "onderdeel": "bezwaar",
            "bezwaar-ontvangen_op": vandaag.isoformat(),
            "bezwaar-toelichting": "Mijn auto is nodig voor mijn werk.",
        },
    )
    assert antwoord.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.BEZWAAR
    html = client.get(pad).content.decode()
    assert "Beslissing op bezwaar vastleggen" in html
    assert "Mijn auto is nodig voor mijn werk." in html  # in the history

    # Another gemeente's consulent cannot touch it.
    ander = ingelogd(tenant_b.gebruiker(Rol.INKOMENSCONSULENT))
    uitkomst = {
        "onderdeel": "bezwaar_afhandelen",
        "afhandelen-beslist_op": vandaag.isoformat(),
        "afhandelen-uitkomst": "gegrond",
        "afhandelen-toelichting": "",
    }
    assert ander.post(pad, uitkomst).status_code == 404
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert client.post(pad, uitkomst).status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.BEZWAAR_AFGEHANDELD
    assert "gegrond: het besluit wordt herzien" in aanvraag.statussen.last().reden


def test_the_bezwaar_is_kept_as_data_and_shown_on_the_application_page(tenant_a, ingelogd):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _afgewezen(tenant_a, actor)
    besluit = aanvraag.besluiten.get()
    bezwaar.bezwaar_registreren(
        actor=actor,
        aanvraag=aanvraag,
        ontvangen_op=LAATSTE_DAG + dt.timedelta(days=3),
        toelichting="De auto is nodig voor werk.",
        vandaag=dt.date(2026, 3, 1),
    )
    rij = Bezwaar.objects.get()
    assert (rij.aanvraag, rij.besluit, rij.ontvangen_op, rij.bezwaartermijn_tot) == (
        aanvraag,
        besluit,
        dt.date(2026, 2, 26),
        LAATSTE_DAG,
    )
    assert (rij.op_tijd, rij.uitkomst, rij.beslist_op, rij.geregistreerd_door) == (
        False,
        "",
        None,
        actor.user,
    )

    # The outcome cannot predate the bezwaarschrift.
    with pytest.raises(ValidationError) as fout:
        bezwaar.bezwaar_afhandelen(
            actor=actor,
            aanvraag=aanvraag,
            beslist_op=dt.date(2026, 2, 25),
            uitkomst=bezwaar.Uitkomst.ONGEGROND,
            toelichting="",
            vandaag=dt.date(2026, 4, 3),
        )
    assert fout.value.message_dict["beslist_op"] == [
        "Deze datum ligt vóór de dag waarop het bezwaarschrift binnenkwam (26 februari 2026)."
    ]
    bezwaar.bezwaar_afhandelen(
        actor=actor,
        aanvraag=aanvraag,
        beslist_op=dt.date(2026, 4, 2),
        uitkomst=bezwaar.Uitkomst.NIET_ONTVANKELIJK,
        toelichting="Te laat en niet verschoonbaar.",
        vandaag=dt.date(2026, 4, 3),
    )
    rij.refresh_from_db()
    assert (rij.beslist_op, rij.uitkomst, rij.uitkomst_toelichting) == (
        dt.date(2026, 4, 2),
        bezwaar.Uitkomst.NIET_ONTVANKELIJK,
        "Te laat en niet verschoonbaar.",
    )

    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    html = client.get(reverse("uitkering:aanvraag_detail", args=[aanvraag.pk])).content.decode()
    tabel = html[html.index('data-testid="bezwaren"') :]
    tabel = " ".join(re.sub(r"<[^>]+>", " ", tabel[: tabel.index("</table>")]).split())
    assert "26 februari 2026 — te laat (termijn tot en met 23 februari 2026)" in tabel
    assert "2 april 2026" in tabel
    assert "Niet-ontvankelijk: het bezwaar wordt niet inhoudelijk behandeld" in tabel
    # Not upheld: no new decision is offered.
    assert "Opnieuw besluiten na het bezwaar" not in html


def _gegrond(tenant, actor) -> Aanvraag:
    """Set aside for missing papers on 12 January 2026; the resident objects with the papers;
    the bezwaar is upheld."""
    aanvraag = in_onderzoek(actor, inwoner(tenant))
    besluiten.besluit_nemen(
        actor=actor,
        aanvraag=aanvraag,
        soort=Besluit.Soort.BUITEN_BEHANDELING,
        gronden="U stuurde uw bankafschriften niet op.",
        nu=VASTGESTELD,
    )
    bezwaar.bezwaar_registreren(
        actor=actor,
        aanvraag=aanvraag,
        ontvangen_op=dt.date(2026, 1, 20),
        toelichting="De afschriften zijn wel gestuurd, zie bijlage.",
        vandaag=dt.date(2026, 1, 20),
    )
    bezwaar.bezwaar_afhandelen(
        actor=actor,
        aanvraag=aanvraag,
        beslist_op=dt.date(2026, 2, 10),
        uitkomst=bezwaar.Uitkomst.GEGROND,
        toelichting="De afschriften kwamen op tijd binnen.",
        vandaag=dt.date(2026, 2, 10),
    )
    aanvraag.refresh_from_db()
    return aanvraag


def test_a_gegrond_bezwaar_leads_to_a_new_decision_with_four_eyes_and_a_new_letter(
    tenant_a, ingelogd
):
    beleid(tenant_a, vier_ogen_grens_cent=100000)
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    actor = actor_voor(consulent)
    aanvraag = _gegrond(tenant_a, actor)
    herroepen = aanvraag.besluiten.get()
    client = ingelogd(consulent)
    pad = reverse("uitkering:aanvraag_detail", args=[aanvraag.pk])

    html = client.get(pad).content.decode()
    assert "Opnieuw besluiten na het bezwaar" in html
    assert "Nieuw besluit nodig" in html

    # Without a reason: refused, nothing changes.
    antwoord = client.post(pad, {"onderdeel": "heroverwegen", "heroverwegen-reden": ""})
    assert antwoord.status_code == 200
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.BEZWAAR_AFGEHANDELD

    antwoord = client.post(
        pad,
        {"onderdeel": "heroverwegen", "heroverwegen-reden": "De afschriften zijn compleet."},
    )
    assert antwoord.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.IN_ONDERZOEK
    rij = aanvraag.statussen.last()
    assert (rij.van, rij.naar, rij.door) == (S.BEZWAAR_AFGEHANDELD, S.IN_ONDERZOEK, consulent)
    assert rij.reden == (
        "Besluit van 12 januari 2026 herroepen na het bezwaar (Awb art. 7:11). "
        "De afschriften zijn compleet."
    )
    event = AuditEvent.objects.filter(object_id=str(aanvraag.pk)).latest("id")
    assert event.wijzigingen["status"] == [S.BEZWAAR_AFGEHANDELD, S.IN_ONDERZOEK]
    assert event.wijzigingen["besluit_herroepen"][1] == str(herroepen.pk)
    rij = Bezwaar.objects.get()
    assert rij.heroverweging_op == timezone.localdate()
    html = client.get(pad).content.decode()
    # Only once per bezwaar; the page says a new decision is due, not that the original
    # beslistermijn of the application was missed.
    assert "Opnieuw besluiten na het bezwaar" not in html
    assert "Het bezwaar is op 10 februari 2026 gegrond verklaard" in html
    assert "Tijd voor het besluit" not in html

    # The new decision goes the normal way: € 1.401,50 is above the limit, so a colleague
    # approves it; then the application is toegekend and the resident gets a new letter.
    nieuw = besluiten.besluit_nemen(
        actor=actor,
        aanvraag=aanvraag,
        soort=Besluit.Soort.TOEKENNING,
        gronden="Na uw bezwaar: u heeft geen inkomen en geen vermogen.",
        ingangsdatum=dt.date(2026, 1, 5),
    )
    assert nieuw.status == Besluit.Status.WACHT_OP_ACCORDERING
    with pytest.raises(ValidationError, match="zelf genomen"):
        besluiten.besluit_accorderen(actor=actor, besluit=nieuw)
    besluiten.besluit_accorderen(actor=tenant_a.actor(Rol.TEAMLEIDER), besluit=nieuw)
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.TOEGEKEND
    rij.refresh_from_db()
    assert rij.nieuw_besluit == nieuw
    brief = Document.objects.get(bron_id=nieuw.pk, soort=Document.Soort.BESCHIKKING)
    tekst = pdf_woorden(bytes(brief.inhoud))
    assert "U maakte bezwaar tegen ons besluit van 12 januari 2026." in tekst
    assert "Dit nieuwe besluit komt ervoor in de plaats." in tekst
    assert "U krijgt € 1.401,50 per maand." in tekst
    # This is the decision on the bezwaar: what is left is beroep at the rechtbank (Awb 8:1).
    assert (
        "U kunt daarom geen bezwaar meer maken, maar wel beroep instellen bij de rechtbank."
        in tekst
    )
    assert "Stuur uw bezwaar naar" not in tekst
    # The old letter is left as it was sent.
    oud = Document.objects.get(bron_id=herroepen.pk, soort=Document.Soort.BESCHIKKING)
    assert "U maakte bezwaar" not in pdf_woorden(bytes(oud.inhoud))
    html = client.get(pad).content.decode()
    assert reverse("uitkering:besluit_detail", args=[nieuw.pk]) in html


def test_no_new_decision_after_an_ongegrond_bezwaar_or_by_the_wrong_person(
    tenant_a, tenant_b, ingelogd
):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _gegrond(tenant_a, actor)
    for ander in (tenant_b.actor(Rol.INKOMENSCONSULENT), tenant_a.actor(Rol.TEAMLEIDER)):
        with pytest.raises(Geweigerd):
            bezwaar.heroverwegen(
                actor=ander, aanvraag=aanvraag, reden="x", vandaag=dt.date(2026, 2, 11)
            )
    assert (
        ingelogd(tenant_b.gebruiker(Rol.INKOMENSCONSULENT))
        .post(
            reverse("uitkering:aanvraag_detail", args=[aanvraag.pk]),
            {"onderdeel": "heroverwegen", "heroverwegen-reden": "x"},
        )
        .status_code
        == 404
    )

    Bezwaar.objects.update(uitkomst=bezwaar.Uitkomst.ONGEGROND)
    with pytest.raises(ValidationError, match="alleen na een bezwaar dat \\(deels\\) gegrond"):
        bezwaar.heroverwegen(
            actor=actor, aanvraag=aanvraag, reden="x", vandaag=dt.date(2026, 2, 11)
        )
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.BEZWAAR_AFGEHANDELD
    assert Bezwaar.objects.get().heroverweging_op is None


def test_a_revoked_toekenning_no_longer_counts_once_replaced_even_by_an_earlier_start(tenant_a):
    """Upheld: the benefit should have started on 5 January instead of 1 February. The dossier's
    current right is the new decision, not the revoked one with the later start date."""
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = in_onderzoek(actor, inwoner(tenant_a))
    gedeeld = {
        "gemeente": aanvraag.gemeente,
        "persoon": aanvraag.persoon,
        "huishouden": aanvraag.huishouden,
        "aanvraag": aanvraag,
    }
    oud = BesluitFactory(**gedeeld, ingangsdatum=dt.date(2026, 2, 1))
    nieuw = BesluitFactory(**gedeeld, ingangsdatum=dt.date(2026, 1, 5))
    bezwaar_rij = Bezwaar.objects.create(
        gemeente=aanvraag.gemeente,
        aanvraag=aanvraag,
        besluit=oud,
        ontvangen_op=dt.date(2026, 2, 10),
        bezwaartermijn_tot=dt.date(2026, 3, 16),
        toelichting="Ik vroeg bijstand vanaf 5 januari.",
        beslist_op=dt.date(2026, 3, 1),
        uitkomst=bezwaar.Uitkomst.GEGROND,
        heroverweging_op=dt.date(2026, 3, 1),
        geregistreerd_door=actor.user,
    )
    # While the new decision is not final, the old one still applies.
    assert selectors.huidige_toekenning(persoon=aanvraag.persoon) == oud
    bezwaar_rij.nieuw_besluit = nieuw
    bezwaar_rij.save()
    assert selectors.huidige_toekenning(persoon=aanvraag.persoon) == nieuw
