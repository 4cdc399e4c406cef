"""Deciding on a herziening: a person with UITKERING_BEHANDELEN chooses terugvorderen (the
weighing recorded, with a repayment arrangement that leaves the household at least the
beslagvrije voet: deducted from the benefit, or paid by the resident to the gemeente's
account with a betalingskenmerk when there is no benefit to deduct from; recovering less than
was paid too much needs a reason) or afzien (with a
reason) for an overpayment, and nabetalen for an underpayment. Every decision writes a letter:
"Besluit terugvordering" or "Besluit herziening"."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.money import format_euro_nl
from meedoen.uitkering.betalingen.maanden import maandnaam
from meedoen.uitkering.herziening.brief import herzieningsbrief_opslaan
from meedoen.uitkering.herziening.regeling import (
    aflossing_toetsen,
    eerste_maand_zelf_betalen,
    rekening_van_gemeente,
    zelf_betalen_instellen,
    zelf_betalen_toetsen,
)
from meedoen.uitkering.herziening.services import DOEL, maand_van
from meedoen.uitkering.models import Herziening, Terugvordering


class Beslissing(models.TextChoices):
    TERUGVORDEREN = "terugvorderen", gettext_lazy("Terugvorderen")
    AFZIEN = "afzien", gettext_lazy("Afzien van terugvordering")
    NABETALEN = "nabetalen", gettext_lazy("Nabetalen")


@dataclass(frozen=True)
class Terugbetaalregeling:
    bedrag_cent: int
    beslagvrije_voet_cent: int
    aflossing_per_maand_cent: int
    eerste_maand: dt.date
    # Verrekenen (deduct from the benefit) or zelf betalen (the resident pays the gemeente;
    # the voet is then checked against the household's own income per month).
    wijze: str = Terugvordering.Wijze.VERREKENEN
    inkomen_per_maand_cent: int | None = None


def _regeling_toetsen(herziening: Herziening, regeling: Terugbetaalregeling | None) -> None:
    if regeling is None:
        raise ValidationError(_("Vul de terugbetaalregeling in."))
    fouten = {}
    if not 0 < regeling.bedrag_cent <= herziening.verschil_cent:
        fouten["bedrag"] = _(
            "Het bedrag moet meer dan € 0 zijn en niet meer dan het te veel betaalde bedrag "
            "(%(max)s)."
        ) % {"max": format_euro_nl(herziening.verschil_cent)}
    if regeling.aflossing_per_maand_cent <= 0:
        fouten["aflossing_per_maand"] = _("Vul een aflossing per maand in van meer dan € 0.")
    if regeling.wijze not in Terugvordering.Wijze.values:
        fouten["wijze"] = _("Kies hoe het huishouden terugbetaalt.")
    if fouten:
        raise ValidationError(fouten)
    eerste_maand = maand_van(regeling.eerste_maand)
    if regeling.wijze == Terugvordering.Wijze.VERREKENEN:
        aflossing_toetsen(
            huishouden=herziening.huishouden,
            beslagvrije_voet_cent=regeling.beslagvrije_voet_cent,
            aflossing_per_maand_cent=regeling.aflossing_per_maand_cent,
            eerste_maand=eerste_maand,
        )
        return
    rekening_van_gemeente(gemeente_id=herziening.gemeente_id)
    vroegst = eerste_maand_zelf_betalen(vanaf=eerste_maand)
    if eerste_maand < vroegst:
        raise ValidationError(
            {
                "eerste_maand": _(
                    "Het huishouden krijgt de brief eerst. Zelf betalen begint daarom op zijn "
                    "vroegst in %(maand)s."
                )
                % {"maand": maandnaam(vroegst)}
            }
        )
    zelf_betalen_toetsen(
        huishouden=herziening.huishouden,
        beslagvrije_voet_cent=regeling.beslagvrije_voet_cent,
        aflossing_per_maand_cent=regeling.aflossing_per_maand_cent,
        inkomen_per_maand_cent=regeling.inkomen_per_maand_cent,
    )


@transaction.atomic
def herziening_beslissen(
    *,
    actor: Actor,
    herziening: Herziening,
    besluit: str,
    toelichting: str = "",
    dringende_redenen: bool = False,
    evenredigheid: str = "",
    gemeente_te_laat: bool = False,
    waarschuwing_in_plaats_van_boete: bool = False,
    regeling: Terugbetaalregeling | None = None,
) -> Herziening:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    if herziening.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    herziening = Herziening.objects.select_for_update().get(pk=herziening.pk)
    if herziening.status != Herziening.Status.VOORGESTELD:
        raise ValidationError(_("Over deze herziening is al beslist."))
    te_veel = herziening.verschil_cent > 0
    toegestaan = (
        (Beslissing.TERUGVORDEREN, Beslissing.AFZIEN) if te_veel else (Beslissing.NABETALEN,)
    )
    if besluit not in toegestaan:
        raise ValidationError(
            {
                "besluit": _("Bij te veel betaald kiest u: terugvorderen of afzien.")
                if te_veel
                else _("Bij te weinig betaald betalen we na.")
            }
        )
    toelichting = toelichting.strip()
    evenredigheid = evenredigheid.strip()
    if besluit == Beslissing.AFZIEN and not toelichting:
        raise ValidationError({"toelichting": _("Schrijf op waarom u afziet van terugvordering.")})
    if besluit == Beslissing.TERUGVORDEREN:
        if not evenredigheid:
            raise ValidationError(
                {
                    "evenredigheid": _(
                        "Schrijf op hoe u de belangen heeft afgewogen: is terugvorderen "
                        "evenredig voor dit huishouden?"
                    )
                }
            )
        _regeling_toetsen(herziening, regeling)
        if regeling.bedrag_cent < herziening.verschil_cent and not toelichting:
            # Recovering less is waiving the rest (art. 58 lid 8): that needs a reason too.
            raise ValidationError(
                {
                    "toelichting": _(
                        "U vordert minder terug dan te veel is betaald. Schrijf op waarom u "
                        "van de rest (%(rest)s) afziet."
                    )
                    % {"rest": format_euro_nl(herziening.verschil_cent - regeling.bedrag_cent)}
                }
            )

    voor = herziening.status
    herziening.status = {
        Beslissing.TERUGVORDEREN: Herziening.Status.TERUGVORDEREN,
        Beslissing.AFZIEN: Herziening.Status.AFGEZIEN,
        Beslissing.NABETALEN: Herziening.Status.NABETALEN,
    }[besluit]
    herziening.toelichting = toelichting
    herziening.dringende_redenen = dringende_redenen
    herziening.evenredigheid = evenredigheid
    herziening.gemeente_te_laat = gemeente_te_laat
    herziening.waarschuwing_in_plaats_van_boete = waarschuwing_in_plaats_van_boete
    herziening.beslist_door = actor.user
    herziening.beslist_op = timezone.now()
    herziening.full_clean()
    herziening.save()
    wijzigingen = {
        "status": [voor, herziening.status],
        "dringende_redenen": [None, dringende_redenen],
        "gemeente_te_laat": [None, gemeente_te_laat],
        "waarschuwing_in_plaats_van_boete": [None, waarschuwing_in_plaats_van_boete],
    }
    if besluit == Beslissing.TERUGVORDEREN:
        terugvordering = Terugvordering(
            gemeente_id=herziening.gemeente_id,
            herziening=herziening,
            huishouden_id=herziening.huishouden_id,
            persoon_id=herziening.persoon_id,
            bedrag_cent=regeling.bedrag_cent,
            beslagvrije_voet_cent=regeling.beslagvrije_voet_cent,
            aflossing_per_maand_cent=regeling.aflossing_per_maand_cent,
            eerste_maand=maand_van(regeling.eerste_maand),
            wijze=regeling.wijze,
        )
        if regeling.wijze == Terugvordering.Wijze.ZELF_BETALEN:
            terugvordering.inkomen_per_maand_cent = regeling.inkomen_per_maand_cent
            zelf_betalen_instellen(terugvordering)
        terugvordering.full_clean()
        terugvordering.save()
        wijzigingen["terugvordering"] = [
            None,
            {
                "bedrag_cent": terugvordering.bedrag_cent,
                "beslagvrije_voet_cent": terugvordering.beslagvrije_voet_cent,
                "aflossing_per_maand_cent": terugvordering.aflossing_per_maand_cent,
                "eerste_maand": terugvordering.eerste_maand.isoformat(),
                "wijze": terugvordering.wijze,
                "inkomen_per_maand_cent": terugvordering.inkomen_per_maand_cent,
                "betalingskenmerk": terugvordering.betalingskenmerk,
                "rekening_iban": terugvordering.rekening_iban,
            },
        ]
    # Every decision changes the month's right (art. 54 lid 3): the resident gets a letter
    # with bezwaar, also when nothing is recovered.
    herzieningsbrief_opslaan(herziening=herziening)
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=herziening,
        persoon_id=herziening.persoon_id,
        wijzigingen=wijzigingen,
    )
    return herziening
