"""Route advice from rules a functioneel beheerder configures per gemeente.

A rule's conditions may only name facts from ADVIES_VELDEN: answers from the brede intake and
the ambitiegesprek. Nationality, ethnicity, religion and gender are not in that catalogue, are
not in the facts the engine receives (`feiten_voor_advies` builds them field by field), and a
rule that names them is refused with a clear message. Language skill is left out as well: it is
a proxy for origin. The advice is shown with its reason; a person decides.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meedoen.intake.models import Gezondheid, Woonrisico, ZrmDomein

# Words a rule can never refer to (also in part: "nationaliteit_code" is refused too).
VERBODEN_KENMERKEN = (
    "nationaliteit",
    "nationality",
    "etniciteit",
    "ethnicity",
    "afkomst",
    "herkomst",
    "migratieachtergrond",
    "geboorteland",
    "religie",
    "religion",
    "geloof",
    "geslacht",
    "gender",
    "sekse",
)


@dataclass(frozen=True)
class AdviesVeld:
    code: str
    label: Any
    soort: str  # "getal", "ja_nee" or "keuze"
    keuzes: tuple[tuple[str, Any], ...] = ()


def _velden() -> dict[str, AdviesVeld]:
    velden = [
        AdviesVeld("eerst_stabiliteit", gettext_lazy("eerst stabiliteit (stresscheck)"), "ja_nee"),
        AdviesVeld("deurwaarder", gettext_lazy("deurwaarder betrokken"), "ja_nee"),
        AdviesVeld("woonrisico", gettext_lazy("woonrisico"), "keuze", tuple(Woonrisico.choices)),
        AdviesVeld("gezondheid", gettext_lazy("gezondheid"), "keuze", tuple(Gezondheid.choices)),
        AdviesVeld("uren_beschikbaar", gettext_lazy("uren per week beschikbaar"), "getal"),
        AdviesVeld("beperking_kinderopvang", gettext_lazy("beperkt door kinderopvang"), "ja_nee"),
        AdviesVeld("beperking_gezondheid", gettext_lazy("beperkt door gezondheid"), "ja_nee"),
        AdviesVeld("voorkeursroute", gettext_lazy("route die de inwoner zelf kiest"), "keuze"),
        AdviesVeld("ladder_trede", gettext_lazy("trede op de participatieladder"), "getal"),
    ]
    for domein in ZrmDomein:
        velden.append(
            AdviesVeld(
                f"zrm_{domein.value}",
                gettext_lazy("ZRM %(domein)s") % {"domein": domein.label},
                "getal",
            )
        )
    return {v.code: v for v in velden}


ADVIES_VELDEN: dict[str, AdviesVeld] = _velden()
assert not any(  # noqa: S101  (a guard on the catalogue itself)
    woord in code for code in ADVIES_VELDEN for woord in VERBODEN_KENMERKEN
)

OPERATOREN: dict[str, Any] = {
    "gelijk": gettext_lazy("is"),
    "niet_gelijk": gettext_lazy("is niet"),
    "ten_minste": gettext_lazy("is ten minste"),
    "ten_hoogste": gettext_lazy("is ten hoogste"),
}
OPERATOREN_PER_SOORT = {
    "getal": ("gelijk", "niet_gelijk", "ten_minste", "ten_hoogste"),
    "ja_nee": ("gelijk",),
    "keuze": ("gelijk", "niet_gelijk"),
}
JA = ("ja", "waar", "true", "1")
NEE = ("nee", "onwaar", "false", "0")


def _verboden(veld: str) -> bool:
    laag = (veld or "").lower()
    return any(woord in laag for woord in VERBODEN_KENMERKEN)


def _waarde(veld: AdviesVeld, tekst: Any) -> Any:
    tekst = str(tekst).strip()
    if veld.soort == "getal":
        try:
            return int(tekst)
        except ValueError as exc:
            raise ValidationError(
                _("Bij '%(veld)s' hoort een heel getal, niet '%(waarde)s'.")
                % {"veld": veld.label, "waarde": tekst}
            ) from exc
    if veld.soort == "ja_nee":
        if tekst.lower() in JA:
            return True
        if tekst.lower() in NEE:
            return False
        raise ValidationError(_("Bij '%(veld)s' hoort 'ja' of 'nee'.") % {"veld": veld.label})
    if veld.keuzes and tekst not in dict(veld.keuzes):
        raise ValidationError(
            _("'%(waarde)s' is geen mogelijke waarde van '%(veld)s'. Kies uit: %(keuzes)s.")
            % {"waarde": tekst, "veld": veld.label, "keuzes": ", ".join(k for k, _l in veld.keuzes)}
        )
    return tekst


def valideer_voorwaarden(voorwaarden: Any) -> None:
    if not isinstance(voorwaarden, list) or not voorwaarden:
        raise ValidationError({"voorwaarden": _("Een regel heeft minstens één voorwaarde.")})
    fouten = []
    for nummer, voorwaarde in enumerate(voorwaarden, start=1):
        veld_code = voorwaarde.get("veld") if isinstance(voorwaarde, dict) else None
        if _verboden(str(veld_code)):
            fouten.append(
                _(
                    "Voorwaarde %(n)s: een advies mag nooit nationaliteit, etniciteit, religie "
                    "of geslacht gebruiken."
                )
                % {"n": nummer}
            )
            continue
        veld = ADVIES_VELDEN.get(veld_code)
        if veld is None:
            fouten.append(
                _(
                    "Voorwaarde %(n)s: '%(veld)s' is geen gegeven uit de intake of het "
                    "ambitiegesprek."
                )
                % {"n": nummer, "veld": veld_code}
            )
            continue
        operator = voorwaarde.get("operator")
        if operator not in OPERATOREN_PER_SOORT[veld.soort]:
            fouten.append(
                _("Voorwaarde %(n)s: deze vergelijking past niet bij '%(veld)s'.")
                % {"n": nummer, "veld": veld.label}
            )
            continue
        try:
            _waarde(veld, voorwaarde.get("waarde", ""))
        except ValidationError as exc:
            fouten.append(_("Voorwaarde %(n)s: ") % {"n": nummer} + " ".join(exc.messages))
    if fouten:
        raise ValidationError({"voorwaarden": fouten})


def feiten_voor_advies(*, intake=None, ambitiegesprek=None, ladder_trede=None) -> dict[str, Any]:
    """The only facts the engine ever sees, picked one by one from the intake and the
    ambitiegesprek. Nothing about the person (name, birth date, origin) is passed."""
    feiten: dict[str, Any] = {}
    if intake is not None:
        feiten["eerst_stabiliteit"] = intake.eerst_stabiliteit
        feiten["deurwaarder"] = intake.deurwaarder
        feiten["woonrisico"] = intake.woonrisico
        feiten["gezondheid"] = intake.gezondheid
        for score in intake.zrm.scores.all():
            feiten[f"zrm_{score.domein}"] = score.niveau
    if ambitiegesprek is not None:
        feiten["uren_beschikbaar"] = ambitiegesprek.uren_beschikbaar
        feiten["beperking_kinderopvang"] = ambitiegesprek.beperking_kinderopvang
        feiten["beperking_gezondheid"] = ambitiegesprek.beperking_gezondheid
        if ambitiegesprek.voorkeursroute_id:
            feiten["voorkeursroute"] = ambitiegesprek.voorkeursroute.naam
    if ladder_trede is not None:
        feiten["ladder_trede"] = ladder_trede
    return {k: v for k, v in feiten.items() if k in ADVIES_VELDEN}


def _geldt(voorwaarde: dict, feiten: dict[str, Any]) -> bool:
    veld = ADVIES_VELDEN[voorwaarde["veld"]]
    if veld.code not in feiten:
        return False
    feit, waarde = feiten[veld.code], _waarde(veld, voorwaarde["waarde"])
    operator = voorwaarde["operator"]
    if operator == "gelijk":
        return feit == waarde
    if operator == "niet_gelijk":
        return feit != waarde
    if operator == "ten_minste":
        return feit >= waarde
    return feit <= waarde


def voorwaarde_tekst(voorwaarde: dict) -> str:
    veld = ADVIES_VELDEN[voorwaarde["veld"]]
    waarde = str(voorwaarde["waarde"]).strip()
    if veld.soort == "ja_nee":
        waarde = _("ja") if _waarde(veld, waarde) else _("nee")
    elif veld.keuzes:
        waarde = str(dict(veld.keuzes).get(waarde, waarde))
    return f"{veld.label} {OPERATOREN[voorwaarde['operator']]} {waarde}"


@dataclass(frozen=True)
class Advies:
    route: Any
    regel: Any
    redenen: list[str]

    @property
    def uitleg(self) -> str:
        return _("Advies %(route)s omdat %(redenen)s (regel: %(regel)s).") % {
            "route": self.route.naam,
            "redenen": _(" en ").join(self.redenen),
            "regel": self.regel.naam,
        }


def route_advies(*, regels, feiten: dict[str, Any]) -> Advies | None:
    """The first active rule (by volgorde) whose conditions all hold; None if none does."""
    for regel in sorted(regels, key=lambda r: (r.volgorde, r.naam)):
        if not regel.actief or not regel.route.actief:
            continue
        if regel.voorwaarden and all(_geldt(v, feiten) for v in regel.voorwaarden):
            return Advies(regel.route, regel, [voorwaarde_tekst(v) for v in regel.voorwaarden])
    return None
