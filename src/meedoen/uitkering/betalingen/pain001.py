"""The SEPA credit-transfer file for the bank: ISO 20022 pain.001.001.03 (Customer Credit
Transfer Initiation, version 3), as the EPC SEPA Credit Transfer implementation guidelines and
Dutch banks use it: one payment information block, service level SEPA, charges SLEV, amounts in
euro with two decimals, texts in the SEPA Latin character set.

Amounts are integer eurocent everywhere in Meedoen; here they become decimal euro text
(123456 -> "1234.56"), and CtrlSum is their exact sum. The file is built once when a run is
executed and stored with the run, so a re-export gives the identical bytes."""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from lxml import etree
from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban

NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
# EPC guidelines: the Latin character set every SEPA bank must accept.
NIET_TOEGESTAAN = re.compile(r"[^A-Za-z0-9/\-?:().,'+ ]")
VERVANGINGEN = {"ß": "ss", "Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "&": "+"}
MAX_NAAM = 70
MAX_OMSCHRIJVING = 140
MAX_ID = 35


class Pain001Fout(ValueError):
    """The file cannot be made; the message says which payment and why (Dutch)."""


@dataclass(frozen=True)
class Rekening:
    naam: str
    iban: str
    bic: str = ""


@dataclass(frozen=True)
class Overboeking:
    end_to_end_id: str
    bedrag_cent: int
    naam: str
    iban: str
    omschrijving: str
    # How staff recognise the payment in an error message (never a BSN).
    wie: str = ""


def sepa_tekst(tekst: str, lengte: int) -> str:
    """Diacritics removed (Ö -> O), other characters outside the SEPA set become a space."""
    for teken, vervanging in VERVANGINGEN.items():
        tekst = tekst.replace(teken, vervanging)
    zonder = "".join(
        c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c)
    )
    schoon = re.sub(r"\s+", " ", NIET_TOEGESTAAN.sub(" ", zonder)).strip()
    return schoon[:lengte].rstrip()


def euro(cent: int) -> str:
    if cent < 0:
        raise Pain001Fout(f"Een bedrag kan niet negatief zijn ({cent} eurocent).")
    return f"{cent // 100}.{cent % 100:02d}"


def _iban(waarde: str, wie: str) -> str:
    schoon = stdnum_iban.compact(waarde or "")
    if not stdnum_iban.is_valid(schoon):
        raise Pain001Fout(f"Het IBAN van {wie} is ongeldig ({waarde or 'leeg'}).")
    return schoon


def _el(ouder, naam: str, tekst: str | None = None, **attributen):
    element = etree.SubElement(ouder, f"{{{NS}}}{naam}", **attributen)
    if tekst is not None:
        element.text = tekst
    return element


def _pad(ouder, *namen: str, tekst: str):
    for naam in namen[:-1]:
        ouder = _el(ouder, naam)
    return _el(ouder, namen[-1], tekst)


def bouw(
    *,
    bericht_id: str,
    betaalinfo_id: str,
    aangemaakt_op: dt.datetime,
    betaaldatum: dt.date,
    debiteur: Rekening,
    overboekingen: list[Overboeking],
) -> bytes:
    if not overboekingen:
        raise Pain001Fout("Er is niets over te maken.")
    for ident in (bericht_id, betaalinfo_id, *(o.end_to_end_id for o in overboekingen)):
        if not 0 < len(ident) <= MAX_ID or NIET_TOEGESTAAN.search(ident):
            raise Pain001Fout(f"Ongeldige identificatie voor het bankbestand: {ident!r}.")
    debiteur_naam = sepa_tekst(debiteur.naam, MAX_NAAM)
    if not debiteur_naam:
        raise Pain001Fout("De naam van de rekeninghouder van de gemeente ontbreekt.")
    debiteur_iban = _iban(debiteur.iban, "de gemeente")
    bic = (debiteur.bic or "").strip().upper()
    if bic and not stdnum_bic.is_valid(bic):
        raise Pain001Fout(f"De BIC van de gemeente is ongeldig ({debiteur.bic}).")

    aantal = str(len(overboekingen))
    som = euro(sum(o.bedrag_cent for o in overboekingen))
    root = etree.Element(f"{{{NS}}}Document", nsmap={None: NS})
    bericht = _el(root, "CstmrCdtTrfInitn")
    kop = _el(bericht, "GrpHdr")
    _el(kop, "MsgId", bericht_id)
    _el(kop, "CreDtTm", aangemaakt_op.strftime("%Y-%m-%dT%H:%M:%S"))
    _el(kop, "NbOfTxs", aantal)
    _el(kop, "CtrlSum", som)
    _pad(kop, "InitgPty", "Nm", tekst=debiteur_naam)

    info = _el(bericht, "PmtInf")
    _el(info, "PmtInfId", betaalinfo_id)
    _el(info, "PmtMtd", "TRF")
    _el(info, "NbOfTxs", aantal)
    _el(info, "CtrlSum", som)
    _pad(info, "PmtTpInf", "SvcLvl", "Cd", tekst="SEPA")
    _el(info, "ReqdExctnDt", betaaldatum.isoformat())
    _pad(info, "Dbtr", "Nm", tekst=debiteur_naam)
    _pad(info, "DbtrAcct", "Id", "IBAN", tekst=debiteur_iban)
    agent = _el(_el(info, "DbtrAgt"), "FinInstnId")
    if bic:
        _el(agent, "BIC", bic)
    else:
        # Since 2016 a SEPA payment inside the EEA needs no BIC; "NOTPROVIDED" says so.
        _pad(agent, "Othr", "Id", tekst="NOTPROVIDED")
    _el(info, "ChrgBr", "SLEV")

    for o in overboekingen:
        if o.bedrag_cent <= 0:
            raise Pain001Fout(f"Het bedrag voor {o.wie or o.naam} moet groter zijn dan € 0,00.")
        naam = sepa_tekst(o.naam, MAX_NAAM)
        if not naam:
            raise Pain001Fout(f"De naam bij de rekening van {o.wie or o.end_to_end_id} ontbreekt.")
        regel = _el(info, "CdtTrfTxInf")
        _pad(regel, "PmtId", "EndToEndId", tekst=o.end_to_end_id)
        _el(_el(regel, "Amt"), "InstdAmt", euro(o.bedrag_cent), Ccy="EUR")
        _pad(regel, "Cdtr", "Nm", tekst=naam)
        _pad(regel, "CdtrAcct", "Id", "IBAN", tekst=_iban(o.iban, o.wie or naam))
        omschrijving = sepa_tekst(o.omschrijving, MAX_OMSCHRIJVING)
        if omschrijving:
            _pad(regel, "RmtInf", "Ustrd", tekst=omschrijving)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
