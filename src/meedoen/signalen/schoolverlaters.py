"""Importing a school-leavers list (CSV).

Policy (documented in docs/begeleiding.md): the file is read whole and every row is checked.
A problem with the file itself (not UTF-8, missing columns, no rows) imports nothing. A bad row
is reported with its row number and a Dutch message and skipped; all good rows are imported
together in one transaction. Each row is matched to a resident of the chosen gemeente by BSN (if
given) or by name without diacritics plus birth date; unmatched rows with a valid BSN become a
new resident; unmatched rows without BSN stay in view as a school-leaver record with a task.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.clients.normalize import zoeksleutel
from meedoen.clients.services import persoon_registreren
from meedoen.clients.validators import normaliseer_bsn, valideer_bsn
from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid
from meedoen.signalen.models import Schoolverlater, SchoolverlatersImport
from meedoen.signalen.services import signalen_bijwerken

VERPLICHTE_KOLOMMEN = (
    "voornamen",
    "achternaam",
    "geboortedatum",
    "school",
    "onderwijssoort",
    "verwachte_uitstroomdatum",
)
OPTIONELE_KOLOMMEN = ("tussenvoegsel", "contact", "bsn")
DATUM_FORMATEN = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y")
MAX_REGELS = 20_000


@dataclass
class Regelfout:
    regel: int
    melding: str


@dataclass
class ImportResultaat:
    import_bestand: SchoolverlatersImport
    gekoppeld: int = 0
    nieuw_geregistreerd: int = 0
    in_beeld_zonder_inwoner: int = 0
    fouten: list[Regelfout] = field(default_factory=list)

    @property
    def ingelezen(self) -> int:
        return self.gekoppeld + self.nieuw_geregistreerd + self.in_beeld_zonder_inwoner


def _datum(tekst: str) -> dt.date | None:
    for formaat in DATUM_FORMATEN:
        try:
            return dt.datetime.strptime(tekst.strip(), formaat).date()
        except ValueError:
            continue
    return None


def _lees_csv(inhoud: bytes) -> list[dict[str, str]]:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8' en probeer opnieuw.")
        ) from exc
    eerste_regel = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste_regel.count(";") >= eerste_regel.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=scheiding)
    kolommen = [(k or "").strip().lower() for k in (lezer.fieldnames or [])]
    ontbrekend = [k for k in VERPLICHTE_KOLOMMEN if k not in kolommen]
    if ontbrekend:
        raise ValidationError(
            _("Deze kolommen ontbreken in de eerste regel: %(kolommen)s. Er is niets ingelezen.")
            % {"kolommen": ", ".join(ontbrekend)}
        )
    rijen = [
        {(k or "").strip().lower(): (v or "").strip() for k, v in rij.items() if k} for rij in lezer
    ]
    if not rijen:
        raise ValidationError(_("Het bestand bevat geen regels met gegevens."))
    if len(rijen) > MAX_REGELS:
        raise ValidationError(
            _("Het bestand heeft meer dan %(max)s regels. Splits het bestand.")
            % {"max": MAX_REGELS}
        )
    return rijen


def _controleer_rij(rij: dict[str, str], vandaag: dt.date) -> tuple[dict[str, Any], list[str]]:
    meldingen = []
    gegevens: dict[str, Any] = {k: rij.get(k, "") for k in VERPLICHTE_KOLOMMEN + OPTIONELE_KOLOMMEN}
    for kolom, naam in (
        ("voornamen", _("voornamen")),
        ("achternaam", _("achternaam")),
        ("school", _("school")),
        ("onderwijssoort", _("onderwijssoort")),
    ):
        if not gegevens[kolom]:
            meldingen.append(_("%(kolom)s is niet ingevuld.") % {"kolom": naam})
    for kolom, naam in (
        ("geboortedatum", _("geboortedatum")),
        ("verwachte_uitstroomdatum", _("verwachte uitstroomdatum")),
    ):
        waarde = gegevens[kolom]
        datum = _datum(waarde) if waarde else None
        if datum is None:
            meldingen.append(
                _("%(kolom)s '%(waarde)s' is geen datum. Gebruik dd-mm-jjjj.")
                % {"kolom": naam, "waarde": waarde}
            )
        gegevens[kolom] = datum
    geboren, uitstroom = gegevens["geboortedatum"], gegevens["verwachte_uitstroomdatum"]
    if geboren and geboren > vandaag:
        meldingen.append(_("de geboortedatum ligt in de toekomst."))
    if geboren and uitstroom and uitstroom <= geboren:
        meldingen.append(_("de verwachte uitstroomdatum ligt voor de geboortedatum."))
    if gegevens["bsn"]:
        gegevens["bsn"] = normaliseer_bsn(gegevens["bsn"])
        try:
            valideer_bsn(gegevens["bsn"])
        except ValidationError:
            meldingen.append(_("het BSN is niet geldig (elfproef)."))
    return gegevens, meldingen


def _naamsleutels(voornamen: str, tussenvoegsel: str, achternaam: str) -> set[str]:
    volledig = zoeksleutel(" ".join(p for p in [voornamen, tussenvoegsel, achternaam] if p))
    zonder = zoeksleutel(f"{voornamen} {achternaam}")
    return {volledig, zonder}


def _zoek_inwoner(gemeente: Gemeente, gegevens: dict[str, Any]):
    from meedoen.clients.models import Persoon

    if gegevens["bsn"]:
        gevonden = Persoon.objects.filter(gemeente=gemeente, bsn=gegevens["bsn"]).first()
        if gevonden is not None:
            return [gevonden]
    sleutels = _naamsleutels(
        gegevens["voornamen"], gegevens["tussenvoegsel"], gegevens["achternaam"]
    )
    kandidaten = Persoon.objects.filter(gemeente=gemeente, geboortedatum=gegevens["geboortedatum"])
    return [
        p
        for p in kandidaten
        if _naamsleutels(p.voornamen, p.tussenvoegsel, p.achternaam) & sleutels
    ]


@transaction.atomic
def schoolverlaters_importeren(
    *, actor: Actor, gemeente: Gemeente, inhoud: bytes, bestandsnaam: str, vandaag: dt.date
) -> ImportResultaat:
    actor.vereis(Bevoegdheid.DOSSIER_SCHRIJVEN)
    if gemeente.pk not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    rijen = _lees_csv(inhoud)  # a problem with the file itself raises: nothing is written
    import_bestand = SchoolverlatersImport(
        gemeente=gemeente, bestandsnaam=bestandsnaam[:255], door=actor.user
    )
    import_bestand.full_clean()
    import_bestand.save()
    resultaat = ImportResultaat(import_bestand=import_bestand)
    for regelnummer, rij in enumerate(rijen, start=2):  # row 1 holds the column names
        gegevens, meldingen = _controleer_rij(rij, vandaag)
        if meldingen:
            resultaat.fouten.append(
                Regelfout(regelnummer, " ".join(m[:1].upper() + m[1:] for m in meldingen))
            )
            continue
        _rij_importeren(actor, gemeente, import_bestand, regelnummer, gegevens, resultaat)
    import_bestand.aantal_ingelezen = resultaat.ingelezen
    import_bestand.fouten = [{"regel": f.regel, "melding": f.melding} for f in resultaat.fouten]
    import_bestand.save(update_fields=["aantal_ingelezen", "fouten", "gewijzigd_op"])
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel="import schoolverlaters",
        obj=import_bestand,
        wijzigingen={
            "ingelezen": [None, resultaat.ingelezen],
            "fouten": [None, len(resultaat.fouten)],
        },
    )
    signalen_bijwerken(
        vandaag=vandaag, gemeente_ids=[gemeente.pk], alleen_bronnen=["schoolverlaters"]
    )
    return resultaat


def _rij_importeren(actor, gemeente, import_bestand, regelnummer, gegevens, resultaat) -> None:
    gevonden = _zoek_inwoner(gemeente, gegevens)
    if len(gevonden) > 1:
        resultaat.fouten.append(
            Regelfout(
                regelnummer,
                _("Meer dan één inwoner past bij deze naam en geboortedatum. Vul het BSN in."),
            )
        )
        return
    persoon = gevonden[0] if gevonden else None
    if persoon is None and gegevens["bsn"]:
        try:
            persoon = persoon_registreren(
                actor=actor,
                gemeente=gemeente,
                gegevens={
                    "bsn": gegevens["bsn"],
                    "voornamen": gegevens["voornamen"],
                    "tussenvoegsel": gegevens["tussenvoegsel"],
                    "achternaam": gegevens["achternaam"],
                    "geboortedatum": gegevens["geboortedatum"],
                },
                reden=_("In beeld als schoolverlater"),
            )
        except ValidationError as exc:
            resultaat.fouten.append(Regelfout(regelnummer, " ".join(exc.messages)))
            return
        resultaat.nieuw_geregistreerd += 1
    elif persoon is None:
        resultaat.in_beeld_zonder_inwoner += 1
    else:
        resultaat.gekoppeld += 1
    rij = Schoolverlater(
        gemeente=gemeente,
        persoon=persoon,
        import_bestand=import_bestand,
        voornamen=gegevens["voornamen"],
        tussenvoegsel=gegevens["tussenvoegsel"],
        achternaam=gegevens["achternaam"],
        geboortedatum=gegevens["geboortedatum"],
        school=gegevens["school"],
        onderwijssoort=gegevens["onderwijssoort"],
        verwachte_uitstroom=gegevens["verwachte_uitstroomdatum"],
        contact=gegevens["contact"],
    )
    rij.full_clean()
    rij.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel="import schoolverlaters",
        obj=rij,
        persoon_id=getattr(persoon, "pk", None),
    )
