"""Bijzondere bijstand: requests with evidence and the draagkracht calculation, and the
decision by a person with its letter (the policy is in `beheer.py`, the norm in `norm.py`, the
second person's approval in `accorderen.py`). A request dated in a month without legal amounts
is registered without a calculation and calculated later (`draagkracht_berekenen`). A final
toekenning is paid by the next payment run (status toegekend and no betaling yet)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meedoen.clients import selectors as clients_selectors
from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.money import format_euro_nl
from meedoen.uitkering.bijzondere.beheer import draagkrachtbeleid_van, vier_ogen_grens_cent
from meedoen.uitkering.bijzondere.bestanden import valideer_bewijs, veilige_naam
from meedoen.uitkering.bijzondere.brief import bijzondere_brief_opslaan
from meedoen.uitkering.bijzondere.draagkracht import bereken_draagkracht
from meedoen.uitkering.bijzondere.norm import BedragenOntbreken, norm_voor
from meedoen.uitkering.models import BijzondereBijstand, KostenCategorie

DOEL = "bijzondere bijstand"


# Requests and the calculation ------------------------------------------------------------


def _draagkracht(
    *, actor: Actor, persoon, datum: dt.date, inkomen_cent: int, kosten_cent: int, categorie
) -> dict:
    """The calculation as stored on the request. Raises BedragenOntbreken when the month's
    legal amounts are not in the engine yet."""
    norm_cent, antwoord = norm_voor(actor=actor, persoon=persoon, datum=datum)
    berekening = bereken_draagkracht(
        inkomen_cent=inkomen_cent,
        norm_cent=norm_cent,
        kosten_cent=kosten_cent,
        maximum_cent=categorie.maximum_cent,
        beleid=draagkrachtbeleid_van(persoon.gemeente_id),
    )
    return berekening.als_json() | {
        "norm_uitleg": [s for s in antwoord.get("explanation", []) if s["code"] == "NORM"]
    }


@transaction.atomic
def aanvraag_registreren(
    *,
    actor: Actor,
    persoon,
    categorie: KostenCategorie,
    omschrijving: str,
    bedrag_cent: int,
    inkomen_cent: int,
    ingediend_op: dt.date,
    iban: str = "",
    tenaamstelling: str = "",
    bewijs=None,
) -> BijzondereBijstand:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    if persoon.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    if categorie.gemeente_id != persoon.gemeente_id or not categorie.actief:
        raise ValidationError(
            {"categorie": _("Kies een categorie van de gemeente van de inwoner.")}
        )
    if bedrag_cent <= 0:
        raise ValidationError({"bedrag": _("Vul een bedrag in van meer dan € 0.")})
    if inkomen_cent < 0:
        raise ValidationError({"inkomen": _("Een inkomen kan niet negatief zijn.")})
    if ingediend_op > timezone.localdate():
        raise ValidationError({"ingediend_op": _("De datum kan niet in de toekomst liggen.")})
    if bewijs:
        try:
            valideer_bewijs(bewijs)
        except ValidationError as exc:
            raise ValidationError({"bewijs": exc.messages}) from exc
        veilige_naam(bewijs)
    huishouden = clients_selectors.huishouden_van(persoon=persoon, datum=ingediend_op)
    if huishouden is None:
        raise ValidationError(
            {"ingediend_op": _("De inwoner hoorde op deze datum niet bij een huishouden.")}
        )
    try:
        draagkracht = _draagkracht(
            actor=actor,
            persoon=persoon,
            datum=ingediend_op,
            inkomen_cent=inkomen_cent,
            kosten_cent=bedrag_cent,
            categorie=categorie,
        )
    except BedragenOntbreken:
        # The request and its receipt date count now; the calculation waits for the amounts.
        draagkracht = {}
    aanvraag = BijzondereBijstand(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        huishouden=huishouden.huishouden,
        categorie=categorie,
        omschrijving=omschrijving.strip(),
        bedrag_cent=bedrag_cent,
        inkomen_cent=inkomen_cent,
        ingediend_op=ingediend_op,
        iban=iban,
        tenaamstelling=tenaamstelling,
        draagkracht=draagkracht,
    )
    if bewijs:
        aanvraag.bewijs = bewijs
    aanvraag.full_clean()
    aanvraag.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT,
        doel=DOEL,
        obj=aanvraag,
        persoon_id=persoon.pk,
        wijzigingen={
            "categorie": [None, categorie.naam],
            "bedrag_cent": [None, bedrag_cent],
            "toekenning_volgens_berekening_cent": [None, draagkracht.get("toekenning_cent")],
        },
    )
    return aanvraag


def _vergrendeld(actor: Actor, aanvraag: BijzondereBijstand) -> BijzondereBijstand:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    if aanvraag.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    aanvraag = BijzondereBijstand.objects.select_for_update().get(pk=aanvraag.pk)
    if aanvraag.status == BijzondereBijstand.Status.WACHT_OP_ACCORDERING:
        raise ValidationError(_("Er wacht al een besluit op accordering door een collega."))
    if aanvraag.status != BijzondereBijstand.Status.INGEDIEND:
        raise ValidationError(_("Over deze aanvraag is al beslist."))
    return aanvraag


@transaction.atomic
def draagkracht_berekenen(*, actor: Actor, aanvraag: BijzondereBijstand) -> BijzondereBijstand:
    """(Re)calculate the draagkracht of an undecided request with the engine's amounts for its
    month and the gemeente's current policy. Raises BedragenOntbreken while they are missing."""
    aanvraag = _vergrendeld(actor, aanvraag)
    inkomen_cent = aanvraag.inkomen_cent
    if inkomen_cent is None:  # stored before the income had its own field
        inkomen_cent = aanvraag.draagkracht.get("inkomen_cent")
    if inkomen_cent is None:
        raise ValidationError(_("Het inkomen van deze aanvraag is niet bekend."))
    voor = aanvraag.draagkracht.get("toekenning_cent")
    aanvraag.draagkracht = _draagkracht(
        actor=actor,
        persoon=aanvraag.persoon,
        datum=aanvraag.ingediend_op,
        inkomen_cent=inkomen_cent,
        kosten_cent=aanvraag.bedrag_cent,
        categorie=aanvraag.categorie,
    )
    aanvraag.inkomen_cent = inkomen_cent
    aanvraag.full_clean()
    aanvraag.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=aanvraag,
        persoon_id=aanvraag.persoon_id,
        wijzigingen={
            "toekenning_volgens_berekening_cent": [voor, aanvraag.draagkracht["toekenning_cent"]]
        },
    )
    return aanvraag


# The decision ---------------------------------------------------------------------------------


class Uitkomst:
    TOEGEKEND = BijzondereBijstand.Status.TOEGEKEND
    AFGEWEZEN = BijzondereBijstand.Status.AFGEWEZEN
    KEUZES = [
        (BijzondereBijstand.Status.TOEGEKEND.value, gettext_lazy("Toekennen")),
        (BijzondereBijstand.Status.AFGEWEZEN.value, gettext_lazy("Afwijzen")),
    ]


def _toe_te_kennen(
    aanvraag: BijzondereBijstand, bedrag_cent: int | None, maatwerk_reden: str, boven_kosten: bool
) -> int:
    """The amount of a toekenning: the calculation's, or a maatwerk amount with its reason.
    Raises ValidationError with every problem at once."""
    if not aanvraag.draagkracht:
        raise ValidationError(
            {
                "besluit": _(
                    "Bereken eerst de draagkracht. Dat kan zodra de wettelijke bedragen voor "
                    "deze maand er zijn. Afwijzen kan wel zonder berekening."
                )
            }
        )
    berekend = int(aanvraag.draagkracht.get("toekenning_cent") or 0)
    bedrag = berekend if bedrag_cent is None else bedrag_cent
    fouten: dict[str, str] = {}
    if bedrag < 0:
        fouten["bedrag"] = _("Een bedrag kan niet negatief zijn.")
    elif bedrag == 0:
        fout = _("Een toekenning van € 0 is geen toekenning. Wijs de aanvraag af.")
        if berekend == 0:
            fout = _(
                "Volgens de berekening is er niets toe te kennen: de draagkracht is even hoog "
                "als of hoger dan de kosten. Wijs de aanvraag af, of vul een ander bedrag in "
                "met de reden."
            )
        fouten["bedrag" if bedrag_cent is not None else "besluit"] = fout
    if bedrag != berekend and not maatwerk_reden:
        fouten["maatwerk_reden"] = _(
            "Schrijf op waarom u een ander bedrag toekent dan de berekening (%(berekend)s). "
            "Dit komt in de brief."
        ) % {"berekend": format_euro_nl(berekend)}
    if bedrag > aanvraag.bedrag_cent and not boven_kosten:
        fouten["boven_kosten"] = _(
            "U kent meer toe dan de gevraagde %(gevraagd)s. Vink aan dat dit de bedoeling is en "
            "leg in de reden uit waarom."
        ) % {"gevraagd": format_euro_nl(aanvraag.bedrag_cent)}
    if fouten:
        raise ValidationError(fouten)
    return bedrag


@transaction.atomic
def beslissen(
    *,
    actor: Actor,
    aanvraag: BijzondereBijstand,
    besluit: str,
    gronden: str,
    bedrag_cent: int | None = None,
    maatwerk_reden: str = "",
    boven_kosten: bool = False,
) -> BijzondereBijstand:
    """Toekennen (the calculation's amount, or a maatwerk amount with a reason) or afwijzen,
    with grounds. A toekenning above the gemeente's limit or with a maatwerk amount waits for a
    colleague (`accorderen.py`); otherwise it is final and the letter is made."""
    aanvraag = _vergrendeld(actor, aanvraag)
    if besluit not in (Uitkomst.TOEGEKEND, Uitkomst.AFGEWEZEN):
        raise ValidationError({"besluit": _("Kies toekennen of afwijzen.")})
    gronden = gronden.strip()
    if not gronden:
        raise ValidationError({"gronden": _("Schrijf op waarom u zo beslist.")})
    maatwerk_reden = maatwerk_reden.strip()
    berekend = aanvraag.draagkracht.get("toekenning_cent")
    aanvraag.voorgesteld_cent = aanvraag.toegekend_cent = None
    aanvraag.maatwerk_reden = ""
    aanvraag.status = besluit
    if besluit == Uitkomst.TOEGEKEND:
        bedrag = _toe_te_kennen(aanvraag, bedrag_cent, maatwerk_reden, boven_kosten)
        if not aanvraag.iban:
            raise ValidationError(
                {"besluit": _("Er is geen rekeningnummer om het bedrag naar over te maken.")}
            )
        maatwerk = bedrag != berekend
        aanvraag.voorgesteld_cent = bedrag
        aanvraag.maatwerk_reden = maatwerk_reden if maatwerk else ""
        if maatwerk or bedrag > vier_ogen_grens_cent(aanvraag.gemeente_id):
            aanvraag.status = BijzondereBijstand.Status.WACHT_OP_ACCORDERING
        else:
            aanvraag.toegekend_cent = bedrag
    aanvraag.gronden = gronden
    aanvraag.beslist_door = actor.user
    aanvraag.beslist_op = timezone.now()
    # A decision sent back earlier starts afresh: the next approver is recorded anew.
    aanvraag.geaccordeerd_door = None
    aanvraag.geaccordeerd_op = None
    aanvraag.accordering_toelichting = ""
    aanvraag.full_clean()
    aanvraag.save()
    if aanvraag.status != BijzondereBijstand.Status.WACHT_OP_ACCORDERING:
        bijzondere_brief_opslaan(aanvraag=aanvraag)
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=aanvraag,
        persoon_id=aanvraag.persoon_id,
        wijzigingen={
            "status": [BijzondereBijstand.Status.INGEDIEND, aanvraag.status],
            "volgens_berekening_cent": [None, berekend],
            "voorgesteld_cent": [None, aanvraag.voorgesteld_cent],
            "toegekend_cent": [None, aanvraag.toegekend_cent],
            "maatwerk_reden": [None, aanvraag.maatwerk_reden or None],
        },
    )
    return aanvraag
