"""Importing vacancies from a CSV file (columns: docs/werk-werkgevers.md).

Policy: check first, import on confirmation. The whole file is read and every row is checked
completely (all problems of a row are named, not only the first). A problem with the file itself
(not UTF-8, missing or unknown columns, no rows, too many rows) stores nothing. Otherwise the
file is kept with a report per row (`VacatureImport`), and nothing is imported yet. When the user
confirms, the rows are checked again (an employer may have been added meanwhile) and exactly the
valid rows are imported in one transaction; the invalid rows stay in the report. So nothing valid
is lost and nothing invalid is imported.

Row numbers are line numbers in the file: the header is row 1, the first vacancy row 2.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.werk import taxonomie
from meedoen.werk.models import VacatureImport, Werkgever
from meedoen.werk.models.keuzes import Contractvorm, Opleidingsniveau
from meedoen.werk.taxonomie.normaliseren import zonder_accenten
from meedoen.werk.werkgevers.kvk import kvk_fout, normaliseer_kvk
from meedoen.werk.werkgevers.postcode import normaliseer_postcode
from meedoen.werk.werkgevers.services import vacature_opslaan, vereis_beheren

DOEL = "import vacatures"
VERPLICHT = ("kvk_nummer", "titel", "beroep", "uren_per_week", "postcode", "contractvorm")
OPTIONEEL = (
    "omschrijving",
    "vaardigheden_vereist",
    "vaardigheden_gewenst",
    "opleidingsniveau_min",
    "startdatum",
    "plaatsen",
    "rijbewijs_nodig",
    "geschikt_loonkostensubsidie",
    "geschikt_beschut_werk",
)
MAX_REGELS = 2000
DATUM_FORMATEN = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y")
JA = {"ja", "j", "1", "true", "yes", "waar"}
NEE = {"nee", "n", "0", "false", "no", "onwaar", ""}
LIJST_SCHEIDING = "|"


@dataclass
class Rijfout:
    rij: int
    meldingen: list[str]

    @property
    def tekst(self) -> str:
        return _("Rij %(rij)s: %(meldingen)s.") % {
            "rij": self.rij,
            "meldingen": "; ".join(self.meldingen),
        }


@dataclass
class Controle:
    aantal_regels: int = 0
    goed: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    fouten: list[Rijfout] = field(default_factory=list)


def lees_tekst(inhoud: bytes) -> str:
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8' en probeer opnieuw.")
        ) from exc


def _rijen(tekst: str) -> list[dict[str, str]]:
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=scheiding)
    kolommen = [(k or "").strip().lower() for k in lezer.fieldnames or []]
    ontbrekend = [k for k in VERPLICHT if k not in kolommen]
    onbekend = [k for k in kolommen if k and k not in VERPLICHT + OPTIONEEL]
    if ontbrekend:
        raise ValidationError(
            _("Deze kolommen ontbreken in de eerste regel: %(kolommen)s. Er is niets ingelezen.")
            % {"kolommen": ", ".join(ontbrekend)}
        )
    if onbekend:
        raise ValidationError(
            _("Deze kolommen kennen we niet: %(kolommen)s. Controleer de spelling.")
            % {"kolommen": ", ".join(onbekend)}
        )
    rijen = [
        {(k or "").strip().lower(): (v or "").strip() for k, v in rij.items() if k} for rij in lezer
    ]
    rijen = [r for r in rijen if any(r.values())]  # skip empty lines
    if not rijen:
        raise ValidationError(_("Het bestand bevat geen regels met gegevens."))
    if len(rijen) > MAX_REGELS:
        raise ValidationError(
            _("Het bestand heeft meer dan %(max)s regels. Splits het bestand.")
            % {"max": MAX_REGELS}
        )
    return rijen


def _ja_nee(waarde: str, kolom: str, meldingen: list[str]) -> bool:
    laag = waarde.strip().lower()
    if laag in JA:
        return True
    if laag not in NEE:
        meldingen.append(
            _("%(kolom)s '%(waarde)s' is geen ja of nee") % {"kolom": kolom, "waarde": waarde}
        )
    return False


def _geheel_getal(waarde: str, kolom: str, laag: int, hoog: int, meldingen) -> int | None:
    try:
        getal = int(waarde)
    except ValueError:
        getal = None
    if getal is None or not laag <= getal <= hoog:
        meldingen.append(
            _("%(kolom)s '%(waarde)s' is geen heel getal van %(laag)s tot en met %(hoog)s")
            % {"kolom": kolom, "waarde": waarde, "laag": laag, "hoog": hoog}
        )
        return None
    return getal


def _keuze(waarde: str, keuzes, kolom: str, meldingen):
    """A choice by its code or its label, case and accents ignored."""
    sleutel = zonder_accenten(waarde.strip().lower())
    for keuze in keuzes:
        if sleutel in (str(keuze.value).lower(), zonder_accenten(str(keuze.label).lower())):
            return keuze.value
    meldingen.append(
        _("%(kolom)s '%(waarde)s' is onbekend (kies uit: %(opties)s)")
        % {
            "kolom": kolom,
            "waarde": waarde,
            "opties": ", ".join(str(k.value) for k in keuzes),
        }
    )
    return None


def _vaardigheden(waarde: str, kolom: str, meldingen) -> list[str]:
    """Skill ids, or the Dutch labels of the curated skills, separated by '|'."""
    op_label = {
        v.nl.lower(): v.id for v in taxonomie.vaardigheden().values() if v.gecureerd and v.nl
    }
    codes = []
    for deel in (d.strip() for d in waarde.split(LIJST_SCHEIDING)):
        if not deel:
            continue
        code = deel if taxonomie.is_vaardigheid(deel) else op_label.get(deel.lower())
        if code is None:
            meldingen.append(
                _("%(kolom)s: vaardigheid '%(waarde)s' is onbekend")
                % {"kolom": kolom, "waarde": deel}
            )
        else:
            codes.append(code)
    return codes


def _beroep(waarde: str, meldingen, cache: dict) -> str | None:
    if taxonomie.is_beroep(waarde):
        return waarde
    if waarde not in cache:
        cache[waarde] = taxonomie.koppel_functietitel(waarde)
    koppeling = cache[waarde]
    if koppeling.gekozen:
        return koppeling.gekozen
    namen = ", ".join(f"'{k.label}'" for k in koppeling.kandidaten[:3])
    if koppeling.dubbelzinnig:
        meldingen.append(
            _(
                "beroep '%(waarde)s' is niet eenduidig: bedoelt u %(namen)s? "
                "Zet de code van het beroep in de kolom"
            )
            % {"waarde": waarde, "namen": namen}
        )
    elif namen:
        meldingen.append(
            _("beroep '%(waarde)s' is niet gevonden (lijkt op: %(namen)s)")
            % {"waarde": waarde, "namen": namen}
        )
    else:
        meldingen.append(_("beroep '%(waarde)s' is niet gevonden") % {"waarde": waarde})
    return None


def _datum(waarde: str, meldingen) -> dt.date | None:
    for formaat in DATUM_FORMATEN:
        try:
            return dt.datetime.strptime(waarde, formaat).date()
        except ValueError:
            continue
    meldingen.append(
        _("startdatum '%(waarde)s' is geen datum (gebruik dd-mm-jjjj)") % {"waarde": waarde}
    )
    return None


def controleer_rij(rij: dict[str, str], werkgevers: dict[str, Werkgever], cache: dict):
    """(gegevens for vacature_opslaan, list of Dutch messages) for one row."""
    meldingen: list[str] = []
    gegevens: dict[str, Any] = {}
    kvk = rij.get("kvk_nummer", "")
    if (fout := kvk_fout(kvk)) is not None:
        meldingen.append(
            _("KvK-nummer '%(kvk)s': %(fout)s")
            % {"kvk": kvk, "fout": fout[:1].lower() + fout[1:].rstrip(".")}
        )
    elif (werkgever := werkgevers.get(normaliseer_kvk(kvk))) is None:
        meldingen.append(
            _("onbekend KvK-nummer '%(kvk)s' (voeg de werkgever eerst toe)") % {"kvk": kvk}
        )
    else:
        gegevens["werkgever"] = werkgever
    titel = rij.get("titel", "")
    if not titel:
        meldingen.append(_("titel is niet ingevuld"))
    elif len(titel) > 200:
        meldingen.append(_("titel is langer dan 200 tekens"))
    gegevens["titel"] = titel
    if not rij.get("beroep"):
        meldingen.append(_("beroep is niet ingevuld"))
    else:
        gegevens["beroep"] = _beroep(rij["beroep"], meldingen, cache)
    gegevens["uren_per_week"] = _geheel_getal(
        rij.get("uren_per_week", ""), "uren_per_week", 1, 60, meldingen
    )
    postcode = normaliseer_postcode(rij.get("postcode", ""))
    if postcode is None:
        meldingen.append(
            _("postcode '%(waarde)s' is geen geldige postcode") % {"waarde": rij.get("postcode")}
        )
    gegevens["postcode"] = postcode
    gegevens["contractvorm"] = _keuze(
        rij.get("contractvorm", ""), Contractvorm, "contractvorm", meldingen
    )
    gegevens["omschrijving"] = rij.get("omschrijving", "")
    for kolom in ("vaardigheden_vereist", "vaardigheden_gewenst"):
        gegevens[kolom] = _vaardigheden(rij.get(kolom, ""), kolom, meldingen)
    if dubbel := set(gegevens["vaardigheden_vereist"]) & set(gegevens["vaardigheden_gewenst"]):
        meldingen.append(
            _("vaardigheid zowel vereist als gewenst: %(namen)s")
            % {"namen": ", ".join(taxonomie.label(c) for c in sorted(dubbel))}
        )
    niveau = rij.get("opleidingsniveau_min", "")
    gegevens["opleidingsniveau_min"] = (
        _keuze(niveau, Opleidingsniveau, "opleidingsniveau_min", meldingen) if niveau else 0
    )
    if rij.get("startdatum"):
        gegevens["startdatum"] = _datum(rij["startdatum"], meldingen)
    if rij.get("plaatsen"):
        gegevens["plaatsen"] = _geheel_getal(rij["plaatsen"], "plaatsen", 1, 999, meldingen)
    for kolom in ("rijbewijs_nodig", "geschikt_loonkostensubsidie", "geschikt_beschut_werk"):
        gegevens[kolom] = _ja_nee(rij.get(kolom, ""), kolom, meldingen)
    return gegevens, meldingen


def controleer(*, gemeente, tekst: str) -> Controle:
    """Check every row; raises ValidationError for a problem with the file itself."""
    rijen = _rijen(tekst)
    werkgevers = {w.kvk_nummer: w for w in Werkgever.objects.filter(gemeente=gemeente)}
    controle = Controle(aantal_regels=len(rijen))
    cache: dict = {}
    for rijnummer, rij in enumerate(rijen, start=2):
        gegevens, meldingen = controleer_rij(rij, werkgevers, cache)
        if meldingen:
            controle.fouten.append(Rijfout(rijnummer, meldingen))
        else:
            controle.goed.append((rijnummer, gegevens))
    return controle


def _fouten_json(controle: Controle) -> list[dict]:
    return [{"rij": f.rij, "melding": f.tekst} for f in controle.fouten]


@transaction.atomic
def vacatures_controleren(
    *, actor: Actor, gemeente, inhoud: bytes, bestandsnaam: str
) -> VacatureImport:
    """Step 1: check the file and keep it with its report. Imports nothing."""
    vereis_beheren(actor, gemeente.pk)
    tekst = lees_tekst(inhoud)
    controle = controleer(gemeente=gemeente, tekst=tekst)
    bestand = VacatureImport(
        gemeente=gemeente,
        bestandsnaam=bestandsnaam[:255],
        inhoud=tekst,
        aantal_regels=controle.aantal_regels,
        aantal_goed=len(controle.goed),
        fouten=_fouten_json(controle),
        door=actor.user,
    )
    bestand.full_clean()
    bestand.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL,
        obj=bestand,
        wijzigingen={
            "regels": [None, controle.aantal_regels],
            "goed": [None, len(controle.goed)],
            "fouten": [None, len(controle.fouten)],
        },
    )
    return bestand


@transaction.atomic
def vacatures_importeren(*, actor: Actor, vacatureimport: VacatureImport) -> VacatureImport:
    """Step 2: import the rows that are valid now, all in one transaction."""
    vereis_beheren(actor, vacatureimport.gemeente_id)
    bestand = VacatureImport.objects.select_for_update().get(pk=vacatureimport.pk)
    if bestand.status != VacatureImport.Status.GECONTROLEERD:
        raise ValidationError(_("Dit bestand is al ingelezen."))
    controle = controleer(gemeente=bestand.gemeente, tekst=bestand.inhoud)
    for _rij, gegevens in controle.goed:
        vacature_opslaan(actor=actor, gegevens=gegevens)
    bestand.status = VacatureImport.Status.INGELEZEN
    bestand.aantal_goed = len(controle.goed)
    bestand.aantal_ingelezen = len(controle.goed)
    bestand.fouten = _fouten_json(controle)
    bestand.ingelezen_op = timezone.now()
    bestand.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=bestand,
        wijzigingen={"ingelezen": [0, bestand.aantal_ingelezen]},
    )
    return bestand
