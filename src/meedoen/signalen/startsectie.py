"""The klantmanager's "Taken voor vandaag" section on the staff start page."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meedoen.core.panels import StartSectie, registreer_startsectie
from meedoen.signalen import selectors

MAX_OP_START = 10


def taken_vandaag_context(*, actor) -> dict:
    vandaag = timezone.localdate()
    taken = selectors.taken_voor_vandaag(actor=actor, vandaag=vandaag)
    return {
        "taken": list(taken[:MAX_OP_START]),
        "aantal": taken.count(),
        "vandaag": vandaag,
    }


registreer_startsectie(
    StartSectie(
        key="taken_vandaag",
        titel=_("Taken voor vandaag"),
        template="signalen/startsectie_taken.html",
        volgorde=10,
        context=taken_vandaag_context,
    )
)
