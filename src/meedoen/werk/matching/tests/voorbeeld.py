"""A hand-made labour market around Deventer for the tests: a forklift driver vacancy and
residents whose order is obvious. Distances are placed due north of the vacancy, so that the
great-circle distance is the number of km written (1 km = 1 / 111.19508 degree of latitude
with the mean Earth radius 6371.0088 km)."""

from meedoen.werk.matching import Kandidaat, Vacature

KM_PER_GRAAD = 6371.0088 * 3.141592653589793 / 180  # 111.19508...
DEVENTER = (52.2550, 6.1639)

HEFTRUCK = "8344.1"  # heftruckchauffeur (ISCO 8344: lifting-truck operators)
MAGAZIJN = "9333.1"  # magazijnmedewerker (ISCO 9333: freight handlers)
KOK = "5120.1"  # kok
SCHOONMAAK = "9112.1"  # schoonmaker

VERWANTSCHAP = {HEFTRUCK: {MAGAZIJN}}  # one direction only: the engine treats it as symmetric

LABELS = {
    HEFTRUCK: "heftruckchauffeur",
    MAGAZIJN: "magazijnmedewerker",
    KOK: "kok",
    SCHOONMAAK: "schoonmaker",
    "heftruckcertificaat": "heftruckcertificaat",
    "magazijnbeheer": "magazijnbeheer",
    "vca": "VCA-diploma",
}


def noord(km: float, van: tuple[float, float] = DEVENTER) -> tuple[float, float]:
    return (van[0] + km / KM_PER_GRAAD, van[1])


def heftruck_vacature(**anders) -> Vacature:
    velden = {
        "id": "heftruck-deventer",
        "beroep": HEFTRUCK,
        "vaardigheden_vereist": {"heftruckcertificaat", "magazijnbeheer"},
        "vaardigheden_gewenst": {"vca"},
        "opleidingsniveau_min": 2,
        "uren_per_week": 32,
        "locatie": DEVENTER,
        "plaatsen": 2,
    } | anders
    return Vacature(**velden)


def kandidaat(id_: str, **anders) -> Kandidaat:
    velden = {
        "id": id_,
        "vaardigheden": {"heftruckcertificaat", "magazijnbeheer", "vca"},
        "opleidingsniveau": 3,
        "uren_per_week": 32,
        "reisafstand_km": 15,
    } | anders
    return Kandidaat(**velden)


def bewoners() -> list[Kandidaat]:
    return [
        # Far away but within the radius: 29 of 30 km.
        kandidaat("ver-weg", beroepen={HEFTRUCK: 3}, locatie=noord(29), reisafstand_km=30),
        # Related occupation, all skills, 3 km.
        kandidaat("verwant", beroepen={MAGAZIJN: 4}, locatie=noord(3)),
        # Refuses forklift work, although experienced and near: excluded.
        kandidaat("nogo", beroepen={HEFTRUCK: 6}, locatie=noord(1), nogos={HEFTRUCK}),
        # Experienced forklift driver, 2 km.
        kandidaat("ervaren", beroepen={HEFTRUCK: 3}, locatie=noord(2)),
        # Beyond their own radius: 20 km with a radius of 10.
        kandidaat("buiten-straal", beroepen={HEFTRUCK: 8}, locatie=noord(20), reisafstand_km=10),
    ]
