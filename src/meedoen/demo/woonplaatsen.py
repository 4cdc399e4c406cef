"""The four demo gemeenten, their woonplaatsen and plausible postcode ranges (PC4).

The ranges are plausible, not checked against the BAG or PostNL: they only make addresses look
like the place they are in. Weights spread residents roughly by the size of the caseload.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Woonplaats:
    naam: str
    pc4_van: int
    pc4_tot: int  # inclusive
    netnummer: str  # area code for landline numbers
    gewicht: float


@dataclass(frozen=True)
class DemoGemeente:
    code: str
    naam: str
    gewicht: float  # share of the demo residents
    woonplaatsen: tuple[Woonplaats, ...]


DEMO_GEMEENTEN: tuple[DemoGemeente, ...] = (
    DemoGemeente(
        "GM0150",
        "Deventer",
        0.40,
        (
            Woonplaats("Deventer", 7411, 7429, "0570", 0.88),
            Woonplaats("Diepenveen", 7431, 7431, "0570", 0.03),
            Woonplaats("Schalkhaar", 7433, 7433, "0570", 0.03),
            Woonplaats("Bathmen", 7437, 7437, "0570", 0.06),
        ),
    ),
    DemoGemeente("GM0106", "Assen", 0.32, (Woonplaats("Assen", 9401, 9409, "0592", 1.0),)),
    DemoGemeente(
        "GM1730",
        "Tynaarlo",
        0.15,
        (
            Woonplaats("Zuidlaren", 9471, 9471, "050", 0.35),
            Woonplaats("Vries", 9481, 9481, "0592", 0.25),
            Woonplaats("Eelde", 9761, 9761, "050", 0.25),
            Woonplaats("Paterswolde", 9765, 9765, "050", 0.15),
        ),
    ),
    DemoGemeente(
        "GM1680",
        "Aa en Hunze",
        0.13,
        (
            Woonplaats("Gieten", 9461, 9461, "0592", 0.30),
            Woonplaats("Rolde", 9451, 9451, "0592", 0.30),
            Woonplaats("Annen", 9468, 9468, "0592", 0.25),
            Woonplaats("Gasselte", 9462, 9462, "0599", 0.15),
        ),
    ),
)

# Letters PostNL does not use in postcodes, and combinations it avoids.
_POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
_POSTCODE_VERMEDEN = {"SA", "SD", "SS"}
POSTCODE_LETTERPAREN = tuple(
    a + b for a in _POSTCODE_LETTERS for b in _POSTCODE_LETTERS if a + b not in _POSTCODE_VERMEDEN
)
