"""Bijzondere bijstand: requests with evidence and the draagkracht calculation, and the
decision by a person with its letter (the policy is in `beheer.py`, the norm in `norm.py`).
A toekenning is paid by the next payment run (status toegekend and no betaling yet)."""

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
from meedoen.uitkering.bijzondere.beheer import draagkrachtbeleid_van
from meedoen.uitkering.bijzondere.bestanden import valideer_bewijs, veilige_naam
from meedoen.uitkering.bijzondere.brief import bijzondere_brief_opslaan
from meedoen.uitkering.bijzondere.draagkracht import bereken_draagkracht
from meedoen.uitkering.bijzondere.norm import norm_voor
from meedoen.uitkering.models import BijzondereBijstand, KostenCategorie

DOEL = "bijzondere bijstand"


# Requests and decisions -----------------------------------------------------------------------


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
    norm_cent, antwoord = norm_voor(actor=actor, persoon=persoon, datum=ingediend_op)
    berekening = bereken_draagkracht(
        inkomen_cent=inkomen_cent,
        norm_cent=norm_cent,
        kosten_cent=bedrag_cent,
        maximum_cent=categorie.maximum_cent,
        beleid=draagkrachtbeleid_van(persoon.gemeente_id),
    )
    aanvraag = BijzondereBijstand(
        gemeente_id=persoon.gemeente_id,
        persoon=persoon,
        huishouden=huishouden.huishouden,
        categorie=categorie,
        omschrijving=omschrijving.strip(),
        bedrag_cent=bedrag_cent,
        ingediend_op=ingediend_op,
        iban=iban,
        tenaamstelling=tenaamstelling,
        draagkracht=berekening.als_json()
        | {"norm_uitleg": [s for s in antwoord.get("explanation", []) if s["code"] == "NORM"]},
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
            "toekenning_volgens_berekening_cent": [None, berekening.toekenning_cent],
        },
    )
    return aanvraag


class Uitkomst:
    TOEGEKEND = BijzondereBijstand.Status.TOEGEKEND
    AFGEWEZEN = BijzondereBijstand.Status.AFGEWEZEN
    KEUZES = [
        (BijzondereBijstand.Status.TOEGEKEND.value, gettext_lazy("Toekennen")),
        (BijzondereBijstand.Status.AFGEWEZEN.value, gettext_lazy("Afwijzen")),
    ]


@transaction.atomic
def beslissen(
    *, actor: Actor, aanvraag: BijzondereBijstand, besluit: str, gronden: str
) -> BijzondereBijstand:
    actor.vereis(Bevoegdheid.UITKERING_BEHANDELEN)
    if aanvraag.gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")
    aanvraag = BijzondereBijstand.objects.select_for_update().get(pk=aanvraag.pk)
    if aanvraag.status != BijzondereBijstand.Status.INGEDIEND:
        raise ValidationError(_("Over deze aanvraag is al beslist."))
    if besluit not in (Uitkomst.TOEGEKEND, Uitkomst.AFGEWEZEN):
        raise ValidationError({"besluit": _("Kies toekennen of afwijzen.")})
    gronden = gronden.strip()
    if not gronden:
        raise ValidationError({"gronden": _("Schrijf op waarom u zo beslist.")})
    toekenning = int(aanvraag.draagkracht.get("toekenning_cent") or 0)
    if besluit == Uitkomst.TOEGEKEND:
        if toekenning <= 0:
            raise ValidationError(
                {
                    "besluit": _(
                        "Volgens de berekening is er niets toe te kennen: de draagkracht is "
                        "even hoog als of hoger dan de kosten. Wijs de aanvraag af."
                    )
                }
            )
        if not aanvraag.iban:
            raise ValidationError(
                {"besluit": _("Er is geen rekeningnummer om het bedrag naar over te maken.")}
            )
        aanvraag.toegekend_cent = toekenning
    aanvraag.status = besluit
    aanvraag.gronden = gronden
    aanvraag.beslist_door = actor.user
    aanvraag.beslist_op = timezone.now()
    aanvraag.full_clean()
    aanvraag.save()
    bijzondere_brief_opslaan(aanvraag=aanvraag)
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel=DOEL,
        obj=aanvraag,
        persoon_id=aanvraag.persoon_id,
        wijzigingen={
            "status": [BijzondereBijstand.Status.INGEDIEND, aanvraag.status],
            "toegekend_cent": [None, aanvraag.toegekend_cent],
        },
    )
    return aanvraag
