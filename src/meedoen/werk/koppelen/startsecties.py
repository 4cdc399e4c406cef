"""The werkgeversdienstverlener's sections on the start page: vacancies nobody was proposed
for, and proposals waiting for the employer's feedback."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.core.panels import StartSectie, registreer_startsectie
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.koppelen import werklijsten

MAX_OP_START = 5
WERKGEVERSDIENSTVERLENING = frozenset({Bevoegdheid.WERKGEVERS_BEHEREN})


def vacatures_context(*, actor) -> dict:
    rijen = werklijsten.vacatures_zonder_voorstel(actor=actor, vandaag=timezone.localdate())
    return {"vacatures": list(rijen[:MAX_OP_START]), "aantal": rijen.count()}


def voorstellen_context(*, actor) -> dict:
    rijen = werklijsten.voorstellen_zonder_terugkoppeling(actor=actor, vandaag=timezone.localdate())
    return {"voorstellen": list(rijen[:MAX_OP_START]), "aantal": rijen.count()}


registreer_startsectie(
    StartSectie(
        key="werk_vacatures_zonder_voorstel",
        titel=_("Vacatures zonder voorstel"),
        template="werk/koppelen/startsectie_vacatures.html",
        volgorde=30,
        context=vacatures_context,
        bevoegdheden=WERKGEVERSDIENSTVERLENING,
    )
)
registreer_startsectie(
    StartSectie(
        key="werk_voorstellen_zonder_terugkoppeling",
        titel=_("Voorstellen zonder terugkoppeling"),
        template="werk/koppelen/startsectie_voorstellen.html",
        volgorde=31,
        context=voorstellen_context,
        bevoegdheden=WERKGEVERSDIENSTVERLENING,
    )
)
