"""The explanation of one calculation: steps in Dutch (B1) and English, each with its article."""

from meedoen.rules.money import format_amount, parameter_to_cents
from meedoen.rules.money import format_euro_en as en_eur
from meedoen.rules.money import format_euro_nl as nl_eur
from meedoen.rules.periods import parameter_info
from meedoen.rules.variables.normen import NORMCATEGORIEEN

LAW = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703"
MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

NORM_TEXT = {
    "normen.art20.alleenstaande_18_20": (
        "alleenstaande van 18, 19 of 20 jaar",
        "single person aged 18-20",
    ),
    "normen.art20.alleenstaande_ouder_18_20": (
        "alleenstaande ouder van 18, 19 of 20 jaar",
        "single parent aged 18-20",
    ),
    "normen.art20.gehuwden_beiden_18_20": (
        "gehuwden die allebei 18, 19 of 20 jaar zijn, zonder kinderen",
        "a couple both aged 18-20, without children",
    ),
    "normen.art20.gehuwden_beiden_18_20_met_kinderen": (
        "gehuwden die allebei 18, 19 of 20 jaar zijn, met kinderen",
        "a couple both aged 18-20, with children",
    ),
    "normen.art20.gehuwden_een_18_20": (
        "gehuwden van wie één 18, 19 of 20 jaar is en één 21 of ouder, zonder kinderen",
        "a couple with one partner aged 18-20 and one 21 or older, without children",
    ),
    "normen.art20.gehuwden_een_18_20_met_kinderen": (
        "gehuwden van wie één 18, 19 of 20 jaar is en één 21 of ouder, met kinderen",
        "a couple with one partner aged 18-20 and one 21 or older, with children",
    ),
    "normen.art21.alleenstaande": (
        "alleenstaande (ouder) van 21 jaar tot de AOW-leeftijd",
        "single person or single parent from 21 to state pension age",
    ),
    "normen.art21.gehuwden": (
        "gehuwden van 21 jaar tot de AOW-leeftijd",
        "a couple from 21 to state pension age",
    ),
    "normen.art22.alleenstaande": (
        "alleenstaande (ouder) met de AOW-leeftijd",
        "single person or single parent at state pension age",
    ),
    "normen.art22.gehuwden_beiden_aow": (
        "gehuwden die allebei de AOW-leeftijd hebben",
        "a couple both at state pension age",
    ),
    "normen.art22.gehuwden_een_aow": (
        "gehuwden van wie één de AOW-leeftijd heeft",
        "a couple with one partner at state pension age",
    ),
}
HOUSEHOLD_TEXT = {
    0: (
        "U bent alleenstaande: u heeft geen partner en geen kinderen ten laste.",
        "You are single: no partner and no dependent children.",
    ),
    1: (
        "U bent alleenstaande ouder: u heeft geen partner en {k} kind(eren) ten laste.",
        "You are a single parent: no partner and {k} dependent child(ren).",
    ),
    2: (
        "U en uw partner tellen samen als gehuwden.",
        "You and your partner count together as a couple.",
    ),
}


def _step(code, nl, en, article, url, amount=None) -> dict:
    return {
        "code": code,
        "nl": nl,
        "en": en,
        "article": article,
        "url": url,
        "amount": None if amount is None else format_amount(amount),
    }


def _pct(basis_points: int, separator: str = ",") -> str:
    return f"{basis_points // 100}{separator}{basis_points % 100:02d}%"


def build_explanation(
    situation, hh: dict, people: list[dict], reforms: tuple[str, ...]
) -> list[dict]:
    year, month = situation.year_month
    on_nl = f"1 {MONTHS_NL[month - 1]} {year}"
    on_en = f"1 {MONTHS_EN[month - 1]} {year}"
    steps = []
    soort = int(hh["huishoudtype"])
    nl, en = HOUSEHOLD_TEXT[soort]
    k = int(hh["aantal_kinderen"])
    steps.append(
        _step(
            "HUISHOUDTYPE",
            nl.format(k=k),
            en.format(k=k),
            "Participatiewet art. 4",
            f"{LAW}&artikel=4",
        )
    )

    applicant = people[0]
    partner = people[1] if situation.partner is not None else None
    ages_nl = f"U bent {applicant['leeftijd']} jaar op {on_nl}"
    ages_en = f"You are {applicant['leeftijd']} on {on_en}"
    if partner:
        ages_nl += f", uw partner {partner['leeftijd']} jaar"
        ages_en += f", your partner {partner['leeftijd']}"
    category = NORMCATEGORIEEN[int(hh["normcategorie"])]
    info = parameter_info(category, situation.period)
    text_nl, text_en = NORM_TEXT[category]
    base = int(hh["norm_zonder_kostendelers"])
    steps.append(
        _step(
            "NORM",
            f"{ages_nl}. De norm voor een {text_nl} is {nl_eur(base)} per maand.",
            f"{ages_en}. The norm for a {text_en} is {en_eur(base)} a month.",
            info["reference"],
            info["url"],
            base,
        )
    )

    extra = int(hh["jongerenverhoging"])
    if (
        int(hh["aantal_jongeren_niet_op_ouders_aangewezen"]) > 0
        and not hh["kostendelersnorm_van_toepassing"]
    ):
        info = parameter_info("normen.art20.verhoging_niet_op_ouders_aangewezen", situation.period)
        cap = int(hh["vergelijkbare_norm_21_plus"])
        steps.append(
            _step(
                "JONGERENVERHOGING",
                "Een jongere die niet kan terugvallen op de ouders krijgt een verhoging. "
                f"Die is hier {nl_eur(extra)}. De norm wordt niet hoger dan {nl_eur(cap)}, "
                "de norm voor iemand van 21 jaar of ouder.",
                "A young person who cannot rely on their parents gets an increase, "
                f"here {en_eur(extra)}. "
                f"The norm never exceeds {en_eur(cap)}, the norm for someone aged 21 or older.",
                info["reference"],
                info["url"],
                extra,
            )
        )

    steps.extend(_kostendelers_steps(situation, hh, people))

    for person, who_nl, who_en in (
        (applicant, "u", "you"),
        (partner, "uw partner", "your partner"),
    ):
        if person is not None:
            steps.extend(_income_steps(person, who_nl, who_en, situation.period))

    counted = int(hh["middelen"])
    disregarded = int(hh["vrijgelaten_inkomen"])
    steps.append(
        _step(
            "INKOMEN_TOTAAL",
            f"Inkomen dat meetelt: {nl_eur(counted)}. Vrijgelaten: {nl_eur(disregarded)}.",
            f"Income that counts: {en_eur(counted)}. Disregarded: {en_eur(disregarded)}.",
            "Participatiewet art. 31 en 32",
            f"{LAW}&artikel=32",
            counted,
        )
    )

    steps.append(_vermogen_step(situation, hh))
    steps.extend(_benefit_steps(hh, reforms))
    return steps


def _kostendelers_steps(situation, hh, people) -> list[dict]:
    a = int(hh["aantal_kostendelers"])
    m = int(hh["aantal_kostendelende_medebewoners"])
    info = parameter_info("kostendelersnorm.leeftijd_medebewoner", situation.period)
    mates = people[len(people) - len(situation.housemates) :] if situation.housemates else []
    young = sum(
        1
        for p, h in zip(mates, situation.housemates, strict=True)
        if p["leeftijd"] < info["value"] and not (h.student or h.commercial_rent)
    )
    students = sum(1 for h in situation.housemates if h.student)
    renters = sum(1 for h in situation.housemates if h.commercial_rent and not h.student)
    not_nl, not_en = [], []
    for count, nl, en in (
        (young, "jonger dan 27", "younger than 27"),
        (students, "student", "student"),
        (renters, "commerciële huurder of kostganger", "commercial tenant or boarder"),
    ):
        if count:
            not_nl.append(f"{count} {nl}")
            not_en.append(f"{count} {en}")
    rest_nl = f" Telt niet mee: {', '.join(not_nl)}." if not_nl else ""
    rest_en = f" Not counted: {', '.join(not_en)}." if not_en else ""
    url = f"{LAW}&artikel=22a"
    partner_nl = ", uw partner" if a - m > 1 else ""
    partner_en = ", your partner" if a - m > 1 else ""
    steps = [
        _step(
            "KOSTENDELERS",
            f"Aantal kostendelers A = {a}: u{partner_nl} en {m} medebewoner(s) van "
            f"{info['value']} jaar of ouder.{rest_nl}",
            f"Number of cost sharers A = {a}: you{partner_en} and {m} housemate(s) aged "
            f"{info['value']} or older.{rest_en}",
            "Participatiewet art. 19a en 22a",
            url,
        )
    ]
    if hh["kostendelersnorm_van_toepassing"]:
        pct = int(hh["kostendelerspercentage"])
        norm = int(hh["norm"])
        couple = situation.partner is not None
        steps.append(
            _step(
                "KOSTENDELERSNORM",
                f"De kostendelersnorm geldt: (40% + {a} × 30%) / {a} = {_pct(pct)} van de "
                f"gehuwdennorm{' per partner, samen' if couple else ''}: {nl_eur(norm)}.",
                f"The cost-sharing norm applies: (40% + {a} × 30%) / {a} = {_pct(pct, '.')} of the "
                f"couple norm{' per partner, together' if couple else ''}: {en_eur(norm)}.",
                "Participatiewet art. 22a",
                url,
                norm,
            )
        )
    elif m > 0:
        steps.append(
            _step(
                "KOSTENDELERSNORM",
                "De kostendelersnorm geldt niet: die geldt niet voor wie jonger is dan 21 jaar.",
                "The cost-sharing norm does not apply: it does not apply to anyone under 21.",
                "Participatiewet art. 22a lid 1",
                url,
            )
        )
    return steps


def _income_steps(person, who_nl, who_en, period) -> list[dict]:
    url = f"{LAW}&artikel=31&lid=2"
    n_article = "Participatiewet art. 31 lid 2 onderdeel n"
    r_article = "Participatiewet art. 31 lid 2 onderdeel r"
    n_months = parameter_info("vrijlating.art31_lid2_n.maximum_maanden", period)["value"]
    r_months = parameter_info("vrijlating.art31_lid2_r.maximum_maanden", period)["value"]
    is_applicant = who_nl == "u"
    income_nl = "Uw inkomen" if is_applicant else "Het inkomen van uw partner"
    work_nl = "uw inkomen uit werk" if is_applicant else "het inkomen uit werk van uw partner"
    steps = [
        _step(
            "INKOMEN",
            f"{income_nl}: {nl_eur(person['work'])} uit werk en {nl_eur(person['other'])} "
            "ander inkomen.",
            f"Income of {who_en}: {en_eur(person['work'])} from work and "
            f"{en_eur(person['other'])} other income.",
            "Participatiewet art. 31 lid 1",
            f"{LAW}&artikel=31&lid=1",
            person["work"] + person["other"],
        )
    ]
    if person["vrijlating_arbeid_toegepast"]:
        cap = _cents("vrijlating.art31_lid2_n.maximum", period)
        used = person["maanden_n"] + 1
        steps.append(
            _step(
                "VRIJLATING_N",
                f"Van {work_nl} blijft 25% vrij, hoogstens {nl_eur(cap)} per "
                f"maand: {nl_eur(person['vrijlating_arbeid'])}. "
                f"Dit is maand {used} van {n_months}.",
                f"25% of the work income of {who_en} is disregarded, at most {en_eur(cap)} a "
                f"month: {en_eur(person['vrijlating_arbeid'])}. "
                f"This is month {used} of {n_months}.",
                n_article,
                url,
                person["vrijlating_arbeid"],
            )
        )
    elif person["work"] > 0 and person["maanden_n"] >= n_months:
        steps.append(
            _step(
                "VRIJLATING_N",
                f"De vrijlating van 25% voor {who_nl} is al {n_months} maanden gebruikt.",
                f"The 25% disregard for {who_en} has been used for {n_months} months already.",
                n_article,
                url,
                0,
            )
        )
    if person["vrijlating_alleenstaande_ouder_toegepast"]:
        cap = _cents("vrijlating.art31_lid2_r.maximum", period)
        used = person["maanden_r"] + 1
        amount = person["vrijlating_alleenstaande_ouder"]
        steps.append(
            _step(
                "VRIJLATING_R",
                "Als alleenstaande ouder met een kind jonger dan 12 blijft nog 12,5% vrij, "
                "hoogstens "
                f"{nl_eur(cap)} per maand: {nl_eur(amount)}. Dit is maand {used} van {r_months}.",
                f"As a single parent with a child under 12, another 12.5% is disregarded, at most "
                f"{en_eur(cap)} a month: {en_eur(amount)}. This is month {used} of {r_months}.",
                r_article,
                url,
                amount,
            )
        )
    if person["vrijlating_experiment"] > 0:
        steps.append(
            _step(
                "VRIJLATING_EXPERIMENT",
                f"Door het experiment blijft extra {nl_eur(person['vrijlating_experiment'])} vrij.",
                f"The experiment disregards an extra {en_eur(person['vrijlating_experiment'])}.",
                "Experiment (zie reform)",
                None,
                person["vrijlating_experiment"],
            )
        )
    return steps


def _cents(name: str, period: str) -> int:
    return parameter_to_cents(parameter_info(name, period)["value"])


def _vermogen_step(situation, hh) -> dict:
    counted = int(hh["vermogen_in_aanmerking"])
    limit = int(hh["vermogensgrens"])
    home_limit = int(hh["grens_eigen_woning"])
    above = bool(hh["vermogen_boven_grens"])
    verdict_nl = "Dat is hoger dan de grens." if above else "Dat is niet hoger dan de grens."
    verdict_en = "That is above the limit." if above else "That is not above the limit."
    return _step(
        "VERMOGEN",
        f"Vermogen dat meetelt: {nl_eur(counted)} (van de woning telt alleen mee wat boven "
        f"{nl_eur(home_limit)} ligt). De vermogensgrens is {nl_eur(limit)}. {verdict_nl}",
        f"Assets that count: {en_eur(counted)} (home equity counts only above "
        f"{en_eur(home_limit)}). The asset limit is {en_eur(limit)}. {verdict_en}",
        "Participatiewet art. 34",
        f"{LAW}&artikel=34",
        limit,
    )


def _benefit_steps(hh, reforms) -> list[dict]:
    norm, counted, benefit = int(hh["norm"]), int(hh["middelen"]), int(hh["bijstand"])
    url = f"{LAW}&artikel=19"
    if hh["vermogen_boven_grens"]:
        nl = "Omdat het vermogen hoger is dan de grens, is er geen recht op bijstand."
        en = "Because the assets are above the limit, there is no right to bijstand."
    elif benefit == 0:
        nl = (
            f"Het inkomen dat meetelt ({nl_eur(counted)}) is gelijk aan of hoger dan de norm "
            f"({nl_eur(norm)}). Er is geen recht op bijstand."
        )
        en = (
            f"The income that counts ({en_eur(counted)}) is equal to or above the norm "
            f"({en_eur(norm)}). There is no right to bijstand."
        )
    else:
        nl = (
            f"Bijstand: norm {nl_eur(norm)} − inkomen {nl_eur(counted)} = "
            f"{nl_eur(benefit)} per maand."
        )
        en = f"Benefit: norm {en_eur(norm)} − income {en_eur(counted)} = {en_eur(benefit)} a month."
    steps = [_step("UITKERING", nl, en, "Participatiewet art. 19 lid 2", url, benefit)]
    vt = int(hh["vakantietoeslag_reservering"])
    steps.append(
        _step(
            "VAKANTIETOESLAG",
            f"In de bijstand zit {nl_eur(vt)} vakantietoeslag (5/105 deel). Die wordt gespaard en "
            "één keer per jaar betaald.",
            f"The benefit contains {en_eur(vt)} holiday allowance (5/105). It is reserved and paid "
            "once a year.",
            "Participatiewet art. 19 lid 3",
            f"{url}&lid=3",
            vt,
        )
    )
    for name in reforms:
        steps.append(
            _step(
                "REFORM",
                f"Rekenvariant toegepast: {name}.",
                f"Policy variant applied: {name}.",
                "Experiment",
                None,
            )
        )
    return steps
