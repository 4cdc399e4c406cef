"""Recovery when there is no benefit to deduct from (the usual case after uitstroom to work):
the resident pays the gemeente a monthly amount with a betalingskenmerk, checked against the
beslagvrije voet and the household's own income as entered; the consulent records the payments
received (corrections by a reversing entry), and the recovery is afgelost at zero. Changing the
arrangement and waiving the rest are decisions: the resident gets a letter with bezwaar.

Amounts by hand (alleenstaande 21+, art. 21 a € 1.345,45 in 2025): March and April paid
€ 1.345,45; a later report of € 400,00 work income in March makes March € 1.045,45, so
€ 300,00 too much. The benefit ended on 30 April 2025 (work). Own income € 1.500,00 and voet
€ 1.400,00 leave room for 1.500,00 - 1.400,00 = € 100,00 a month."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.pdf_tekst import pdf_woorden
from meedoen.testing.uitkering_factories import InkomensbeleidFactory
from meedoen.uitkering.herziening import (
    beslissen,
    regeling,
    selectors,
    services,
    terugbetalingen,
    verrekening,
)
from meedoen.uitkering.herziening.beslissen import Terugbetaalregeling
from meedoen.uitkering.models import Besluit, Document, Herziening, Terugbetaling, Terugvordering
from meedoen.uitkering.tests.herziening_hulp import (
    betaald_voorstel,
    huishouden_met_aanvrager,
    opgave,
)

pytestmark = pytest.mark.django_db

MAART = dt.date(2025, 3, 1)
APRIL = dt.date(2025, 4, 1)
MEI = dt.date(2025, 5, 1)
IBAN = "NL20INGB0001234567"
ZELF = Terugvordering.Wijze.ZELF_BETALEN


def volgende_maand() -> dt.date:
    """The first month a resident can start paying: the one after this one."""
    vandaag = timezone.localdate()
    return dt.date(vandaag.year + vandaag.month // 12, vandaag.month % 12 + 1, 1)


MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def maandnaam(maand: dt.date) -> str:
    return f"{MAANDEN[maand.month - 1]} {maand.year}"


def zelf(bedrag_cent=30000, aflossing_cent=10000, *, inkomen_cent=150000, eerste=None):
    return Terugbetaalregeling(
        bedrag_cent, 140000, aflossing_cent, eerste or volgende_maand(), ZELF, inkomen_cent
    )


@pytest.fixture
def consulent(tenant_a):
    return tenant_a.actor(Rol.INKOMENSCONSULENT)


def _te_veel(tenant, consulent) -> Herziening:
    persoon, huishouden = huishouden_met_aanvrager(tenant.gemeente)
    betaald_voorstel(persoon, huishouden, MAART)
    betaald_voorstel(persoon, huishouden, APRIL)
    return services.inkomstenopgave_gewijzigd(
        actor=consulent, opgave=opgave(persoon, huishouden, MAART, loon_cent=40000)
    )


@pytest.fixture
def te_veel(tenant_a, consulent) -> Herziening:
    return _te_veel(tenant_a, consulent)


@pytest.fixture
def uitgestroomd(tenant_a, te_veel) -> Herziening:
    """The benefit ended on 30 April 2025; the gemeente has its account set."""
    Besluit.objects.filter(huishouden=te_veel.huishouden).update(einddatum=dt.date(2025, 4, 30))
    InkomensbeleidFactory(gemeente=tenant_a.gemeente, rekening_iban=IBAN)
    return te_veel


@pytest.fixture
def zelf_betalen(consulent, uitgestroomd) -> Terugvordering:
    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=uitgestroomd,
        besluit="terugvorderen",
        evenredigheid="Werkt weer; kan € 100 per maand missen.",
        regeling=zelf(),
    )
    return Terugvordering.objects.get(herziening=uitgestroomd)


def _tekst(document: Document) -> str:
    return pdf_woorden(bytes(document.inhoud))


def _fout(aanroep, veld: str) -> str:
    with pytest.raises(ValidationError) as fout:
        aanroep()
    return " ".join(fout.value.message_dict[veld])


def test_zelf_betalen_is_checked_against_own_income_and_the_voet(consulent, uitgestroomd):
    def beslis(regeling_):
        return beslissen.herziening_beslissen(
            actor=consulent,
            herziening=uitgestroomd,
            besluit="terugvorderen",
            evenredigheid="Te dragen.",
            regeling=regeling_,
        )

    # 1.500,00 own income - 1.400,00 voet = at most € 100,00 a month.
    melding = _fout(lambda: beslis(zelf(aflossing_cent=10001)), "aflossing_per_maand")
    assert "hoogstens € 100,00 per maand" in melding
    assert "€ 1.500,00" in melding and "€ 1.400,00" in melding
    melding = _fout(lambda: beslis(zelf(inkomen_cent=None)), "inkomen_per_maand")
    assert "Vul het inkomen van het huishouden per maand in" in melding
    # The letter comes first: paying cannot start in a month that has passed.
    melding = _fout(lambda: beslis(zelf(eerste=MEI)), "eerste_maand")
    assert f"op zijn vroegst in {maandnaam(volgende_maand())}" in melding
    assert not Terugvordering.objects.exists()
    uitgestroomd.refresh_from_db()
    assert uitgestroomd.status == Herziening.Status.VOORGESTELD

    beslis(zelf())
    t = Terugvordering.objects.get(herziening=uitgestroomd)
    assert (t.wijze, t.aflossing_per_maand_cent, t.inkomen_per_maand_cent) == (ZELF, 10000, 150000)
    assert t.rekening_iban == IBAN
    assert t.betalingskenmerk.startswith("TV") and len(t.betalingskenmerk) == 14
    event = AuditEvent.objects.filter(object_id=str(uitgestroomd.pk)).latest("tijdstip")
    assert event.wijzigingen["terugvordering"][1]["wijze"] == ZELF
    assert event.wijzigingen["terugvordering"][1]["betalingskenmerk"] == t.betalingskenmerk


def test_zelf_betalen_needs_the_gemeentes_account(tenant_a, consulent, te_veel):
    Besluit.objects.filter(huishouden=te_veel.huishouden).update(einddatum=dt.date(2025, 4, 30))
    InkomensbeleidFactory(gemeente=tenant_a.gemeente, rekening_iban="")
    melding = _fout(
        lambda: beslissen.herziening_beslissen(
            actor=consulent,
            herziening=te_veel,
            besluit="terugvorderen",
            evenredigheid="Te dragen.",
            regeling=zelf(),
        ),
        "wijze",
    )
    assert "geen rekeningnummer (IBAN)" in melding
    assert not Terugvordering.objects.exists()


def test_the_letter_says_how_much_to_which_account_with_which_kenmerk_from_when(zelf_betalen):
    document = Document.objects.get(bron_id=zelf_betalen.herziening_id)
    assert document.soort == Document.Soort.TERUGVORDERING
    tekst = _tekst(document)
    for verwacht in (
        "Maak elke maand € 100,00 over",
        f"Begin in {maandnaam(volgende_maand())}",
        IBAN,
        zelf_betalen.betalingskenmerk,
        "Na ongeveer 3 maanden is alles terugbetaald",
        "inkomen van € 1.500,00 per maand",
        "minstens € 1.400,00 per maand over",
        "binnen 6 weken",
    ):
        assert verwacht in tekst, verwacht
    assert "in op uw uitkering" not in tekst


def test_zelf_betalen_is_never_deducted_from_a_benefit(zelf_betalen):
    # Even if a benefit came back, the arrangement is paid by the resident, not deducted.
    assert (
        verrekening.aflossing_voor_maand(
            huishouden=zelf_betalen.huishouden, maand=volgende_maand(), te_betalen_cent=200000
        )
        == []
    )


def test_payments_lower_the_balance_until_afgelost_and_are_corrected_by_reversal(
    consulent, zelf_betalen
):
    vandaag = timezone.localdate()

    def registreer(bedrag_cent, op=vandaag):
        return terugbetalingen.terugbetaling_registreren(
            actor=consulent, terugvordering=zelf_betalen, ontvangen_op=op, bedrag_cent=bedrag_cent
        )

    eerste = registreer(10000)
    assert verrekening.rest_cent(zelf_betalen) == 20000
    event = AuditEvent.objects.filter(object_id=str(eerste.pk)).get()
    assert event.wijzigingen["bedrag_cent"] == [None, 10000]

    assert "€ 200,00" in _fout(lambda: registreer(20001), "bedrag")
    assert "toekomst" in _fout(
        lambda: registreer(100, vandaag + dt.timedelta(days=1)), "ontvangen_op"
    )
    assert "meer dan € 0" in _fout(lambda: registreer(0), "bedrag")
    assert Terugbetaling.objects.count() == 1

    # A mistake is undone by a reversing entry with a reason; the original stays.
    melding = _fout(
        lambda: terugbetalingen.terugbetaling_corrigeren(
            actor=consulent, terugbetaling=eerste, toelichting=" "
        ),
        "toelichting",
    )
    assert "Schrijf op waarom" in melding
    correctie = terugbetalingen.terugbetaling_corrigeren(
        actor=consulent, terugbetaling=eerste, toelichting="Geboekt bij de verkeerde persoon."
    )
    assert (correctie.bedrag_cent, correctie.correctie_van_id) == (-10000, eerste.pk)
    assert verrekening.rest_cent(zelf_betalen) == 30000
    with pytest.raises(ValidationError, match="al gecorrigeerd"):
        terugbetalingen.terugbetaling_corrigeren(
            actor=consulent, terugbetaling=eerste, toelichting="Nog eens."
        )
    assert Terugbetaling.objects.filter(pk=eerste.pk, bedrag_cent=10000).exists()

    registreer(10000)
    laatste = registreer(20000)
    zelf_betalen.refresh_from_db()
    assert zelf_betalen.status == Terugvordering.Status.AFGELOST
    assert verrekening.rest_cent(zelf_betalen) == 0
    with pytest.raises(ValidationError, match="loopt niet meer"):
        registreer(100)
    # Reversing a payment reopens a repaid recovery.
    terugbetalingen.terugbetaling_corrigeren(
        actor=consulent, terugbetaling=laatste, toelichting="Teruggeboekt door de bank."
    )
    zelf_betalen.refresh_from_db()
    assert zelf_betalen.status == Terugvordering.Status.LOPEND
    assert verrekening.rest_cent(zelf_betalen) == 20000


def test_only_behandelaars_of_the_gemeente_record_payments(tenant_a, tenant_b, zelf_betalen):
    for actor in (tenant_a.actor(Rol.KLANTMANAGER), tenant_b.actor(Rol.INKOMENSCONSULENT)):
        with pytest.raises(Geweigerd):
            terugbetalingen.terugbetaling_registreren(
                actor=actor,
                terugvordering=zelf_betalen,
                ontvangen_op=timezone.localdate(),
                bedrag_cent=100,
            )
    assert not Terugbetaling.objects.exists()


def test_after_uitstroom_a_running_deduction_is_switched_to_zelf_betalen_with_a_letter(
    tenant_a, consulent, te_veel
):
    beslissen.herziening_beslissen(
        actor=consulent,
        herziening=te_veel,
        besluit="terugvorderen",
        evenredigheid="Te dragen.",
        regeling=Terugbetaalregeling(30000, 125000, 5000, MEI),
    )
    t = Terugvordering.objects.get(herziening=te_veel)
    assert t.wijze == Terugvordering.Wijze.VERREKENEN
    # Now the resident works: the benefit ended before May.
    Besluit.objects.filter(huishouden=te_veel.huishouden).update(einddatum=dt.date(2025, 4, 30))
    InkomensbeleidFactory(gemeente=tenant_a.gemeente, rekening_iban=IBAN)

    def wijzig(**kwargs):
        return regeling.regeling_wijzigen(
            actor=consulent,
            terugvordering=t,
            aflossing_per_maand_cent=5000,
            beslagvrije_voet_cent=140000,
            toelichting="Werkt weer sinds mei.",
            **kwargs,
        )

    assert "Zelf betalen aan de gemeente" in _fout(wijzig, "wijze")
    wijzig(wijze=ZELF, inkomen_per_maand_cent=150000)
    t.refresh_from_db()
    assert (t.wijze, t.rekening_iban) == (ZELF, IBAN)
    assert t.betalingskenmerk
    event = AuditEvent.objects.filter(object_id=str(t.pk)).get()
    assert event.wijzigingen["wijze"] == ["verrekenen", "zelf_betalen"]
    assert event.wijzigingen["toelichting"] == [None, "Werkt weer sinds mei."]

    [brief] = Document.objects.filter(bron_id=t.pk)
    assert brief.soort == Document.Soort.REGELING
    tekst = _tekst(brief)
    for verwacht in (
        "Besluit terugbetaalregeling",
        f"Vanaf {maandnaam(volgende_maand())} betaalt u € 50,00 per maand terug",
        "U moet nog € 300,00 terugbetalen",
        IBAN,
        t.betalingskenmerk,
        "Werkt weer sinds mei.",
        "binnen 6 weken",
    ):
        assert verwacht in tekst, verwacht
    # Nothing is deducted any more, also not from a proposal that might still be made.
    assert (
        verrekening.aflossing_voor_maand(huishouden=t.huishouden, maand=MEI, te_betalen_cent=134545)
        == []
    )


def test_waiving_the_rest_is_a_decision_with_a_letter(consulent, zelf_betalen):
    terugbetalingen.terugbetaling_registreren(
        actor=consulent,
        terugvordering=zelf_betalen,
        ontvangen_op=timezone.localdate(),
        bedrag_cent=10000,
    )
    regeling.rest_kwijtschelden(
        actor=consulent,
        terugvordering=zelf_betalen,
        toelichting="Ernstig ziek; verder terugbetalen is niet redelijk.",
    )
    [brief] = Document.objects.filter(bron_id=zelf_betalen.pk)
    assert brief.soort == Document.Soort.KWIJTSCHELDING
    tekst = _tekst(brief)
    naam = consulent.user.get_full_name() or consulent.user.get_username()
    for verwacht in (
        "Besluit kwijtschelding",
        "We schelden € 200,00 kwijt",
        "Al terugbetaald € 100,00",
        "Ernstig ziek",
        "artikel 58 lid 8",
        "binnen 6 weken",
        f"Bel {naam}",
        zelf_betalen.betalingskenmerk,  # stop paying with this reference
    ):
        assert verwacht in tekst, verwacht
    # A corrected payment cannot reopen a waived recovery.
    betaling = Terugbetaling.objects.get()
    with pytest.raises(ValidationError, match="kwijtgescholden"):
        terugbetalingen.terugbetaling_corrigeren(
            actor=consulent, terugbetaling=betaling, toelichting="x"
        )


def test_afzien_letters_are_stored_as_besluit_herziening(tenant_a, consulent, ingelogd, te_veel):
    beslissen.herziening_beslissen(
        actor=consulent, herziening=te_veel, besluit="afzien", toelichting="Dringende redenen."
    )
    document = Document.objects.get(bron_id=te_veel.pk)
    assert document.soort == Document.Soort.HERZIENING
    assert document.get_soort_display() == "Besluit herziening"
    assert selectors.brief_van(herziening=te_veel) == document
    assert te_veel.pk in selectors.voor_persoon(persoon=te_veel.persoon)["brieven"]
    # The dossier's generic download names it by its soort.
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    pdf = client.get(reverse("uitkering:aanvraag_document", args=[document.pk]))
    assert pdf.status_code == 200
    assert 'filename="herziening-' in pdf["Content-Disposition"]


def test_the_page_offers_zelf_betalen_and_records_payments(
    tenant_a, tenant_b, ingelogd, uitgestroomd
):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    url = reverse("uitkering:herziening_detail", args=[uitgestroomd.pk])
    pagina = client.get(url).content.decode()
    # The benefit ended: zelf betalen is the choice already made on the form.
    assert re.search(r'name="wijze" value="zelf_betalen"[^>]*checked', pagina)
    assert not re.search(r'name="wijze" value="verrekenen"[^>]*checked', pagina)
    assert "krijgt nu geen uitkering" in pagina

    gegevens = {
        "besluit": "terugvorderen",
        "evenredigheid": "Werkt weer.",
        "bedrag": "300.00",
        "beslagvrije_voet": "1400.00",
        "wijze": "zelf_betalen",
        "aflossing_per_maand": "150.00",
        "inkomen_per_maand": "1500.00",
        "eerste_maand": volgende_maand().strftime("%Y-%m"),
    }
    fout = client.post(url, gegevens)
    assert fout.status_code == 200
    html = fout.content.decode()
    assert "hoogstens € 100,00 per maand" in html
    assert 'value="150.00"' in html and 'value="1500.00"' in html
    assert client.post(url, gegevens | {"aflossing_per_maand": "100.00"}).status_code == 302
    t = Terugvordering.objects.get(herziening=uitgestroomd)
    pagina = client.get(url).content.decode()
    assert t.betalingskenmerk in pagina and IBAN in pagina
    assert "Betaling vastleggen" in pagina

    betalen = reverse("uitkering:herziening_terugbetaling", args=[uitgestroomd.pk])
    vandaag = timezone.localdate().isoformat()
    fout = client.post(betalen, {"betaling-ontvangen_op": vandaag, "betaling-bedrag": "300.01"})
    assert fout.status_code == 200
    assert "Dit is meer dan er nog terugbetaald moet worden: € 300,00" in fout.content.decode()
    assert 'value="300.01"' in fout.content.decode()
    assert not Terugbetaling.objects.exists()

    client_b = ingelogd(tenant_b.gebruiker(Rol.INKOMENSCONSULENT))
    gegevens_b = {"betaling-ontvangen_op": vandaag, "betaling-bedrag": "10.00"}
    assert client_b.post(betalen, gegevens_b).status_code == 404
    klantmanager = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    assert klantmanager.post(betalen, gegevens_b).status_code == 403
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    assert client.get(betalen).status_code == 405

    ok = client.post(betalen, {"betaling-ontvangen_op": vandaag, "betaling-bedrag": "100.00"})
    assert ok.status_code == 302
    betaling = Terugbetaling.objects.get()
    pagina = client.get(url).content.decode()
    assert "€ 100,00" in pagina and "Corrigeren" in pagina

    corrigeren = reverse("uitkering:herziening_terugbetaling_corrigeren", args=[uitgestroomd.pk])
    fout = client.post(
        corrigeren, {"correctie-terugbetaling": str(betaling.pk), "correctie-toelichting": ""}
    )
    assert fout.status_code == 200
    assert Terugbetaling.objects.count() == 1
    assert (
        client.post(
            corrigeren,
            {"correctie-terugbetaling": str(betaling.pk), "correctie-toelichting": "Fout geboekt."},
        ).status_code
        == 302
    )
    assert verrekening.rest_cent(t) == 30000

    # Waive the rest from the page; the letters are listed and downloadable.
    kwijt = reverse("uitkering:herziening_kwijtschelden", args=[uitgestroomd.pk])
    assert client.post(kwijt, {"kwijtschelden-toelichting": "Ziek."}).status_code == 302
    pagina = client.get(url).content.decode()
    brief = Document.objects.get(soort=Document.Soort.KWIJTSCHELDING)
    link = reverse("uitkering:herziening_document", args=[uitgestroomd.pk, brief.pk])
    assert link in pagina and "Besluit kwijtschelding maart 2025" in pagina
    pdf = client.get(link)
    assert pdf.content.startswith(b"%PDF")
    assert "besluit-kwijtschelding-2025-03-" in pdf["Content-Disposition"]
    # A letter about something else is not served under this herziening.
    ander = _te_veel(tenant_a, tenant_a.actor(Rol.INKOMENSCONSULENT))
    assert (
        client.get(reverse("uitkering:herziening_document", args=[ander.pk, brief.pk])).status_code
        == 404
    )
    client_b = ingelogd(tenant_b.gebruiker(Rol.INKOMENSCONSULENT))  # one client: log in again
    assert client_b.get(link).status_code == 404


def test_the_dossier_shows_how_a_recovery_is_repaid_and_links_decided_letters(
    tenant_a, ingelogd, zelf_betalen
):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    html = client.get(reverse("clients:dossier", args=[zelf_betalen.persoon.pk])).content.decode()
    assert f"betaalt zelf terug met kenmerk {zelf_betalen.betalingskenmerk}" in html
    brief = reverse("uitkering:herziening_brief", args=[zelf_betalen.herziening_id])
    # Once next to the running recovery and once in the list of decided herzieningen.
    assert html.count(f'href="{brief}"') == 2
