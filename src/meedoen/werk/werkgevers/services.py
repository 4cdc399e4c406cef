"""Writes for employers, contact persons and vacancies. Each service checks the capability and
the gemeente, uses full_clean() before save() and records an audit event in the same
transaction."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meedoen.core.actor import Actor, Geweigerd
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen, wijzigingen_tussen
from meedoen.core.roles import Bevoegdheid
from meedoen.werk import taxonomie
from meedoen.werk.models import Contactpersoon, Vacature, Werkgever
from meedoen.werk.werkgevers.kvk import kvk_fout, normaliseer_kvk
from meedoen.werk.werkgevers.postcode import normaliseer_postcode

DOEL = "werkgeversdienstverlening"
WERKGEVER_VELDEN = ("naam", "kvk_nummer", "sector", "postcode", "plaats", "accounthouder")
CONTACT_VELDEN = ("naam", "functie", "telefoon", "email")
VACATURE_VELDEN = (
    "werkgever",
    "titel",
    "beroep",
    "omschrijving",
    "vaardigheden_vereist",
    "vaardigheden_gewenst",
    "opleidingsniveau_min",
    "uren_per_week",
    "postcode",
    "rijbewijs_nodig",
    "startdatum",
    "plaatsen",
    "contractvorm",
    "geschikt_loonkostensubsidie",
    "geschikt_beschut_werk",
)
# Which status may follow which; a filled or closed vacancy can be opened again (e.g. when the
# placement did not work out).
VACATURE_OVERGANGEN = {
    Vacature.Status.OPEN: {Vacature.Status.GESLOTEN, Vacature.Status.VERVULD},
    Vacature.Status.GESLOTEN: {Vacature.Status.OPEN},
    Vacature.Status.VERVULD: {Vacature.Status.OPEN},
}


def vereis_beheren(actor: Actor, gemeente_id: int) -> None:
    actor.vereis(Bevoegdheid.WERKGEVERS_BEHEREN)
    if gemeente_id not in actor.gemeente_ids:
        raise Geweigerd("gemeente buiten bereik")


def _waarden(obj, velden) -> dict[str, Any]:
    return {v: getattr(obj, v) for v in velden}


def _audit(actor, actie, obj, voor, na) -> None:
    audit_vastleggen(
        actor=actor, actie=actie, doel=DOEL, obj=obj, wijzigingen=wijzigingen_tussen(voor, na)
    )


# Werkgevers ----------------------------------------------------------------------------------


def werkgever_met_kvk(*, gemeente_id: int, kvk_nummer: str) -> Werkgever | None:
    return Werkgever.objects.filter(
        gemeente_id=gemeente_id, kvk_nummer=normaliseer_kvk(kvk_nummer)
    ).first()


@transaction.atomic
def werkgever_opslaan(
    *,
    actor: Actor,
    gegevens: Mapping[str, Any],
    gemeente=None,
    werkgever: Werkgever | None = None,
) -> Werkgever:
    """Create an employer in `gemeente`, or change `werkgever`. The KvK number is unique per
    gemeente (one employer may be known in several gemeenten)."""
    nieuw = werkgever is None
    gemeente_id = gemeente.pk if nieuw else werkgever.gemeente_id
    vereis_beheren(actor, gemeente_id)
    gegevens = {v: gegevens[v] for v in WERKGEVER_VELDEN if v in gegevens}
    fouten = {}
    if "kvk_nummer" in gegevens:
        if (fout := kvk_fout(gegevens["kvk_nummer"])) is not None:
            fouten["kvk_nummer"] = fout
        gegevens["kvk_nummer"] = normaliseer_kvk(gegevens["kvk_nummer"])
    if gegevens.get("postcode"):
        postcode = normaliseer_postcode(gegevens["postcode"])
        if postcode is None:
            fouten["postcode"] = _("Vul een postcode in zoals 1234 AB.")
        gegevens["postcode"] = postcode or gegevens["postcode"]
    if "kvk_nummer" not in fouten and "kvk_nummer" in gegevens:
        bestaand = werkgever_met_kvk(gemeente_id=gemeente_id, kvk_nummer=gegevens["kvk_nummer"])
        if bestaand is not None and bestaand != werkgever:
            fouten["kvk_nummer"] = _(
                "Er is al een werkgever met dit KvK-nummer in deze gemeente: %(naam)s."
            ) % {"naam": bestaand.naam}
    if fouten:
        raise ValidationError(fouten)
    if nieuw:
        werkgever = Werkgever(gemeente_id=gemeente_id)
        voor = {}
    else:
        voor = _waarden(werkgever, WERKGEVER_VELDEN)
    for veld, waarde in gegevens.items():
        setattr(werkgever, veld, waarde)
    werkgever.full_clean()
    werkgever.save()
    _audit(
        actor,
        Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        werkgever,
        voor,
        _waarden(werkgever, WERKGEVER_VELDEN),
    )
    return werkgever


@transaction.atomic
def contactpersoon_opslaan(
    *,
    actor: Actor,
    gegevens: Mapping[str, Any],
    werkgever: Werkgever | None = None,
    contactpersoon: Contactpersoon | None = None,
) -> Contactpersoon:
    nieuw = contactpersoon is None
    if nieuw:
        contactpersoon = Contactpersoon(werkgever=werkgever, gemeente_id=werkgever.gemeente_id)
    vereis_beheren(actor, contactpersoon.gemeente_id)
    voor = {} if nieuw else _waarden(contactpersoon, CONTACT_VELDEN)
    for veld in CONTACT_VELDEN:
        if veld in gegevens:
            setattr(contactpersoon, veld, gegevens[veld])
    contactpersoon.full_clean()
    contactpersoon.save()
    _audit(
        actor,
        Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        contactpersoon,
        voor,
        _waarden(contactpersoon, CONTACT_VELDEN),
    )
    return contactpersoon


@transaction.atomic
def contactpersoon_verwijderen(*, actor: Actor, contactpersoon: Contactpersoon) -> None:
    vereis_beheren(actor, contactpersoon.gemeente_id)
    _audit(actor, Actie.BEEINDIGD, contactpersoon, _waarden(contactpersoon, CONTACT_VELDEN), {})
    contactpersoon.delete()


# Vacatures -----------------------------------------------------------------------------------


def vacature_fouten(gegevens: Mapping[str, Any]) -> dict[str, str]:
    """Checks that need the taxonomy or Dutch formats (the model checks the rest)."""
    fouten = {}
    beroep = gegevens.get("beroep") or ""
    if not taxonomie.is_beroep(beroep):
        fouten["beroep"] = _("Kies een beroep uit de lijst.")
    for veld in ("vaardigheden_vereist", "vaardigheden_gewenst"):
        onbekend = [c for c in gegevens.get(veld) or [] if not taxonomie.is_vaardigheid(c)]
        if onbekend:
            fouten[veld] = _("Onbekende vaardigheid: %(codes)s.") % {"codes": ", ".join(onbekend)}
    dubbel = set(gegevens.get("vaardigheden_vereist") or []) & set(
        gegevens.get("vaardigheden_gewenst") or []
    )
    if dubbel and "vaardigheden_gewenst" not in fouten:
        fouten["vaardigheden_gewenst"] = _(
            "Een vaardigheid is vereist of gewenst, niet allebei: %(namen)s."
        ) % {"namen": ", ".join(taxonomie.label(c) for c in sorted(dubbel))}
    if normaliseer_postcode(gegevens.get("postcode") or "") is None:
        fouten["postcode"] = _("Vul een postcode in zoals 1234 AB.")
    return fouten


@transaction.atomic
def vacature_opslaan(
    *, actor: Actor, gegevens: Mapping[str, Any], vacature: Vacature | None = None
) -> Vacature:
    gegevens = {v: gegevens[v] for v in VACATURE_VELDEN if v in gegevens}
    werkgever = gegevens.get("werkgever") or (vacature.werkgever if vacature else None)
    if werkgever is None:
        raise ValidationError({"werkgever": _("Kies een werkgever.")})
    vereis_beheren(actor, werkgever.gemeente_id)
    nieuw = vacature is None
    if not nieuw and werkgever.gemeente_id != vacature.gemeente_id:
        raise ValidationError({"werkgever": _("Kies een werkgever uit dezelfde gemeente.")})
    huidig = {} if nieuw else _waarden(vacature, VACATURE_VELDEN)
    samen = {**huidig, **gegevens}
    if fouten := vacature_fouten(samen):
        raise ValidationError(fouten)
    for veld in ("vaardigheden_vereist", "vaardigheden_gewenst"):
        samen[veld] = list(dict.fromkeys(samen.get(veld) or []))
    samen["postcode"] = normaliseer_postcode(samen["postcode"])
    if nieuw:
        vacature = Vacature(gemeente_id=werkgever.gemeente_id, ingevoerd_door=actor.user)
    for veld, waarde in samen.items():
        setattr(vacature, veld, waarde)
    vacature.full_clean()
    vacature.save()
    _audit(
        actor,
        Actie.AANGEMAAKT if nieuw else Actie.GEWIJZIGD,
        vacature,
        huidig,
        _waarden(vacature, VACATURE_VELDEN),
    )
    return vacature


@transaction.atomic
def vacature_status_wijzigen(*, actor: Actor, vacature: Vacature, status: str) -> Vacature:
    vereis_beheren(actor, vacature.gemeente_id)
    vacature = Vacature.objects.select_for_update().get(pk=vacature.pk)
    if status not in VACATURE_OVERGANGEN.get(vacature.status, set()):
        raise ValidationError(
            _("Een vacature met status '%(van)s' kan niet naar '%(naar)s'.")
            % {
                "van": vacature.get_status_display(),
                "naar": Vacature.Status(status).label if status in Vacature.Status else status,
            }
        )
    voor = {"status": vacature.status}
    vacature.status = status
    vacature.save(update_fields=["status", "gewijzigd_op"])
    _audit(
        actor,
        Actie.BEEINDIGD if status != Vacature.Status.OPEN else Actie.GEWIJZIGD,
        vacature,
        voor,
        {"status": status},
    )
    return vacature
