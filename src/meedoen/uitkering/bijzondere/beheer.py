"""The gemeente's policy for bijzondere bijstand, kept by the functioneel beheerder: the
catalogue of costs (KostenCategorie), and the draagkracht parameters and the four-eyes limit on
Inkomensbeleid."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.models import Gemeente
from meedoen.core.roles import Bevoegdheid
from meedoen.uitkering.bijzondere.draagkracht import Draagkrachtbeleid
from meedoen.uitkering.models import Inkomensbeleid, KostenCategorie

DOEL_BEHEER = "configuratie bijzondere bijstand"


def _vereis_beheer(actor: Actor, gemeente: Gemeente) -> None:
    actor.vereis(Bevoegdheid.BEHEER)
    if gemeente.pk not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


CATEGORIE_VELDEN = ("naam", "maximum_cent", "toelichting", "actief")


@transaction.atomic
def kostencategorie_opslaan(
    *,
    actor: Actor,
    gemeente: Gemeente,
    gegevens: dict,
    categorie: KostenCategorie | None = None,
) -> KostenCategorie:
    _vereis_beheer(actor, gemeente)
    nieuw = categorie is None
    if nieuw:
        categorie = KostenCategorie(gemeente=gemeente)
    elif categorie.gemeente_id != gemeente.pk:
        raise Geweigerd("categorie van een andere gemeente")
    voor = {v: getattr(categorie, v) for v in CATEGORIE_VELDEN}
    for veld in CATEGORIE_VELDEN:
        if veld in gegevens:
            setattr(categorie, veld, gegevens[veld])
    categorie.naam = categorie.naam.strip()
    if (
        KostenCategorie.objects.filter(gemeente=gemeente, naam__iexact=categorie.naam)
        .exclude(pk=categorie.pk)
        .exists()
    ):
        raise ValidationError({"naam": _("Deze gemeente heeft al een categorie met deze naam.")})
    categorie.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            categorie.save()
    except IntegrityError as exc:  # a simultaneous save with the same name
        raise ValidationError(
            {"naam": _("Deze gemeente heeft al een categorie met deze naam.")}
        ) from exc
    audit_vastleggen(
        actor=actor,
        actie=Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        doel=DOEL_BEHEER,
        obj=categorie,
        wijzigingen=wijzigingen_tussen(voor, {v: getattr(categorie, v) for v in CATEGORIE_VELDEN}),
    )
    return categorie


DRAAGKRACHT_VELDEN = (
    "draagkrachtvrije_voet_percentage",
    "draagkracht_percentage",
    "draagkracht_periode_maanden",
    "bijzondere_vier_ogen_grens_cent",
)


@transaction.atomic
def draagkrachtbeleid_instellen(
    *, actor: Actor, gemeente: Gemeente, gegevens: dict
) -> Inkomensbeleid:
    _vereis_beheer(actor, gemeente)
    beleid, _nieuw = Inkomensbeleid.objects.select_for_update().get_or_create(gemeente=gemeente)
    voor = {v: getattr(beleid, v) for v in DRAAGKRACHT_VELDEN}
    for veld in DRAAGKRACHT_VELDEN:
        if veld in gegevens:
            setattr(beleid, veld, gegevens[veld])
    beleid.full_clean()
    beleid.save()
    audit_vastleggen(
        actor=actor,
        actie=Actie.GEWIJZIGD,
        doel="configuratie inkomensbeleid",
        obj=beleid,
        gemeente=gemeente,
        wijzigingen=wijzigingen_tussen(voor, {v: getattr(beleid, v) for v in DRAAGKRACHT_VELDEN}),
    )
    return beleid


def draagkrachtbeleid_van(gemeente_id: int) -> Draagkrachtbeleid:
    beleid = Inkomensbeleid.objects.filter(gemeente_id=gemeente_id).first() or Inkomensbeleid()
    return Draagkrachtbeleid(
        voet_percentage=beleid.draagkrachtvrije_voet_percentage,
        draagkracht_percentage=beleid.draagkracht_percentage,
        periode_maanden=beleid.draagkracht_periode_maanden,
    )


def vier_ogen_grens_cent(gemeente_id: int) -> int:
    """Above this amount a toekenning of bijzondere bijstand needs a second person."""
    beleid = Inkomensbeleid.objects.filter(gemeente_id=gemeente_id).first() or Inkomensbeleid()
    return beleid.bijzondere_vier_ogen_grens_cent
