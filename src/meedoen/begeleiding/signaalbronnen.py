"""Begeleiding's part in signalen: an ontheffing ending (review task), and who guides a
resident (so derived tasks land with their klantmanager)."""

import datetime as dt
from collections.abc import Iterator

from meedoen.begeleiding.models import Begeleidingsstand, Ontheffing
from meedoen.begeleiding.services.traject import HERBEOORDELEN_VOOR_EINDE, ontheffing_taak_tekst
from meedoen.signalen.bronnen import TaakVoorstel, registreer_behandelaars, registreer_bron
from meedoen.signalen.models import TaakSoort


def ontheffingen_die_aflopen(
    *, gemeente_ids: list[int], vandaag: dt.date
) -> Iterator[TaakVoorstel]:
    rijen = Ontheffing.objects.filter(
        gemeente_id__in=gemeente_ids,
        einde__gt=vandaag,
        einde__lte=vandaag + HERBEOORDELEN_VOOR_EINDE + dt.timedelta(weeks=2),
    )
    for ontheffing in rijen.iterator(chunk_size=2000):
        yield TaakVoorstel(
            gemeente_id=ontheffing.gemeente_id,
            persoon_id=ontheffing.persoon_id,
            soort=TaakSoort.ONTHEFFING_HERBEOORDELEN,
            omschrijving=ontheffing_taak_tekst(ontheffing),
            vervaldatum=max(vandaag, ontheffing.einde - HERBEOORDELEN_VOOR_EINDE),
            # the same key as the task made when the ontheffing was recorded: never twice
            sleutel=f"ontheffing:{ontheffing.pk}:herbeoordelen",
        )


def klantmanagers(*, persoon_ids) -> dict:
    rijen = Begeleidingsstand.objects.filter(persoon_id__in=list(persoon_ids)).values_list(
        "persoon_id", "klantmanager_id", "route__team_id"
    )
    return {persoon_id: (km, team) for persoon_id, km, team in rijen}


registreer_bron("ontheffingen", ontheffingen_die_aflopen)
registreer_behandelaars(klantmanagers)
