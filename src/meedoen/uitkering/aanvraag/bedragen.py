"""Whether the rules engine knows the legal amounts for a month, and what the consulent reads
when it does not. The engine never guesses an amount: a month after the last published
Normenbrief cannot be computed until the functioneel beheerder adds its amounts. The
application can still be registered, investigated, refused or set aside, and its beslistermijn
keeps running."""

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meedoen.rules.periods import first_period, last_period, period_problem
from meedoen.uitkering.betalingen import maanden

PARAMETERMAP = "src/meedoen/rules/parameters"


def maandnaam(datum: dt.date) -> str:
    return date_format(datum, "F Y")


def bekend(datum: dt.date) -> bool:
    """True when the engine has confirmed amounts for the month of `datum`."""
    return period_problem(maanden.periode(datum)) is None


def ontbrekende_bedragen(datum: dt.date) -> str | None:
    """None when the month of `datum` can be computed; else what is missing, who can fix it and
    what the consulent can do meanwhile, in the active language."""
    periode = maanden.periode(datum)
    if period_problem(periode) is None:
        return None
    eerste = first_period()
    if periode < eerste:
        return _(
            "Meedoen heeft geen bijstandsnormen van vóór %(eerste)s. Voor %(maand)s kunnen we "
            "daarom geen bedrag berekenen. Kies een ingangsdatum vanaf %(eerste)s, of vraag de "
            "functioneel beheerder om de oudere normen toe te voegen (in %(map)s)."
        ) % {
            "eerste": maandnaam(maanden.uit_tekst(eerste)),
            "maand": maandnaam(datum),
            "map": PARAMETERMAP,
        }
    laatste = last_period()
    return _(
        "Voor %(maand)s staan de bijstandsnormen nog niet in Meedoen. Daarom kunnen we voor die "
        "maand nog geen bedrag berekenen: Meedoen verzint geen bedragen. De functioneel "
        "beheerder lost dit op door de bedragen uit de gepubliceerde Normenbrief toe te voegen "
        "(in %(map)s). De laatste maand met bedragen is %(laatste)s. Tot die tijd kunt u de "
        "aanvraag wel onderzoeken, afwijzen of buiten behandeling stellen. Let op de "
        "beslistermijn: die loopt gewoon door."
    ) % {
        "maand": maandnaam(datum),
        "map": PARAMETERMAP,
        "laatste": maandnaam(maanden.uit_tekst(laatste)) if laatste else "—",
    }
