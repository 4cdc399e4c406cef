"""The betalingen pages: entering an income report with a payslip (checked, stored under a
random name, only downloadable through an audited view), the worklists on the start page, the
dossier panel, the run page's progress, and who may see or do what (404 for another gemeente,
403 without the capability)."""

import datetime as dt

import pytest
from django.utils import timezone

from meedoen.core.audit.models import Actie, AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing import uitkering_factories as uf
from meedoen.uitkering.betalingen import betaalrun as diensten
from meedoen.uitkering.betalingen import maanden, voorstellen
from meedoen.uitkering.models import Betaalrun, Betaalvoorstel, Inkomstenregel
from meedoen.uitkering.tests import betalingen_hulp as h

JAN = dt.date(2025, 1, 1)
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 32


def _post(persoon, **regel):
    data = {
        "maand": "2025-01",
        "toelichting": "Opgave van de inwoner.",
        "regel-TOTAL_FORMS": "1",
        "regel-INITIAL_FORMS": "0",
        "regel-0-persoon": str(persoon.pk),
        "regel-0-bron": "loon",
        "regel-0-omschrijving": "Bakkerij",
        "regel-0-bedrag": "400,00",
    }
    data.update({f"regel-0-{k}": v for k, v in regel.items()})
    return data


@pytest.fixture
def huishouden(tenant_a):
    h.beleid(tenant_a)
    return h.huishouden_met_bijstand(tenant_a)


def _url(persoon):
    return f"/uitkering/betalingen/inwoners/{persoon.pk}/inkomsten/"


@pytest.mark.parametrize(
    "bestand, melding",
    [
        (lambda: h.loonstrook("loonstrook.exe", b"MZ\x90\x00"), "Kies een PDF, JPG of PNG"),
        (lambda: h.loonstrook("loonstrook.pdf", PNG), "Dit bestand is geen echte PDF"),
        (
            lambda: h.loonstrook("loonstrook.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)),
            "Het mag hoogstens 10 MB zijn",
        ),
        (lambda: "", "Voeg de loonstrook toe"),
    ],
)
def test_a_payslip_that_is_not_accepted_gets_a_clear_message_and_nothing_is_saved(
    tenant_a, huishouden, ingelogd, bestand, melding
):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    antwoord = client.post(
        _url(huishouden.persoon), _post(huishouden.persoon, loonstrook=bestand())
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert melding in html
    assert 'value="400,00"' in html  # what was typed stays
    assert not Inkomstenregel.objects.exists()
    assert not Betaalvoorstel.objects.exists()


def test_a_payslip_is_stored_under_a_random_name_and_downloaded_only_audited(
    tenant_a, tenant_b, huishouden, ingelogd
):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    client = ingelogd(consulent)
    antwoord = client.post(
        _url(huishouden.persoon),
        _post(huishouden.persoon, loonstrook=h.loonstrook("Loonstrook Jansen 123456782.pdf")),
    )
    assert antwoord.status_code == 302
    regel = Inkomstenregel.objects.get()
    assert "Jansen" not in regel.loonstrook.name and "123456782" not in regel.loonstrook.name
    assert regel.netto_cent == 40000

    url = f"/uitkering/betalingen/loonstroken/{regel.pk}/"
    voor = AuditEvent.objects.filter(actie=Actie.GELEZEN, doel="loonstrook inzien").count()
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == h.PDF
    assert download["Content-Disposition"].startswith("attachment;")
    assert AuditEvent.objects.filter(actie=Actie.GELEZEN, doel="loonstrook inzien").count() == (
        voor + 1
    )
    # Another gemeente's consulent: as if it does not exist; a klantmanager: not allowed.
    assert ingelogd(tenant_b.gebruiker(Rol.INKOMENSCONSULENT)).get(url).status_code == 404
    assert ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER)).get(url).status_code == 403


def test_a_correction_without_a_new_file_keeps_the_payslip(tenant_a, huishouden, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    client.post(_url(huishouden.persoon), _post(huishouden.persoon, loonstrook=h.loonstrook()))
    eerste = Inkomstenregel.objects.get()
    formulier = client.get(_url(huishouden.persoon) + "?maand=2025-01").content.decode()
    assert f'value="{eerste.pk}"' in formulier and "Over deze maand is al een opgave" in formulier

    data = _post(huishouden.persoon, bedrag="350,00", vorige_regel=str(eerste.pk))
    data["regel-INITIAL_FORMS"] = "1"
    assert client.post(_url(huishouden.persoon), data).status_code == 302
    nieuw = Inkomstenregel.objects.get()
    assert nieuw.netto_cent == 35000
    assert nieuw.loonstrook.name == eerste.loonstrook.name


def test_the_start_page_lists_missing_income_reports_and_proposals_to_approve(
    tenant_a, huishouden, ingelogd
):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    h.opgave(h.consulent(tenant_a), huishouden.persoon, JAN, loon_cent=40000)
    vorige_maand = maanden.plus(maanden.maand_van(timezone.localdate()), -1)
    html = ingelogd(consulent).get("/").content.decode()
    assert "Inkomstenopgaven ontbreken" in html
    assert f"{_url(huishouden.persoon)}?maand={vorige_maand:%Y-%m}" in html
    assert "Voorstellen goed te keuren" in html
    voorstel = Betaalvoorstel.objects.get()
    assert f"/uitkering/betalingen/voorstellen/{voorstel.pk}/" in html


def test_the_dossier_panel_shows_the_latest_proposal_with_its_explanation(
    tenant_a, huishouden, ingelogd
):
    h.opgave(h.consulent(tenant_a), huishouden.persoon, JAN, loon_cent=40000)
    html = (
        ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
        .get(f"/inwoners/{huishouden.persoon.pk}/")
        .content.decode()
    )
    assert "Laatste voorstel: januari 2025" in html
    assert "daarvan tellen € 300,00 mee" in html
    assert "Inkomstenopgave invoeren" in html


def test_the_month_overview_makes_and_approves_proposals(
    tenant_a, huishouden, ingelogd, django_capture_on_commit_callbacks
):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    keuze = {"gemeente": tenant_a.gemeente.pk, "maand": "2025-01"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/uitkering/betalingen/berekenen/", keuze).status_code == 302
    assert Betaalvoorstel.objects.filter(status="concept").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/uitkering/betalingen/berekenen/", {**keuze, "maand": "2025-02"})
    # February without income equals January: approved with "all without a difference".
    client.post("/uitkering/betalingen/voorstellen/goedkeuren/", {**keuze, "maand": "2025-02"})
    assert Betaalvoorstel.objects.get(maand=dt.date(2025, 2, 1)).status == "goedgekeurd"
    pagina = client.get("/uitkering/betalingen/", keuze).content.decode()
    assert "Huishoudens met bijstand" in pagina
    lijst = client.get("/uitkering/betalingen/voorstellen/", keuze).content.decode()
    assert huishouden.persoon.volledige_naam in lijst


def test_the_run_page_polls_its_progress_until_the_run_is_done(
    tenant_a, huishouden, ingelogd, django_capture_on_commit_callbacks
):
    actor = h.consulent(tenant_a)
    voorstel = h.opgave(actor, huishouden.persoon, JAN).voorstel
    voorstellen.voorstel_goedkeuren(actor=actor, voorstel=voorstel)
    run = diensten.betaalrun_samenstellen(actor=actor, gemeente=tenant_a.gemeente, maand=JAN).run
    teamleider = h.teamleider(tenant_a)
    diensten.betaalrun_accorderen(actor=teamleider, run=run)
    Betaalrun.objects.filter(pk=run.pk).update(status=Betaalrun.Status.IN_UITVOERING)
    client = ingelogd(teamleider.user)
    voortgang = f"/uitkering/betalingen/runs/{run.pk}/voortgang/"
    fragment = client.get(voortgang).content.decode()
    assert 'hx-trigger="every 2s"' in fragment and 'value="0"' in fragment
    assert f'hx-get="{voortgang}?getoond=in_uitvoering"' in fragment
    assert "HX-Refresh" not in client.get(voortgang, {"getoond": "in_uitvoering"})

    Betaalrun.objects.filter(pk=run.pk).update(status=Betaalrun.Status.GEACCORDEERD)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/uitkering/betalingen/runs/{run.pk}/uitvoeren/")
    # The page that still shows "in uitvoering" reloads, so its status and links follow.
    antwoord = client.get(voortgang, {"getoond": "in_uitvoering"})
    assert antwoord["HX-Refresh"] == "true"
    fragment = antwoord.content.decode()
    assert "hx-trigger" not in fragment and 'value="100"' in fragment
    pagina = client.get(f"/uitkering/betalingen/runs/{run.pk}/").content.decode()
    assert "Bankbestand downloaden" in pagina


def test_pages_answer_404_for_another_gemeente_and_403_without_the_capability(
    tenant_a, tenant_b, ingelogd
):
    run_b = uf.BetaalrunFactory(gemeente=tenant_b.gemeente)
    voorstel_b = uf.BetaalvoorstelFactory(gemeente=tenant_b.gemeente, status="concept")
    beide = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT, Rol.TEAMLEIDER))
    for url in (
        f"/uitkering/betalingen/runs/{run_b.pk}/",
        f"/uitkering/betalingen/voorstellen/{voorstel_b.pk}/",
    ):
        assert beide.get(url).status_code == 404
    assert beide.post(f"/uitkering/betalingen/runs/{run_b.pk}/accorderen/").status_code == 404
    assert (
        beide.post(f"/uitkering/betalingen/voorstellen/{voorstel_b.pk}/goedkeuren/").status_code
        == 404
    )
    run_b.refresh_from_db()
    voorstel_b.refresh_from_db()
    assert (run_b.status, voorstel_b.status) == ("concept", "concept")
    # Composing for another gemeente's month is not possible either.
    beide.post(
        "/uitkering/betalingen/runs/",
        {"gemeente": tenant_b.gemeente.pk, "maand": "2025-03", "betaaldatum": ""},
    )
    assert not Betaalrun.objects.filter(gemeente=tenant_b.gemeente).exclude(pk=run_b.pk).exists()

    klantmanager = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    for url in ("/uitkering/betalingen/", "/uitkering/betalingen/runs/"):
        assert klantmanager.get(url).status_code == 403
    # A teamleider approves runs but does not handle proposals.
    teamleider = ingelogd(tenant_a.gebruiker(Rol.TEAMLEIDER))
    assert (
        teamleider.post("/uitkering/betalingen/berekenen/", {"maand": "2025-01"}).status_code == 403
    )
