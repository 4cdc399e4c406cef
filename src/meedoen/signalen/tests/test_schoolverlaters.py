"""School-leavers import: bad rows are reported with row number and a Dutch message and skipped;
good rows are imported (matched by name without diacritics + birth date, by BSN, or kept in view);
a task appears N months before the leaving date. A broken file imports nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from meedoen.core.roles import Rol
from meedoen.signalen.models import Schoolverlater, SchoolverlatersImport, Taak, TaakSoort
from meedoen.signalen.schoolverlaters import schoolverlaters_importeren
from meedoen.testing.factories import PersoonFactory, geldig_bsn

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 3, 1)

KOP = (
    "voornamen;tussenvoegsel;achternaam;geboortedatum;school;onderwijssoort;"
    "verwachte_uitstroomdatum;contact;bsn"
)


def _bestand(tmp_path, regels):
    pad = tmp_path / "schoolverlaters.csv"
    pad.write_text("\n".join([KOP, *regels]) + "\n", encoding="utf-8")
    return pad


def test_bad_rows_are_reported_and_the_rest_imported(tenant_a, tmp_path):
    bekend = PersoonFactory(
        gemeente=tenant_a.gemeente,
        voornamen="Ayşe",
        achternaam="Öztürk",
        geboortedatum=dt.date(2008, 4, 12),
    )
    nieuw_bsn = geldig_bsn(500)
    pad = _bestand(
        tmp_path,
        [
            "Ayse;;Ozturk;12-04-2008;Etty Hillesum Lyceum;vmbo;15-07-2026;mentor@school.nl;",  # 2
            "Daan;van;Dijk;31-02-2008;Etty Hillesum Lyceum;havo;15-07-2026;;",  # 3 bad date
            ";;Bakker;01-01-2008;Alfa-college;mbo;01-07-2026;;",  # 4 no name
            f"Sem;de;Vries;03-03-2008;Alfa-college;mbo-2;01-08-2026;06-12345678;{nieuw_bsn}",  # 5
            "Lotte;;Jansen;05-05-2008;Praktijkschool;pro;01-12-2026;;",  # 6 in view
            "Milan;;Smit;05-05-2008;Praktijkschool;pro;01-12-2026;;123456789",  # 7 bad bsn
        ],
    )

    resultaat = schoolverlaters_importeren(
        actor=tenant_a.actor(Rol.KLANTMANAGER),
        gemeente=tenant_a.gemeente,
        inhoud=pad.read_bytes(),
        bestandsnaam=pad.name,
        vandaag=VANDAAG,
    )

    assert [(f.regel, f.melding) for f in resultaat.fouten] == [
        (3, "Geboortedatum '31-02-2008' is geen datum. Gebruik dd-mm-jjjj."),
        (4, "Voornamen is niet ingevuld."),
        (7, "Het BSN is niet geldig (elfproef)."),
    ]
    assert (
        resultaat.gekoppeld,
        resultaat.nieuw_geregistreerd,
        resultaat.in_beeld_zonder_inwoner,
    ) == (1, 1, 1)
    assert Schoolverlater.objects.get(achternaam="Ozturk").persoon == bekend
    sem = Schoolverlater.objects.get(achternaam="Vries")
    assert sem.persoon is not None and sem.persoon.bsn == nieuw_bsn
    assert Schoolverlater.objects.get(achternaam="Jansen").persoon is None
    opgeslagen = SchoolverlatersImport.objects.get()
    assert opgeslagen.aantal_ingelezen == 3 and len(opgeslagen.fouten) == 3

    # default 6 months before leaving: July/August leavers are due now, December is not yet
    taken = Taak.objects.filter(soort=TaakSoort.SCHOOLVERLATER)
    assert {t.schoolverlater.achternaam for t in taken} == {"Ozturk", "Vries"}
    assert taken.get(schoolverlater__achternaam="Ozturk").vervaldatum == dt.date(2026, 1, 15)


def test_a_broken_file_imports_nothing(tenant_a, tmp_path):
    pad = tmp_path / "fout.csv"
    pad.write_text("naam;school\nJan;X\n", encoding="utf-8")
    with pytest.raises(ValidationError) as fout:
        schoolverlaters_importeren(
            actor=tenant_a.actor(Rol.KLANTMANAGER),
            gemeente=tenant_a.gemeente,
            inhoud=pad.read_bytes(),
            bestandsnaam="fout.csv",
            vandaag=VANDAAG,
        )
    assert "Deze kolommen ontbreken" in str(fout.value)
    assert SchoolverlatersImport.objects.count() == 0 and Schoolverlater.objects.count() == 0


def test_upload_page_shows_each_bad_row(tenant_a, tmp_path, ingelogd):
    pad = _bestand(tmp_path, ["Daan;van;Dijk;2008-13-01;Lyceum;havo;15-07-2026;;"])
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER))
    with pad.open("rb") as bestand:
        response = client.post(
            "/signalen/schoolverlaters/", {"gemeente": tenant_a.gemeente.pk, "bestand": bestand}
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Regels die niet zijn ingelezen" in html
    assert "Geboortedatum &#x27;2008-13-01&#x27; is geen datum" in html
