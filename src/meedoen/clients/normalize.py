"""Search keys for names: lower case, without diacritics, so 'Öztürk' is found as 'ozturk'."""

import unicodedata

# Letters that have no decomposition into a base letter plus accent.
EIGEN_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
    }
)


def zoeksleutel(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(EIGEN_LETTERS))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("-", " ").replace("'", "").split())
