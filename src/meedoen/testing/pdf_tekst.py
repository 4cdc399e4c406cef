"""Read the text back out of a PDF that WeasyPrint wrote, for tests that must check what the
resident actually receives.

No PDF library is installed here (no pypdf, no pdftotext), so this reads the file itself: it
decompresses the streams (also those inside object streams), takes each font's ToUnicode map,
and decodes the text operators (Tj, TJ) of the pages' content streams in page order. It is
enough for WeasyPrint's output (Type0 fonts, 2-byte glyph codes), not a general PDF reader."""

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_TEKSTOPERATOR = re.compile(
    rb"/([^\s/\[\]<>()]+)\s+([\d.]+)\s+Tf"  # font switch and size
    rb"|\[(.*?)\]\s*TJ"  # array of strings and kerning
    rb"|<([0-9A-Fa-f]*)>\s*Tj"
    rb"|([-\d.]+)\s+([-\d.]+)\s+(Tm|Td|TD)\b"  # text position: (x, y) or a move by it
    rb"|\b(T\*|ET)\b",
    re.S,
)


def _stream(kop: bytes, rest: bytes) -> bytes | None:
    begin = re.search(rb"stream\r?\n", rest)
    if begin is None:
        return None
    lengte = int(re.search(rb"/Length (\d+)", kop).group(1))
    data = rest[begin.end() : begin.end() + lengte]
    return zlib.decompress(data) if b"/FlateDecode" in kop else data


def _objecten(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number -> (dictionary text, decoded stream or None)."""
    objecten: dict[int, tuple[bytes, bytes | None]] = {}
    for match in _OBJECT.finditer(pdf):
        nummer, lichaam = int(match.group(1)), match.group(2)
        kop = lichaam.split(b"stream", 1)[0]
        data = _stream(kop, lichaam) if b"stream" in lichaam else None
        objecten[nummer] = (kop, data)
        if data is not None and b"/Type /ObjStm" in kop:
            eerste = int(re.search(rb"/First (\d+)", kop).group(1))
            getallen = [int(x) for x in data[:eerste].split()]
            paren = list(zip(getallen[::2], getallen[1::2], strict=True))
            for i, (binnen, begin) in enumerate(paren):
                einde = paren[i + 1][1] if i + 1 < len(paren) else len(data) - eerste
                objecten[binnen] = (data[eerste + begin : eerste + einde], None)
    return objecten


def _cmap(data: bytes) -> dict[int, str]:
    kaart: dict[int, str] = {}
    for blok in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for bron, doel in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blok):
            kaart[int(bron, 16)] = bytes.fromhex(doel.decode()).decode("utf-16-be")
    for blok in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for van, tot, doel in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blok
        ):
            start = int(doel, 16)
            for i, code in enumerate(range(int(van, 16), int(tot, 16) + 1)):
                kaart[code] = chr(start + i)
    return kaart


def _ref(kop: bytes, sleutel: bytes) -> int | None:
    gevonden = re.search(rb"/" + sleutel + rb"\s+(\d+) 0 R", kop)
    return int(gevonden.group(1)) if gevonden else None


def _fonts(objecten) -> dict[bytes, dict[int, str]]:
    """Font resource name -> glyph code -> text, for every font dictionary in the file."""
    per_object = {}
    for nummer, (kop, _data) in objecten.items():
        if b"/Type /Font" in kop and (ref := _ref(kop, b"ToUnicode")) is not None:
            per_object[nummer] = _cmap(objecten[ref][1] or b"")
    namen: dict[bytes, dict[int, str]] = {}
    for kop, _data in objecten.values():
        for naam, ref in re.findall(rb"/([^\s/<>\[\]]+)\s+(\d+) 0 R", kop):
            if int(ref) in per_object:
                namen[naam] = per_object[int(ref)]
    return namen


def _paginas(objecten) -> list[int]:
    """Content stream numbers in page order (the root Pages object's Kids)."""
    for kop, _data in objecten.values():
        if b"/Type /Pages" in kop:
            kinderen = re.search(rb"/Kids\s*\[([^\]]*)\]", kop).group(1)
            paginas = [int(n) for n in re.findall(rb"(\d+) 0 R", kinderen)]
            return [_ref(objecten[p][0], b"Contents") for p in paginas]
    return []


def pdf_tekst(pdf: bytes) -> str:
    """All text of the PDF, one line per text line; spaces as the letter has them."""
    objecten = _objecten(pdf)
    fonts = _fonts(objecten)
    regels: list[str] = []
    huidig: list[str] = []
    kaart: dict[int, str] = {}
    y = None
    grootte = 10.0
    # Where the text on this line started, and how many characters it has since: a rough end
    # position (0.6 em a character, DejaVu's average) tells a table's next cell (far to the
    # right: a space between) from the next piece of one sentence (no space).
    begin_x, tekens = 0.0, 0

    def nieuwe_regel():
        nonlocal huidig
        if huidig:
            regels.append("".join(huidig))
            huidig = []

    for inhoud in _paginas(objecten):
        nieuwe_regel()
        y = None
        for match in _TEKSTOPERATOR.finditer(objecten[inhoud][1] or b""):
            font, maat, reeks, enkel, x, nieuwe_y, verplaatsing, einde = match.groups()
            if font is not None:
                kaart = fonts.get(font, {})
                grootte = float(maat)
            elif verplaatsing == b"Tm":
                # A new font or style on the same line continues it (spaces are glyphs).
                if nieuwe_y != y:
                    nieuwe_regel()
                elif float(x) > begin_x + (tekens * 0.6 + 0.5) * grootte and huidig:
                    huidig.append(" ")
                y = nieuwe_y
                begin_x, tekens = float(x), 0
            elif verplaatsing is not None:
                if float(nieuwe_y) != 0:
                    nieuwe_regel()
            elif einde is not None:
                if einde == b"T*":
                    nieuwe_regel()
            else:
                for hex_ in re.findall(rb"<([0-9A-Fa-f]*)>", reeks) if reeks else [enkel]:
                    for i in range(0, len(hex_), 4):
                        huidig.append(kaart.get(int(hex_[i : i + 4], 16), "\ufffd"))
                        tekens += 1
    nieuwe_regel()
    return "\n".join(regels)


def pdf_woorden(pdf: bytes) -> str:
    """The text with all whitespace (line breaks too) as single spaces, for phrase checks."""
    return " ".join(pdf_tekst(pdf).split())
