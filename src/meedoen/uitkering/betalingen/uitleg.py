"""`verschil_uitleg`: plain-Dutch lines (B1) that explain a month's proposal and how it differs
from the previous month. They are shown to the consulent with the proposal and printed on the
resident's uitkeringsspecificatie, so they speak to the resident ("u").

Percentages, maxima and month limits come from the engine's dated parameters, with the article
they rest on; nothing legal is written here as a literal."""

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from meedoen.rules.explanation import MONTHS_NL
from meedoen.rules.money import format_euro_nl, parse_amount
from meedoen.rules.periods import parameter_info
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.betalingen.situatie import Maandgegevens, Maandsituatie, inkomen_cent

VRIJLATINGEN = {
    "work": "vrijlating.art31_lid2_n",
    "single_parent": "vrijlating.art31_lid2_r",
}


@dataclass(frozen=True)
class Bedragen:
    """A proposal's amounts in eurocent (see `maand.bedragen`)."""

    bijstand: int
    correctie: int
    uitkering: int
    reservering: int
    uitbetaling: int
    nabetaling: int
    inhouding: int
    te_betalen: int


def _euro(cent: int) -> str:
    return format_euro_nl(cent)


def _procent(waarde) -> str:
    tekst = f"{Decimal(str(waarde)) * 100:f}".rstrip("0").rstrip(".")
    return f"{tekst.replace('.', ',')}%"


def _artikel(referentie: str) -> str:
    return referentie.removeprefix("Participatiewet ")


@cache
def _parameter(naam: str, periode: str) -> dict:
    return parameter_info(naam, periode)


def _vrijlating_regels(situatie: dict, antwoord: dict, vorige) -> list[str]:
    periode = situatie["period"]
    vorige_situatie = vorige.situatie if vorige is not None else None

    def vorige_kreeg_vrijlating(wie: str) -> bool:
        """Say that the vrijlating stopped once: in the first month without it."""
        if vorige is None:
            return True
        d = ((vorige.berekening or {}).get("disregards") or {}).get(wie) or {}
        return bool(d.get("work_disregard_applied"))

    regels = []
    werk = {wie: inkomen_cent(situatie, wie, "work") for wie in ("applicant", "partner")}
    totaal = werk["applicant"] + werk["partner"]
    vorig_totaal = (
        sum(inkomen_cent(vorige_situatie, wie, "work") for wie in ("applicant", "partner"))
        if vorige_situatie
        else 0
    )
    disregards = antwoord.get("disregards") or {}
    if totaal == 0:
        if vorig_totaal > 0:
            regels.append(
                f"U had deze maand geen inkomsten uit werk (de vorige keer {_euro(vorig_totaal)})."
            )
        return regels

    vrijgelaten = parse_amount(antwoord.get("income_disregarded") or "0")
    wie_tekst = "Uw inkomsten" if werk["partner"] == 0 else "De inkomsten van u en uw partner"
    toegepast = []
    for soort, parameter in VRIJLATINGEN.items():
        if any(
            (disregards.get(wie) or {}).get(f"{soort}_disregard_applied")
            for wie in ("applicant", "partner")
        ):
            pct = _parameter(f"{parameter}.percentage", periode)
            maximum = parse_amount(
                f"{Decimal(str(_parameter(f'{parameter}.maximum', periode)['value'])):.2f}"
            )
            tekst = f"{_procent(pct['value'])} vrijgelaten"
            if vrijgelaten >= maximum and werk["partner"] == 0:
                tekst += f", hoogstens {_euro(maximum)}"
            toegepast.append(f"{tekst}, {_artikel(pct['reference'])}")
    if vrijgelaten > 0:
        meetellend = max(0, totaal - vrijgelaten)
        uitleg = f" ({'; '.join(toegepast)})" if toegepast else ""
        regels.append(
            f"{wie_tekst} uit werk waren {_euro(totaal)}; daarvan tellen {_euro(meetellend)} "
            f"mee{uitleg}."
        )
    else:
        regels.append(f"{wie_tekst} uit werk waren {_euro(totaal)}; dat telt helemaal mee.")

    for wie, naam in (("applicant", "U"), ("partner", "Uw partner")):
        persoon = situatie.get(wie)
        if not persoon or werk[wie] == 0:
            continue
        d = disregards.get(wie) or {}
        n_max = int(_parameter("vrijlating.art31_lid2_n.maximum_maanden", periode)["value"])
        n_voor = int(persoon.get("work_disregard_months_used", 0))
        if d.get("work_disregard_applied"):
            volgnummer = n_voor + 1
            if volgnummer >= n_max:
                regels.append(
                    f"{naam} kreeg deze maand de vrijlating voor werk voor de {volgnummer}e en "
                    f"laatste keer: die geldt hoogstens {n_max} maanden."
                )
            else:
                regels.append(
                    f"{naam} kreeg deze maand de vrijlating voor werk: maand {volgnummer} van "
                    f"de {n_max}."
                )
        elif n_voor >= n_max:
            if d.get("single_parent_disregard_applied"):
                r_max = int(_parameter("vrijlating.art31_lid2_r.maximum_maanden", periode)["value"])
                r_nu = int(persoon.get("single_parent_disregard_months_used", 0)) + 1
                regels.append(
                    f"De vrijlating voor werk is na {n_max} maanden gestopt. Nu geldt de "
                    f"vrijlating voor alleenstaande ouders: maand {r_nu} van de {r_max}."
                )
            elif vorige_kreeg_vrijlating(wie):
                regels.append(
                    f"De vrijlating is na {n_max} maanden gestopt: "
                    f"{'uw inkomsten' if wie == 'applicant' else 'de inkomsten van uw partner'} "
                    "uit werk tellen nu helemaal mee."
                )
    return regels


def regels(
    *,
    g: Maandgegevens,
    ms: Maandsituatie,
    antwoord: dict,
    bedragen: Bedragen,
    vakantiegeld_maand: int,
    verrekening: list[str],
) -> list[str]:
    situatie = ms.situatie
    maandnaam = maanden.maandnaam(g.maand)
    vorige = g.vorige
    uit: list[str] = []
    if not ms.inkomen_uit_opgave:
        uit.append(
            f"Er is nog geen inkomstenopgave over {maandnaam}. We rekenen met de inkomsten "
            "die in het besluit staan."
        )
    norm = parse_amount(antwoord["norm"])
    vorige_norm = (
        parse_amount(vorige.berekening["norm"])
        if vorige is not None and (vorige.berekening or {}).get("norm")
        else None
    )
    if vorige_norm is None:
        uit.append(f"Uw bijstandsnorm is {_euro(norm)} per maand.")
    elif vorige_norm != norm:
        uit.append(
            f"Uw bijstandsnorm is veranderd: van {_euro(vorige_norm)} naar {_euro(norm)} per maand."
        )
    for _geboren in ms.nu_medebewoner:
        uit.append(
            "Een kind in uw huishouden is 18 jaar geworden. Het telt vanaf deze maand mee als "
            "volwassen medebewoner."
        )
    uit += _vrijlating_regels(situatie, antwoord, vorige)
    overig = inkomen_cent(situatie, "applicant", "other") + inkomen_cent(
        situatie, "partner", "other"
    )
    if overig:
        uit.append(
            f"Andere inkomsten (zoals een uitkering of alimentatie) waren {_euro(overig)}; die "
            "tellen helemaal mee."
        )
    if ms.niet_meegeteld_cent:
        uit.append(
            f"Inkomsten van kinderen of medebewoners ({_euro(ms.niet_meegeteld_cent)}) tellen "
            "niet mee voor uw bijstand."
        )
    if not antwoord.get("eligible", True):
        codes = {r.get("code") for r in antwoord.get("reasons") or []}
        if "VERMOGEN_BOVEN_GRENS" in codes:
            uit.append(
                f"Uw vermogen is hoger dan de vermogensgrens. Over {maandnaam} krijgt u daarom "
                "geen bijstand."
            )
        else:
            uit.append(
                f"Het inkomen dat meetelt is even hoog als of hoger dan uw bijstandsnorm. Over "
                f"{maandnaam} krijgt u daarom geen bijstand."
            )
    else:
        uit.append(f"Uw bijstand over {maandnaam} is {_euro(bedragen.bijstand)}.")
    if bedragen.correctie:
        reden = g.besluit.correctie_reden.strip()
        uit.append(
            f"In het besluit staat een aanpassing van {_euro(bedragen.correctie)} per maand"
            + (f": {reden}" if reden else "")
            + ("" if reden.endswith(".") else ".")
        )
    if bedragen.reservering and bedragen.uitbetaling:
        uit.append(f"Daarvan is {_euro(bedragen.reservering)} vakantiegeld.")
    elif bedragen.reservering:
        uit.append(
            f"Daarvan houden we {_euro(bedragen.reservering)} apart als vakantiegeld. U krijgt "
            f"het vakantiegeld in {MONTHS_NL[vakantiegeld_maand - 1]}."
        )
    if bedragen.uitbetaling:
        uit.append(
            f"Deze maand krijgt u het gespaarde vakantiegeld: {_euro(bedragen.uitbetaling)}."
        )
    uit += verrekening
    if vorige is None and not bedragen.te_betalen:
        uit.append(f"Over {maandnaam} krijgt u geen betaling.")
    elif vorige is None:
        uit.append(f"Dit is de eerste betaling. U krijgt {_euro(bedragen.te_betalen)}.")
    else:
        vorig = vorige.te_betalen_cent
        verschil = bedragen.te_betalen - vorig
        vorige_naam = maanden.maandnaam(vorige.maand)
        if verschil == 0:
            uit.append(
                f"U krijgt {_euro(bedragen.te_betalen)}. Dat is hetzelfde als over {vorige_naam}."
            )
        else:
            uit.append(
                f"U krijgt {_euro(bedragen.te_betalen)}. Dat is {_euro(abs(verschil))} "
                f"{'meer' if verschil > 0 else 'minder'} dan over {vorige_naam} "
                f"({_euro(vorig)})."
            )
    return uit
