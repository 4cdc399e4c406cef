"""The worklist "Inkomstenopgaven ontbreken": ordered by the applicant's name, and the full list
(paged) is reachable from the start page's section, which shows only the first ten."""

import datetime as dt

import pytest
from django.utils import timezone

from meedoen.core.roles import Rol
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.betalingen.registraties import MAX_OP_START
from meedoen.uitkering.tests import betalingen_hulp as h

pytestmark = pytest.mark.django_db

# Created in no particular order (the old list followed the random UUIDs). "de Vries" sorts
# under V, as in an address book.
ACHTERNAMEN = [
    "Zwart",
    "Bakker",
    "Mulder",
    "de Vries",
    "Jansen",
    "Visser",
    "Smit",
    "Aydin",
    "Meijer",
    "Bos",
    "Kok",
    "Peters",
]


def _huishouden(tenant, achternaam, voornaam="Anna"):
    tussenvoegsel, _, achternaam = achternaam.rpartition(" ")
    besluit = h.huishouden_met_bijstand(tenant, ingangsdatum=dt.date(2025, 1, 1))
    persoon = besluit.persoon
    persoon.achternaam, persoon.voornamen, persoon.tussenvoegsel = (
        achternaam,
        voornaam,
        tussenvoegsel,
    )
    persoon.save()
    return persoon


def test_missing_reports_are_listed_by_name_with_the_full_list_behind_a_link(
    tenant_a, tenant_b, ingelogd
):
    personen = [_huishouden(tenant_a, naam) for naam in ACHTERNAMEN]
    _huishouden(tenant_a, "Bakker", voornaam="Aart")
    anders = _huishouden(tenant_b, "Aaldering")
    vorige = maanden.plus(maanden.maand_van(timezone.localdate()), -1)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))

    start = client.get("/").content.decode()
    sectie = start.split("Inkomstenopgaven ontbreken", 1)[1]
    # The first ten by achternaam, voornamen: Aydin, Bakker (Aart), Bakker (Anna), Bos, ...
    verwacht = [
        "Anna Aydin",
        "Aart Bakker",
        "Anna Bakker",
        "Anna Bos",
        "Anna Jansen",
        "Anna Kok",
        "Anna Meijer",
        "Anna Mulder",
        "Anna Peters",
        "Anna Smit",
    ]
    assert len(verwacht) == MAX_OP_START
    posities = [sectie.index(naam) for naam in verwacht]
    assert posities == sorted(posities)
    assert "Anna Visser" not in sectie.split("</ul>", 1)[0]
    link = f"/uitkering/betalingen/inkomstenopgaven/ontbrekend/?maand={vorige:%Y-%m}"
    assert link in sectie and "Alle 13 ontbrekende opgaven" in sectie

    pagina = client.get(link).content.decode()
    namen = verwacht + ["Anna Visser", "Anna de Vries", "Anna Zwart"]
    posities = [pagina.index(naam) for naam in namen]
    assert posities == sorted(posities)
    assert "Aaldering" not in pagina and str(anders.pk) not in pagina
    for persoon in personen:
        assert f"/uitkering/betalingen/inwoners/{persoon.pk}/inkomsten/?maand={vorige:%Y-%m}" in (
            pagina
        )
    assert ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER)).get(link).status_code == 403


def test_the_full_list_is_paged(tenant_a, ingelogd, monkeypatch):
    from meedoen.uitkering.betalingen import views_inkomsten

    monkeypatch.setattr(views_inkomsten, "PER_PAGINA", 2)
    for naam in ("Cas", "Arts", "Bril"):
        _huishouden(tenant_a, naam)
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    url = "/uitkering/betalingen/inkomstenopgaven/ontbrekend/"
    eerste = client.get(url).content.decode()
    assert "Anna Arts" in eerste and "Anna Bril" in eerste and "Anna Cas" not in eerste
    assert "Pagina 1 van 2" in eerste
    tweede = client.get(url, {"page": 2}).content.decode()
    assert "Anna Cas" in tweede and "Anna Arts" not in tweede
