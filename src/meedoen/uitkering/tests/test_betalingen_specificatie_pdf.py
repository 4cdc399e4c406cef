"""The uitkeringsspecificatie's layout (ReportLab): what the resident reads, for any data."""

import datetime as dt

from meedoen.testing.pdf_tekst import pdf_tekst, pdf_woorden
from meedoen.uitkering.betalingen.specificatie_pdf import specificatie_als_pdf


def _context(**anders):
    ctx = {
        "gemeente": {"naam": "Deventer"},
        "beleid": {"telefoonnummer": "14 0570"},
        "titel": "Uitkeringsspecificatie maart 2026",
        "datum": dt.date(2026, 3, 25),
        "naam": "Ayşe Özdemir-Łukasz",
        "adres": ["Brink 1", "7411 AB Deventer"],
        "maandnaam": "maart 2026",
        "iban": "NL20INGB0001234567",
        "norm_cent": 140150,
        "meegeteld_cent": 20000,
        "vrijgelaten_cent": 0,
        "uitkering_cent": 120150,
        "reservering_cent": 6008,
        "uitbetaling_cent": 0,
        "nabetaling_cent": 0,
        "inhouding_cent": 0,
        "betaald_cent": 114142,
        "uitleg": [],
    }
    return ctx | anders


def test_the_letter_shows_each_amount_with_its_sign_and_only_rows_that_apply():
    woorden = pdf_woorden(specificatie_als_pdf(_context()))
    for verwacht in (
        "Gemeente Deventer · telefoon 14 0570",
        "Ayşe Özdemir-Łukasz Brink 1 7411 AB Deventer",
        "Datum: 25 maart 2026",
        "We maken het over op rekening NL20INGB0001234567.",
        "Uw bijstandsnorm € 1.401,50",
        "Bijstand over maart 2026 € 1.201,50",
        "Apart gehouden als vakantiegeld − € 60,08",
        "U krijgt € 1.141,42",
        "Bel ons op 14 0570.",
    ):
        assert verwacht in woorden, verwacht
    for afwezig in ("vrijgelaten", "Nabetaling", "Inhouding", "Uitleg"):
        assert afwezig not in woorden, afwezig


def test_names_with_markup_characters_are_printed_as_written():
    woorden = pdf_woorden(specificatie_als_pdf(_context(naam="Jansen & <Zn>", uitleg=["a < b"])))
    assert "Beste Jansen & <Zn>," in woorden
    assert "Uitleg a < b" in woorden


def test_a_long_explanation_flows_onto_a_numbered_second_page():
    uitleg = [f"Regel {i}: uw inkomen uit werk was deze maand anders." for i in range(60)]
    tekst = pdf_tekst(specificatie_als_pdf(_context(uitleg=uitleg)))
    assert "Pagina 2" in tekst
    assert "Regel 59:" in tekst
    # The page number comes after the page's text, so it is read last.
    assert tekst.index("Regel 0:") < tekst.index("Pagina 1") < tekst.index("Regel 59:")


def test_the_same_data_gives_the_same_bytes():
    assert specificatie_als_pdf(_context()) == specificatie_als_pdf(_context())
    assert specificatie_als_pdf(_context()) != specificatie_als_pdf(_context(betaald_cent=1))
