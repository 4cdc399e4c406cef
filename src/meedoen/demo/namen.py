"""Names for synthetic residents: Faker's Dutch names, split into tussenvoegsel and achternaam,
plus names with diacritics so that searching without them ("ozturk", "zoe") can be shown."""

import random
import re

from faker import Faker

# Longest first, so "van der" wins over "van".
TUSSENVOEGSELS = (
    "van den",
    "van der",
    "van de",
    "van 't",
    "in 't",
    "op de",
    "uit de",
    "van",
    "de",
    "den",
    "der",
    "ter",
    "ten",
    "te",
    "'t",
)
# One capitalised word, optionally double-barrelled; Faker's list also holds medieval nobility
# ("Aelftrud van Wessex") and comma forms that no municipality would register.
_ACHTERNAAM = re.compile(r"^[A-Z][a-zà-ÿ]+(-[A-Z][a-zà-ÿ]+)?$")

ACHTERNAMEN_MET_DIAKRIETEN = (
    "Öztürk",
    "Şahin",
    "Çelik",
    "Doğan",
    "Müller",
    "Güler",
    "Yücel",
    "Coşkun",
    "Koç",
    "Ünal",
    "Şimşek",
    "Gündüz",
    "Schröder",
    "Jovanović",
    "Dąbrowski",
    "Nuñez",
)
VOORNAMEN_MET_DIAKRIETEN = {
    "v": ("Zoë", "Anaïs", "Chloë", "Noëlle", "Ayşe", "Gülşen", "Inês", "Renée", "Daniëlle"),
    "m": ("Hüseyin", "Gökhan", "Ümit", "René", "André", "Jérôme", "Noël", "Sören", "José"),
}
AANDEEL_ACHTERNAAM_MET_DIAKRIETEN = 0.04
AANDEEL_VOORNAAM_MET_DIAKRIETEN = 0.06
AANDEEL_TWEE_VOORNAMEN = 0.25


def achternaam(fake: Faker, rng: random.Random) -> tuple[str, str]:
    """(tussenvoegsel, achternaam)."""
    if rng.random() < AANDEEL_ACHTERNAAM_MET_DIAKRIETEN:
        return "", rng.choice(ACHTERNAMEN_MET_DIAKRIETEN)
    while True:
        tussenvoegsel, naam = splits_achternaam(fake.last_name())
        if _ACHTERNAAM.match(naam):
            return tussenvoegsel, naam


def splits_achternaam(volledig: str) -> tuple[str, str]:
    for tussenvoegsel in TUSSENVOEGSELS:
        if volledig.startswith(tussenvoegsel + " "):
            return tussenvoegsel, volledig[len(tussenvoegsel) + 1 :]
    return "", volledig


def voornamen(fake: Faker, rng: random.Random, geslacht: str) -> str:
    if rng.random() < AANDEEL_VOORNAAM_MET_DIAKRIETEN:
        return rng.choice(VOORNAMEN_MET_DIAKRIETEN[geslacht])
    kies = fake.first_name_female if geslacht == "v" else fake.first_name_male
    namen = [kies()]
    if rng.random() < AANDEEL_TWEE_VOORNAMEN:
        tweede = kies()
        if tweede != namen[0]:
            namen.append(tweede)
    return " ".join(namen)
