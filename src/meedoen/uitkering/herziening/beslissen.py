"""Deciding on a herziening: a person with UITKERING_BEHANDELEN chooses terugvorderen (the
weighing recorded, with a repayment arrangement that leaves the household at least the
beslagvrije voet) or afzien (with a reason) for an overpayment, and nabetalen for an
underpayment. Recovery writes the letter "Besluit terugvordering"."""

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
from meedoen.uitkering.herziening import verrekening
from meedoen.uitkering.herziening.brief import terugvorderingsbrief_opslaan
from meedoen.uitkering.herziening.services import DOEL, maand_van
from meedoen.uitkering.models import Besluit, Betaalvoorstel, Herziening, Terugvordering


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


def maandbedrag_cent(*, huishouden) -> int | None:
    """The household's regular monthly payment before deductions: the latest proposal that
    counts, else the final toekenning's amount; None when nothing is paid."""
    voorstel = (
        Betaalvoorstel.objects.filter(huishouden=huishouden)
        .exclude(status=Betaalvoorstel.Status.VERVALLEN)
        .order_by("-maand")
        .first()
    )
    if voorstel is not None:
        return (
            voorstel.te_betalen_cent
            + voorstel.inhouding_cent
            - voorstel.nabetaling_cent
            - voorstel.vakantiegeld_uitbetaling_cent
        )
    besluit = (
        Besluit.objects.filter(
            huishouden=huishouden,
            soort=Besluit.Soort.TOEKENNING,
            status=Besluit.Status.VASTGESTELD,
        )
        .order_by("-beslist_op")
        .first()
    )
    return besluit.bedrag_per_maand_cent if besluit is not None else None


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
    if fouten:
        raise ValidationError(fouten)
    maandbedrag = maandbedrag_cent(huishouden=herziening.huishouden)
    if maandbedrag is None:
        raise ValidationError(
            {
                "aflossing_per_maand": _(
                    "Dit huishouden krijgt geen uitkering waarop we kunnen inhouden. Een "
                    "regeling met inhouding is daarom niet mogelijk."
                )
            }
        )
    # Other running arrangements are assumed to deduct in the same months (the safe side).
    andere = list(
        Terugvordering.objects.filter(
            huishouden=herziening.huishouden, status=Terugvordering.Status.LOPEND
        )
    )
    voet = max([regeling.beslagvrije_voet_cent, *(t.beslagvrije_voet_cent for t in andere)])
    al_ingehouden = sum(t.aflossing_per_maand_cent for t in andere)
    maximum = max(
        0,
        verrekening.maximale_aflossing_cent(
            maandbedrag_cent=maandbedrag, beslagvrije_voet_cent=voet
        )
        - al_ingehouden,
    )
    if regeling.aflossing_per_maand_cent > maximum:
        uitleg = _(
            "Met deze aflossing houdt het huishouden minder over dan de beslagvrije voet. "
            "U kunt hoogstens %(max)s per maand inhouden: %(bedrag)s per maand min de "
            "beslagvrije voet van %(voet)s"
        ) % {
            "max": format_euro_nl(maximum),
            "bedrag": format_euro_nl(maandbedrag),
            "voet": format_euro_nl(voet),
        }
        if al_ingehouden:
            uitleg += _(" en min %(andere)s voor andere terugvorderingen") % {
                "andere": format_euro_nl(al_ingehouden)
            }
        raise ValidationError({"aflossing_per_maand": uitleg + "."})


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
        )
        terugvordering.full_clean()
        terugvordering.save()
        wijzigingen["terugvordering"] = [
            None,
            {
                "bedrag_cent": terugvordering.bedrag_cent,
                "beslagvrije_voet_cent": terugvordering.beslagvrije_voet_cent,
                "aflossing_per_maand_cent": terugvordering.aflossing_per_maand_cent,
                "eerste_maand": terugvordering.eerste_maand.isoformat(),
            },
        ]
        terugvorderingsbrief_opslaan(herziening=herziening)
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=herziening,
        persoon_id=herziening.persoon_id,
        wijzigingen=wijzigingen,
    )
    return herziening
