"""Draagkracht for bijzondere bijstand (Participatiewet art. 35 lid 1: bijstand for necessary
costs "voor zover de belanghebbende over onvoldoende draagkracht beschikt"). How draagkracht is
measured is the gemeente's own policy (Inkomensbeleid):

    draagkrachtvrije voet   = voet% x the household's norm
    draagkracht per maand   = draagkracht% x max(0, income - voet)
    draagkracht             = per maand x the period in months
    toekenning              = max(0, min(costs, the category's maximum) - draagkracht)

Pure integer eurocent arithmetic, rounded to the cent with a half cent up (the engine's rule);
every step is written out in Dutch for the consulent and the letter."""

from dataclasses import asdict, dataclass, field

from meedoen.rules.money import format_euro_nl

ARTIKEL = "Participatiewet art. 35 lid 1"
URL = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=35"
BELEID = "beleidsregels bijzondere bijstand van de gemeente"


@dataclass(frozen=True)
class Draagkrachtbeleid:
    voet_percentage: int  # of the norm, e.g. 100 or 110
    draagkracht_percentage: int  # of the income above the voet, e.g. 50
    periode_maanden: int  # e.g. 12


@dataclass(frozen=True)
class Draagkracht:
    norm_cent: int
    voet_cent: int
    inkomen_cent: int
    boven_voet_cent: int
    per_maand_cent: int
    periode_maanden: int
    over_periode_cent: int
    kosten_cent: int
    maximum_cent: int | None
    erkend_cent: int
    toekenning_cent: int
    stappen: list[dict] = field(default_factory=list)

    def als_json(self) -> dict:
        return asdict(self)


def percentage_van(bedrag_cent: int, percentage: int) -> int:
    """percentage% of an amount (>= 0), rounded to the cent, a half cent up."""
    if bedrag_cent < 0 or percentage < 0:
        raise ValueError("amounts and percentages are not negative here")
    return (2 * bedrag_cent * percentage + 100) // 200


def bereken_draagkracht(
    *,
    inkomen_cent: int,
    norm_cent: int,
    kosten_cent: int,
    maximum_cent: int | None,
    beleid: Draagkrachtbeleid,
) -> Draagkracht:
    voet = percentage_van(norm_cent, beleid.voet_percentage)
    boven = max(0, inkomen_cent - voet)
    per_maand = percentage_van(boven, beleid.draagkracht_percentage)
    over_periode = per_maand * beleid.periode_maanden
    erkend = kosten_cent if maximum_cent is None else min(kosten_cent, maximum_cent)
    toekenning = max(0, erkend - over_periode)

    def stap(code: str, tekst: str, bedrag: int | None, artikel: str = BELEID) -> dict:
        return {
            "code": code,
            "tekst": tekst,
            "bedrag_cent": bedrag,
            "artikel": artikel,
            "url": URL if artikel == ARTIKEL else "",
        }

    e = format_euro_nl
    stappen = [
        stap(
            "NORM", f"De bijstandsnorm voor dit huishouden is {e(norm_cent)} per maand.", norm_cent
        ),
        stap(
            "VOET",
            f"De draagkrachtvrije voet is {beleid.voet_percentage}% van de norm: {e(voet)} "
            "per maand. Dat geld heeft het huishouden nodig om van te leven.",
            voet,
        ),
        stap(
            "INKOMEN",
            f"Het inkomen is {e(inkomen_cent)} per maand. "
            + (
                f"Daarvan ligt {e(boven)} boven de draagkrachtvrije voet."
                if boven
                else "Dat is niet meer dan de draagkrachtvrije voet."
            ),
            inkomen_cent,
        ),
        stap(
            "DRAAGKRACHT_MAAND",
            f"Van het inkomen boven de voet telt {beleid.draagkracht_percentage}% als "
            f"draagkracht: {e(per_maand)} per maand.",
            per_maand,
        ),
        stap(
            "DRAAGKRACHT_PERIODE",
            f"Over {beleid.periode_maanden} maand{'en' if beleid.periode_maanden != 1 else ''} "
            f"is de draagkracht {beleid.periode_maanden} × {e(per_maand)} = {e(over_periode)}.",
            over_periode,
        ),
        stap(
            "KOSTEN",
            f"De kosten zijn {e(kosten_cent)}."
            + (
                f" Voor deze soort kosten vergoedt de gemeente hoogstens {e(maximum_cent)}. "
                f"Daarom telt {e(erkend)} mee."
                if maximum_cent is not None and kosten_cent > maximum_cent
                else ""
            ),
            erkend,
        ),
        stap(
            "TOEKENNING",
            (
                f"Bijzondere bijstand: {e(erkend)} kosten min {e(over_periode)} draagkracht "
                f"= {e(toekenning)}."
            )
            if toekenning
            else (
                f"De draagkracht ({e(over_periode)}) is even hoog als of hoger dan de kosten "
                f"({e(erkend)}). Het huishouden kan deze kosten zelf betalen: er is geen "
                "bijzondere bijstand mogelijk."
            ),
            toekenning,
            ARTIKEL,
        ),
    ]
    return Draagkracht(
        norm_cent=norm_cent,
        voet_cent=voet,
        inkomen_cent=inkomen_cent,
        boven_voet_cent=boven,
        per_maand_cent=per_maand,
        periode_maanden=beleid.periode_maanden,
        over_periode_cent=over_periode,
        kosten_cent=kosten_cent,
        maximum_cent=maximum_cent,
        erkend_cent=erkend,
        toekenning_cent=toekenning,
        stappen=stappen,
    )
