"""Intake's signal source for signalen: a referral without feedback for 4 weeks."""

import datetime as dt
from collections.abc import Iterator

from django.utils.translation import gettext as _

from meedoen.intake.models import Verwijzing, VerwijzingStatus
from meedoen.signalen.bronnen import TaakVoorstel, registreer_bron
from meedoen.signalen.models import TaakSoort

ZONDER_TERUGKOPPELING = dt.timedelta(weeks=4)


def verwijzingen_zonder_terugkoppeling(
    *, gemeente_ids: list[int], vandaag: dt.date
) -> Iterator[TaakVoorstel]:
    rijen = Verwijzing.objects.filter(
        gemeente_id__in=gemeente_ids,
        status=VerwijzingStatus.VERSTUURD,
        status_sinds__lte=vandaag - ZONDER_TERUGKOPPELING,
    ).select_related("partner")
    for verwijzing in rijen.iterator(chunk_size=2000):
        yield TaakVoorstel(
            gemeente_id=verwijzing.gemeente_id,
            persoon_id=verwijzing.persoon_id,
            soort=TaakSoort.VERWIJZING_ZONDER_TERUGKOPPELING,
            omschrijving=_(
                "%(partner)s heeft sinds %(datum)s niets laten horen over de verwijzing. "
                "Vraag na hoe het gaat."
            )
            % {
                "partner": verwijzing.partner.naam,
                "datum": verwijzing.status_sinds.strftime("%d-%m-%Y"),
            },
            vervaldatum=vandaag,
            sleutel=f"verwijzing:{verwijzing.pk}:geen_terugkoppeling",
        )


registreer_bron("verwijzingen_zonder_terugkoppeling", verwijzingen_zonder_terugkoppeling)
