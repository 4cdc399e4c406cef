"""The transition table of an application: every allowed and every forbidden status change,
the outcomes only through a final decision, and who may make which change."""

import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError

from meedoen.core.actor import Geweigerd
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.uitkering_factories import AanvraagFactory, BesluitFactory
from meedoen.uitkering.aanvraag.services import status_wijzigen
from meedoen.uitkering.models import Aanvraag, AanvraagStatus, Besluit, Bezwaar

pytestmark = pytest.mark.django_db

S = Aanvraag.Status
# The flow of issue 4, written out by hand: ingediend -> in onderzoek -> an outcome; bezwaar
# against any outcome, and its end; after a (partly) upheld bezwaar back into investigation for
# a new decision (heroverweging, Awb art. 7:11). Nothing else.
TOEGESTAAN = {
    (S.INGEDIEND, S.IN_ONDERZOEK),
    (S.IN_ONDERZOEK, S.TOEGEKEND),
    (S.IN_ONDERZOEK, S.AFGEWEZEN),
    (S.IN_ONDERZOEK, S.BUITEN_BEHANDELING),
    (S.TOEGEKEND, S.BEZWAAR),
    (S.AFGEWEZEN, S.BEZWAAR),
    (S.BUITEN_BEHANDELING, S.BEZWAAR),
    (S.BEZWAAR, S.BEZWAAR_AFGEHANDELD),
    (S.BEZWAAR_AFGEHANDELD, S.IN_ONDERZOEK),
}
# An outcome is the consequence of a final decision of the matching kind.
UITKOMST = {
    S.TOEGEKEND: Besluit.Soort.TOEKENNING,
    S.AFGEWEZEN: Besluit.Soort.AFWIJZING,
    S.BUITEN_BEHANDELING: Besluit.Soort.BUITEN_BEHANDELING,
}


def _aanvraag(tenant, status):
    return AanvraagFactory(gemeente=tenant.gemeente, status=status)


def _bezwaar(aanvraag, actor, uitkomst, **anders):
    """A bezwaar against a final decision on the application, decided with `uitkomst`."""
    return Bezwaar.objects.create(
        gemeente=aanvraag.gemeente,
        aanvraag=aanvraag,
        besluit=_vastgesteld(aanvraag, Besluit.Soort.AFWIJZING),
        ontvangen_op=dt.date(2026, 2, 1),
        bezwaartermijn_tot=dt.date(2026, 2, 23),
        toelichting="Niet eens.",
        beslist_op=dt.date(2026, 3, 1) if uitkomst else None,
        uitkomst=uitkomst,
        geregistreerd_door=actor.user,
        **anders,
    )


def _vastgesteld(aanvraag, soort):
    return BesluitFactory(
        gemeente=aanvraag.gemeente,
        persoon=aanvraag.persoon,
        huishouden=aanvraag.huishouden,
        aanvraag=aanvraag,
        soort=soort,
    )


@pytest.mark.parametrize(("van", "naar"), list(itertools.product(S.values, S.values)))
def test_every_status_change_is_allowed_or_refused_as_the_table_says(tenant_a, van, naar):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _aanvraag(tenant_a, van)
    besluit = _vastgesteld(aanvraag, UITKOMST[naar]) if naar in UITKOMST else None
    if van == S.BEZWAAR_AFGEHANDELD:
        # Heroverweging needs a gegrond bezwaar (see the test below); the other moves out of
        # "bezwaar afgehandeld" stay refused even with one.
        _bezwaar(aanvraag, actor, Bezwaar.Uitkomst.GEGROND)
    events = AuditEvent.objects.count()

    if (van, naar) in TOEGESTAAN:
        status_wijzigen(actor=actor, aanvraag=aanvraag, naar=naar, reden="reden", besluit=besluit)
        aanvraag.refresh_from_db()
        assert aanvraag.status == naar
        rij = AanvraagStatus.objects.get(aanvraag=aanvraag)
        assert (rij.van, rij.naar, rij.door) == (van, naar, actor.user)
        event = AuditEvent.objects.latest("id")
        assert event.wijzigingen["status"] == [van, naar]
        assert AuditEvent.objects.count() == events + 1
    else:
        with pytest.raises(ValidationError) as fout:
            status_wijzigen(
                actor=actor, aanvraag=aanvraag, naar=naar, reden="reden", besluit=besluit
            )
        assert "kan niet naar" in str(fout.value)
        aanvraag.refresh_from_db()
        assert aanvraag.status == van
        assert not AanvraagStatus.objects.filter(aanvraag=aanvraag).exists()
        assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("naar", list(UITKOMST))
def test_an_outcome_needs_a_final_decision_of_that_kind(tenant_a, naar):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _aanvraag(tenant_a, S.IN_ONDERZOEK)
    andere_soort = next(s for s in UITKOMST.values() if s != UITKOMST[naar])
    wachtend = BesluitFactory(
        gemeente=aanvraag.gemeente,
        persoon=aanvraag.persoon,
        huishouden=aanvraag.huishouden,
        aanvraag=aanvraag,
        soort=UITKOMST[naar],
        status=Besluit.Status.WACHT_OP_ACCORDERING,
    )
    ander_besluit = _vastgesteld(aanvraag, andere_soort)
    van_andere_aanvraag = _vastgesteld(_aanvraag(tenant_a, S.IN_ONDERZOEK), UITKOMST[naar])
    for besluit in (None, wachtend, ander_besluit, van_andere_aanvraag):
        with pytest.raises(ValidationError, match="volgt alleen uit een vastgesteld besluit"):
            status_wijzigen(actor=actor, aanvraag=aanvraag, naar=naar, besluit=besluit)
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.IN_ONDERZOEK


def test_bezwaar_needs_a_reason(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _aanvraag(tenant_a, S.AFGEWEZEN)
    with pytest.raises(ValidationError, match="waarom de status verandert"):
        status_wijzigen(actor=actor, aanvraag=aanvraag, naar=S.BEZWAAR, reden="  ")
    status_wijzigen(actor=actor, aanvraag=aanvraag, naar=S.BEZWAAR, reden="Brief van 3 maart")
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.BEZWAAR


def test_taking_an_application_into_investigation_makes_you_its_handler(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _aanvraag(tenant_a, S.INGEDIEND)
    assert aanvraag.behandelaar is None
    status_wijzigen(actor=actor, aanvraag=aanvraag, naar=S.IN_ONDERZOEK)
    aanvraag.refresh_from_db()
    assert aanvraag.behandelaar == actor.user


def test_a_teamleider_approves_but_does_not_handle_applications(tenant_a):
    teamleider = tenant_a.actor(Rol.TEAMLEIDER)
    aanvraag = _aanvraag(tenant_a, S.INGEDIEND)
    with pytest.raises(Geweigerd):
        status_wijzigen(actor=teamleider, aanvraag=aanvraag, naar=S.IN_ONDERZOEK)
    # ... but as the second pair of eyes their approval does move the outcome.
    onderzocht = _aanvraag(tenant_a, S.IN_ONDERZOEK)
    besluit = _vastgesteld(onderzocht, Besluit.Soort.TOEKENNING)
    status_wijzigen(actor=teamleider, aanvraag=onderzocht, naar=S.TOEGEKEND, besluit=besluit)
    onderzocht.refresh_from_db()
    assert onderzocht.status == S.TOEGEKEND


def test_no_status_change_without_the_capability_or_outside_the_gemeente(tenant_a, tenant_b):
    aanvraag = _aanvraag(tenant_a, S.INGEDIEND)
    with pytest.raises(Geweigerd):
        status_wijzigen(
            actor=tenant_a.actor(Rol.KLANTMANAGER), aanvraag=aanvraag, naar=S.IN_ONDERZOEK
        )
    with pytest.raises(Geweigerd):
        status_wijzigen(
            actor=tenant_b.actor(Rol.INKOMENSCONSULENT), aanvraag=aanvraag, naar=S.IN_ONDERZOEK
        )
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.INGEDIEND


@pytest.mark.parametrize(
    ("uitkomst", "al_heroverwogen", "toegestaan"),
    [
        (Bezwaar.Uitkomst.GEGROND, False, True),
        (Bezwaar.Uitkomst.DEELS_GEGROND, False, True),
        (Bezwaar.Uitkomst.ONGEGROND, False, False),
        (Bezwaar.Uitkomst.NIET_ONTVANKELIJK, False, False),
        (Bezwaar.Uitkomst.INGETROKKEN, False, False),
        (Bezwaar.Uitkomst.GEGROND, True, False),  # once per bezwaar
        (None, False, False),  # no bezwaar recorded as data at all
    ],
)
def test_back_into_investigation_only_after_a_gegrond_bezwaar_and_only_once(
    tenant_a, uitkomst, al_heroverwogen, toegestaan
):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _aanvraag(tenant_a, S.BEZWAAR_AFGEHANDELD)
    if uitkomst is not None:
        _bezwaar(
            aanvraag,
            actor,
            uitkomst,
            heroverweging_op=dt.date(2026, 3, 2) if al_heroverwogen else None,
        )
    events = AuditEvent.objects.count()

    if toegestaan:
        status_wijzigen(actor=actor, aanvraag=aanvraag, naar=S.IN_ONDERZOEK, reden="Herzien")
        aanvraag.refresh_from_db()
        assert aanvraag.status == S.IN_ONDERZOEK
    else:
        with pytest.raises(ValidationError, match="alleen na een bezwaar dat \\(deels\\) gegrond"):
            status_wijzigen(actor=actor, aanvraag=aanvraag, naar=S.IN_ONDERZOEK, reden="Herzien")
        aanvraag.refresh_from_db()
        assert aanvraag.status == S.BEZWAAR_AFGEHANDELD
        assert not AanvraagStatus.objects.filter(aanvraag=aanvraag).exists()
        assert AuditEvent.objects.count() == events
