"""CSV import of vacancies: every row is checked first and each problem is named with its row
number in Dutch; nothing is imported until the user confirms, and then only the valid rows.
A broken file stores nothing."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from meedoen.core.roles import Rol
from meedoen.testing.werk_factories import WerkgeverFactory
from meedoen.werk.models import Vacature, VacatureImport
from meedoen.werk.werkgevers.importeren import vacatures_controleren, vacatures_importeren

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
VOORBEELD = Path(__file__).parents[1] / "werkgevers" / "voorbeeld_vacatures.csv"
HEFTRUCKCHAUFFEUR = "eeac6251-1974-42f5-91ed-513c6c883755"
SCHOONMAKER_GEBOUWEN = "303a1e34-cb16-4054-b323-81e5eec17397"
KASSAMEDEWERKER = "2b871272-bd61-4206-bd1a-0b96d7023098"


@pytest.fixture
def werkgevers(tenant_a):
    return [
        WerkgeverFactory(gemeente=tenant_a.gemeente, kvk_nummer="12345678"),
        WerkgeverFactory(gemeente=tenant_a.gemeente, kvk_nummer="87654321"),
    ]


def test_bad_rows_are_reported_per_row_and_only_valid_rows_imported(tenant_a, werkgevers):
    actor = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    bestand = vacatures_controleren(
        actor=actor,
        gemeente=tenant_a.gemeente,
        inhoud=(DATA / "vacatures_met_fouten.csv").read_bytes(),  # UTF-8 with BOM, commas
        bestandsnaam="vacatures_met_fouten.csv",
    )
    meldingen = {f["rij"]: f["melding"] for f in bestand.fouten}
    assert sorted(meldingen) == [4, 5, 6, 7, 8]
    assert meldingen[4] == "Rij 4: postcode '12AB' is geen geldige postcode."
    assert meldingen[5] == ("Rij 5: vaardigheden_vereist: vaardigheid 'Rijbewijs Z' is onbekend.")
    assert meldingen[6].startswith("Rij 6: beroep 'bezorger' is niet eenduidig: bedoelt u '")
    assert meldingen[6].endswith("? Zet de code van het beroep in de kolom.")
    assert meldingen[7] == ("Rij 7: onbekend KvK-nummer '99999999' (voeg de werkgever eerst toe).")
    # every problem of row 8 is named, not only the first
    for deel in (
        "KvK-nummer '1234567': een KvK-nummer heeft precies 8 cijfers;",
        "beroep is niet ingevuld",
        "uren_per_week '0' is geen heel getal van 1 tot en met 60",
        "contractvorm 'voor altijd' is onbekend (kies uit: vast, tijdelijk, uitzend",
        "startdatum '31-02-2026' is geen datum (gebruik dd-mm-jjjj);",
        "rijbewijs_nodig 'misschien' is geen ja of nee.",
    ):
        assert deel in meldingen[8], deel
    assert (bestand.aantal_regels, bestand.aantal_goed) == (7, 2)
    assert not Vacature.objects.exists(), "checking imports nothing"

    vacatures_importeren(actor=actor, vacatureimport=bestand)
    vacatures = {v.titel: v for v in Vacature.objects.all()}
    assert set(vacatures) == {"Heftruckchauffeur", "Schoonmaker kantoren"}
    assert vacatures["Heftruckchauffeur"].beroep == HEFTRUCKCHAUFFEUR  # by title, exact
    assert vacatures["Heftruckchauffeur"].vaardigheden_vereist == ["nl-heftruckcertificaat"]
    assert vacatures["Schoonmaker kantoren"].beroep == SCHOONMAKER_GEBOUWEN  # "schoonmaakster"
    assert vacatures["Schoonmaker kantoren"].postcode == "7411 AB"
    bestand.refresh_from_db()
    assert (bestand.status, bestand.aantal_ingelezen) == ("ingelezen", 2)
    with pytest.raises(ValidationError):
        vacatures_importeren(actor=actor, vacatureimport=bestand)  # not twice
    assert Vacature.objects.count() == 2


def test_the_example_file_imports_completely(tenant_a, werkgevers):
    actor = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    bestand = vacatures_controleren(
        actor=actor,
        gemeente=tenant_a.gemeente,
        inhoud=VOORBEELD.read_bytes(),  # semicolons, no BOM
        bestandsnaam=VOORBEELD.name,
    )
    assert bestand.fouten == []
    vacatures_importeren(actor=actor, vacatureimport=bestand)
    kassa = Vacature.objects.get(titel="Kassamedewerker supermarkt")
    assert kassa.werkgever == werkgevers[1]
    assert kassa.beroep == KASSAMEDEWERKER
    assert kassa.vaardigheden_vereist == ["nl-kassawerk", "nl-klantvriendelijkheid"]  # by label
    assert kassa.opleidingsniveau_min == 2  # "vmbo / mbo 1"
    heftruck = Vacature.objects.get(titel="Heftruckchauffeur distributiecentrum")
    assert (heftruck.plaatsen, heftruck.geschikt_loonkostensubsidie) == (2, True)
    assert str(heftruck.startdatum) == "2026-03-01"


def test_rows_are_checked_again_on_confirmation(tenant_a):
    """An employer added between checking and confirming makes its rows valid; nothing that
    was valid is lost."""
    actor = tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER)
    bestand = vacatures_controleren(
        actor=actor,
        gemeente=tenant_a.gemeente,
        inhoud=VOORBEELD.read_bytes(),
        bestandsnaam="v.csv",
    )
    assert bestand.aantal_goed == 0 and len(bestand.fouten) == 3  # no employers yet
    WerkgeverFactory(gemeente=tenant_a.gemeente, kvk_nummer="87654321")
    vacatures_importeren(actor=actor, vacatureimport=bestand)
    assert list(Vacature.objects.values_list("titel", flat=True)) == ["Kassamedewerker supermarkt"]
    bestand.refresh_from_db()
    assert [f["rij"] for f in bestand.fouten] == [2, 3]


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"titel;beroep\nx;y\n", "Deze kolommen ontbreken in de eerste regel"),
        (
            b"kvk_nummer;titel;beroep;uren_per_week;postcode;contractvorm;postcod\n",
            "Deze kolommen kennen we niet: postcod",
        ),
        (
            b"kvk_nummer;titel;beroep;uren_per_week;postcode;contractvorm\n",
            "Het bestand bevat geen regels met gegevens.",
        ),
        ("kvk_nummer;titel\nMüller;x\n".encode("latin-1"), "Het bestand is geen UTF-8-tekst"),
    ],
)
def test_a_broken_file_stores_nothing(tenant_a, inhoud, melding):
    with pytest.raises(ValidationError) as fout:
        vacatures_controleren(
            actor=tenant_a.actor(Rol.WERKGEVERSDIENSTVERLENER),
            gemeente=tenant_a.gemeente,
            inhoud=inhoud,
            bestandsnaam="x.csv",
        )
    assert melding in fout.value.messages[0]
    assert not VacatureImport.objects.exists()


def test_upload_check_and_confirm_in_the_browser_flow(tenant_a, werkgevers, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    with open(DATA / "vacatures_met_fouten.csv", "rb") as bestand:
        response = client.post(
            "/werk/vacatures/importeren/",
            {"gemeente": tenant_a.gemeente.pk, "bestand": bestand},
        )
    controle = VacatureImport.objects.get()
    assert response["Location"] == f"/werk/vacatures/importeren/{controle.pk}/"
    html = client.get(response["Location"]).content.decode()
    assert "Rij 4: postcode &#x27;12AB&#x27; is geen geldige postcode." in html
    assert "2 goede regels inlezen" in html
    assert not Vacature.objects.exists()
    client.post(response["Location"])
    assert Vacature.objects.count() == 2
    html = client.get(response["Location"]).content.decode()
    assert "goede regels inlezen" not in html  # no second import offered


def test_another_gemeentes_import_answers_404(tenant_a, tenant_b, ingelogd):
    from meedoen.testing.werk_factories import VacatureImportFactory

    controle = VacatureImportFactory(gemeente=tenant_b.gemeente)
    client = ingelogd(tenant_a.gebruiker(Rol.WERKGEVERSDIENSTVERLENER))
    assert client.get(f"/werk/vacatures/importeren/{controle.pk}/").status_code == 404
    assert client.post(f"/werk/vacatures/importeren/{controle.pk}/").status_code == 404
