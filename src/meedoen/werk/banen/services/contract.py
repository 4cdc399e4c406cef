"""Recht op werk: an employment contract between the gemeente and the resident instead of a
benefit, and its end when the resident takes an outside job."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meedoen.clients.models import Persoon
from meedoen.core.actor import Actor
from meedoen.core.audit.models import Actie
from meedoen.rules.money import format_euro_nl
from meedoen.werk.banen import loon
from meedoen.werk.banen.inkomensvergelijking import vergelijken
from meedoen.werk.banen.services._basis import audit, snapshot, vereis_beheren
from meedoen.werk.banen.services.plaatsingen import _beeindigen
from meedoen.werk.models import Arbeidscontract, Plaatsing, Werkbeleid

CONTRACT_VELDEN = (
    "plaatsing",
    "uren_per_week",
    "bruto_uurloon_cent",
    "bruto_maandloon_cent",
    "netto_maandloon_cent",
    "begindatum",
    "einddatum",
)
EINDE_VELDEN = ("beeindigd_op", "beeindigingsreden")
PLAATSING_VOOR_CONTRACT = (Plaatsing.Soort.MAATSCHAPPELIJKE_BAAN, Plaatsing.Soort.DETACHERING)


class Beeindigingsreden(TextChoices):
    EXTERN_WERK = "extern werk", gettext_lazy("Extern werk: de inwoner heeft een baan gevonden")
    EINDE_LOOPTIJD = "einde looptijd", gettext_lazy("Het contract is afgelopen")
    VERZOEK_INWONER = "verzoek inwoner", gettext_lazy("Op verzoek van de inwoner")
    ANDERS = "anders", gettext_lazy("Een andere reden")


def recht_op_werk_aangeboden(*, gemeente_id: int) -> bool:
    """Only a gemeente whose policy switches it on offers a contract instead of a benefit."""
    return Werkbeleid.objects.filter(gemeente_id=gemeente_id, recht_op_werk=True).exists()


def _niet_aangeboden() -> ValidationError:
    return ValidationError(_("Deze gemeente biedt geen recht op werk aan."))


def _loon_controleren(persoon, begindatum, bruto_uurloon_cent, netto_maandloon_cent, bruto):
    minimum = loon.minimumloon_per_uur(
        geboortedatum=persoon.geboortedatum, periode=loon.periode_van(begindatum)
    )
    if bruto_uurloon_cent < minimum.uurloon_cent:
        raise ValidationError(
            {
                "bruto_uurloon": _(
                    "Het uurloon is lager dan het minimumloon. Voor iemand van %(leeftijd)s "
                    "jaar is dat in %(periode)s minstens %(minimum)s bruto per uur."
                )
                % {
                    "leeftijd": minimum.leeftijd,
                    "periode": minimum.periode,
                    "minimum": format_euro_nl(minimum.uurloon_cent),
                }
            }
        )
    if netto_maandloon_cent <= 0:
        raise ValidationError({"netto_maandloon": _("Vul het netto maandloon in.")})
    if netto_maandloon_cent > bruto:
        raise ValidationError(
            {
                "netto_maandloon": _(
                    "Het netto maandloon is hoger dan het bruto maandloon (%(bruto)s)."
                )
                % {"bruto": format_euro_nl(bruto)}
            }
        )


def _plaatsing_controleren(plaatsing: Plaatsing, persoon, begindatum: dt.date) -> None:
    if plaatsing.persoon_id != persoon.pk:
        raise ValidationError({"plaatsing": _("Deze plaatsing is van een andere inwoner.")})
    if plaatsing.soort not in PLAATSING_VOOR_CONTRACT:
        raise ValidationError(
            {"plaatsing": _("Kies een maatschappelijke baan of een detachering.")}
        )
    if plaatsing.beeindigingsreden or (
        plaatsing.einddatum is not None and plaatsing.einddatum < begindatum
    ):
        raise ValidationError({"plaatsing": _("Deze plaatsing loopt niet meer op de begindatum.")})


def contract_doorrekenen(
    *,
    actor: Actor,
    persoon,
    plaatsing: Plaatsing,
    uren_per_week: int,
    bruto_uurloon_cent: int,
    netto_maandloon_cent: int,
    begindatum: dt.date,
    einddatum: dt.date | None = None,
    maanden_vrijlating_gebruikt: int = 0,
    partner_netto_inkomen_cent: int = 0,
    partner_maanden_vrijlating_gebruikt: int = 0,
) -> tuple[int, dict]:
    """Every check of a new contract, and (gross monthly wage, income comparison); writes
    nothing, so the page can show the comparison before the contract is made."""
    vereis_beheren(actor, persoon.gemeente_id)
    if not recht_op_werk_aangeboden(gemeente_id=persoon.gemeente_id):
        raise _niet_aangeboden()
    if einddatum is not None and einddatum < begindatum:
        raise ValidationError({"einddatum": _("De einddatum ligt voor de begindatum.")})
    _plaatsing_controleren(plaatsing, persoon, begindatum)
    lopend = Arbeidscontract.objects.filter(persoon=persoon, beeindigd_op__isnull=True)
    if any(c.einddatum is None or c.einddatum >= begindatum for c in lopend):
        raise ValidationError(_("De inwoner heeft al een lopend arbeidscontract."))
    bruto = loon.bruto_maandloon_cent(
        uren_per_week=uren_per_week, bruto_uurloon_cent=bruto_uurloon_cent
    )
    _loon_controleren(persoon, begindatum, bruto_uurloon_cent, netto_maandloon_cent, bruto)
    vergelijking = vergelijken(
        persoon=persoon,
        begindatum=begindatum,
        netto_maandloon_cent=netto_maandloon_cent,
        maanden_vrijlating_gebruikt=maanden_vrijlating_gebruikt,
        partner_netto_inkomen_cent=partner_netto_inkomen_cent,
        partner_maanden_vrijlating_gebruikt=partner_maanden_vrijlating_gebruikt,
    )
    return bruto, vergelijking


@transaction.atomic
def contract_aanmaken(*, actor: Actor, persoon, **gegevens) -> Arbeidscontract:
    """A contract of at least the minimum wage for the resident's age, with the comparison of
    the household's income with and without it, stored as computed. `gegevens` are the
    keyword arguments of contract_doorrekenen."""
    # One contract at a time per resident, also when two people click at once.
    Persoon.objects.select_for_update().filter(pk=persoon.pk).first()
    bruto, vergelijking = contract_doorrekenen(actor=actor, persoon=persoon, **gegevens)
    contract = Arbeidscontract(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        plaatsing=gegevens["plaatsing"],
        uren_per_week=gegevens["uren_per_week"],
        bruto_uurloon_cent=gegevens["bruto_uurloon_cent"],
        bruto_maandloon_cent=bruto,
        netto_maandloon_cent=gegevens["netto_maandloon_cent"],
        begindatum=gegevens["begindatum"],
        einddatum=gegevens.get("einddatum"),
        inkomensvergelijking=vergelijking,
        opgesteld_door=actor.user,
    )
    contract.full_clean()
    contract.save()
    audit(
        actor,
        Actie.AANGEMAAKT,
        contract,
        na=snapshot(contract, CONTRACT_VELDEN)
        | {
            "totaal_zonder_contract": vergelijking["zonder_contract"]["totaal"],
            "totaal_met_contract": vergelijking["met_contract"]["totaal"],
        },
        persoon_id=persoon.pk,
    )
    return contract


@transaction.atomic
def contract_beeindigen(
    *, actor: Actor, contract: Arbeidscontract, datum: dt.date, reden: str, toelichting: str = ""
) -> Arbeidscontract:
    """End the contract (e.g. the resident took an outside job: reason "extern werk"); the
    placement that belonged to it ends on the same day for the same reason."""
    vereis_beheren(actor, contract.gemeente_id)
    contract = Arbeidscontract.objects.select_for_update().get(pk=contract.pk)
    if contract.beeindigd_op is not None:
        raise ValidationError(_("Dit contract is al beëindigd."))
    if reden not in Beeindigingsreden.values:
        raise ValidationError({"reden": _("Kies een reden.")})
    if datum < contract.begindatum:
        raise ValidationError({"datum": _("De einddatum ligt voor de begindatum.")})
    tekst = reden if not toelichting.strip() else f"{reden}: {toelichting.strip()}"
    voor = snapshot(contract, EINDE_VELDEN)
    contract.beeindigd_op = datum
    contract.beeindigingsreden = tekst[:300]
    contract.full_clean()
    contract.save(update_fields=[*EINDE_VELDEN, "gewijzigd_op"])
    audit(
        actor,
        Actie.BEEINDIGD,
        contract,
        voor=voor,
        na=snapshot(contract, EINDE_VELDEN),
        persoon_id=contract.persoon_id,
    )
    if contract.plaatsing_id and not contract.plaatsing.beeindigingsreden:
        _beeindigen(actor, contract.plaatsing, max(datum, contract.plaatsing.begindatum), tekst)
    return contract
