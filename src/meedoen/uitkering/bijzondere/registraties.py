"""Start page section "Bijzondere bijstand te accorderen": toekenningen waiting for a second
person (four eyes), for those who may approve, without their own decisions. Read-only."""

from django.utils.translation import gettext_lazy as _

from meedoen.core.panels import StartSectie, registreer_startsectie
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.bijzondere import selectors

MAX_OP_START = 5


def accorderen_context(*, actor) -> dict:
    wachtend = selectors.te_accorderen(actor=actor)
    return {"lijst": list(wachtend[:MAX_OP_START]), "aantal": wachtend.count()}


registreer_startsectie(
    StartSectie(
        key="bijzondere_accorderen",
        titel=_("Bijzondere bijstand te accorderen"),
        template="uitkering/bijzondere/start_accorderen.html",
        volgorde=22,  # right after "Besluiten te accorderen" (21)
        context=accorderen_context,
        bevoegdheden=frozenset({Bevoegdheid.UITKERING_ACCORDEREN}),
    )
)
