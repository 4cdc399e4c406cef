"""Postponing the decision (once, with a reason, at most 8 weeks, within the term) and the
worklists of applications near their deadline."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meedoen.core.roles import Rol
from meedoen.testing.uitkering_factories import AanvraagFactory
from meedoen.ui.templatetags.mdn import datum
from meedoen.uitkering.aanvraag import selectors, services
from meedoen.uitkering.models import Aanvraag
from meedoen.uitkering.tests.aanvraag_hulp import inwoner, registreer

pytestmark = pytest.mark.django_db

# Received 5 January 2026: beslistermijn 2 March 2026; 8 weeks later is 27 April 2026
# (2 March + 29 days = 31 March, + 27 days = 27 April).
BINNEN_TERMIJN = dt.date(2026, 2, 20)


def _aanvraag(tenant):
    return registreer(tenant.actor(Rol.INKOMENSCONSULENT), inwoner(tenant))


def test_the_decision_can_be_postponed_once_by_at_most_eight_weeks(tenant_a):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    aanvraag = _aanvraag(tenant_a)
    with pytest.raises(ValidationError) as fout:
        services.verdagen(
            actor=actor,
            aanvraag=aanvraag,
            verdaagd_tot=dt.date(2026, 4, 28),
            reden="Wachten op bankafschriften",
            vandaag=BINNEN_TERMIJN,
        )
    assert fout.value.message_dict["verdaagd_tot"] == [
        "U kunt hoogstens 8 weken verdagen, dus tot en met 27 april 2026."
    ]
    services.verdagen(
        actor=actor,
        aanvraag=aanvraag,
        verdaagd_tot=dt.date(2026, 4, 27),
        reden="Wachten op bankafschriften",
        vandaag=BINNEN_TERMIJN,
    )
    aanvraag.refresh_from_db()
    assert aanvraag.verdaagd_tot == dt.date(2026, 4, 27)
    assert aanvraag.verdagingsreden == "Wachten op bankafschriften"

    with pytest.raises(ValidationError, match="Dat kan maar één keer"):
        services.verdagen(
            actor=actor,
            aanvraag=aanvraag,
            verdaagd_tot=dt.date(2026, 4, 20),
            reden="Nog steeds wachten",
            vandaag=BINNEN_TERMIJN,
        )
    aanvraag.refresh_from_db()
    assert aanvraag.verdaagd_tot == dt.date(2026, 4, 27)


@pytest.mark.parametrize(
    ("verdaagd_tot", "reden", "vandaag", "melding"),
    [
        (dt.date(2026, 3, 2), "Reden", BINNEN_TERMIJN, "na de huidige beslistermijn"),
        (dt.date(2026, 3, 20), "  ", BINNEN_TERMIJN, "waarom het besluit later komt"),
        # The day after the deadline is too late to tell the applicant (Awb art. 4:14).
        (dt.date(2026, 3, 20), "Reden", dt.date(2026, 3, 3), "al voorbij"),
    ],
)
def test_postponing_is_refused_with_a_reason(tenant_a, verdaagd_tot, reden, vandaag, melding):
    aanvraag = _aanvraag(tenant_a)
    with pytest.raises(ValidationError, match=melding):
        services.verdagen(
            actor=tenant_a.actor(Rol.INKOMENSCONSULENT),
            aanvraag=aanvraag,
            verdaagd_tot=verdaagd_tot,
            reden=reden,
            vandaag=vandaag,
        )
    aanvraag.refresh_from_db()
    assert aanvraag.verdaagd_tot is None


def test_a_decided_application_is_not_postponed(tenant_a):
    aanvraag = AanvraagFactory(gemeente=tenant_a.gemeente, status=Aanvraag.Status.AFGEWEZEN)
    with pytest.raises(ValidationError, match="al besloten"):
        services.verdagen(
            actor=tenant_a.actor(Rol.INKOMENSCONSULENT),
            aanvraag=aanvraag,
            verdaagd_tot=dt.date(2026, 3, 20),
            reden="Reden",
            vandaag=BINNEN_TERMIJN,
        )


def _open(tenant, ontvangen, **anders):
    return AanvraagFactory(gemeente=tenant.gemeente, ontvangen_op=ontvangen, **anders)


def test_the_worklist_orders_by_the_deadline_that_applies_now(tenant_a, tenant_b):
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    vandaag = dt.date(2026, 3, 5)
    # Deadlines (receipt + 56 days): 2 March (3 days late), 9 March, 16 March.
    te_laat = _open(tenant_a, dt.date(2026, 1, 5))
    verdaagd = _open(tenant_a, dt.date(2026, 1, 5), verdaagd_tot=dt.date(2026, 4, 1))
    eerst = _open(tenant_a, dt.date(2026, 1, 12), status=Aanvraag.Status.IN_ONDERZOEK)
    later = _open(tenant_a, dt.date(2026, 1, 19), behandelaar=actor.user)
    _open(tenant_a, dt.date(2026, 1, 1), status=Aanvraag.Status.TOEGEKEND)  # decided
    _open(tenant_b, dt.date(2026, 1, 1))  # another gemeente

    regels = selectors.open_aanvragen(actor=actor, vandaag=vandaag)
    assert [r.aanvraag for r in regels] == [te_laat, eerst, later, verdaagd]
    assert [r.dagen_over for r in regels] == [-3, 4, 11, 27]
    assert regels[0].te_laat and regels[0].dagen_te_laat == 3

    mijn = selectors.open_aanvragen(actor=actor, vandaag=vandaag, behandelaar=actor.user)
    assert [r.aanvraag for r in mijn] == [later]
    # Within 7 days or late: 2 March (late) and 9 March (4 days).
    assert [r.aanvraag for r in selectors.bij_de_termijn(actor=actor, vandaag=vandaag)] == [
        te_laat,
        eerst,
    ]


def test_the_list_page_says_in_words_which_applications_are_late(tenant_a, ingelogd):
    user = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    client = ingelogd(user)
    vandaag = timezone.localdate()
    te_laat = _open(tenant_a, vandaag - dt.timedelta(weeks=8, days=2))
    mijn = _open(tenant_a, vandaag - dt.timedelta(weeks=7), behandelaar=user)

    html = client.get(reverse("uitkering:aanvraag_lijst")).content.decode()
    assert "Te laat" in html and "2 dagen over de termijn" in html
    assert "nog 7 dagen" in html
    assert html.index(te_laat.persoon.volledige_naam) < html.index(mijn.persoon.volledige_naam)

    alleen_mijn = client.get(reverse("uitkering:aanvraag_lijst") + "?mijn=1").content.decode()
    assert mijn.persoon.volledige_naam in alleen_mijn
    assert te_laat.persoon.volledige_naam not in alleen_mijn

    start = client.get(reverse("ui:start")).content.decode()
    assert "Aanvragen bij de termijn" in start
    assert te_laat.persoon.volledige_naam in start


def test_postponing_through_the_application_page(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))
    vandaag = timezone.localdate()
    aanvraag = _open(tenant_a, vandaag - dt.timedelta(weeks=1))
    url = reverse("uitkering:aanvraag_detail", args=[aanvraag.pk])
    nieuw = aanvraag.beslistermijn + dt.timedelta(weeks=4)
    fout = client.post(
        url,
        {
            "onderdeel": "verdaging",
            "verdaging-verdaagd_tot": nieuw.isoformat(),
            "verdaging-verdagingsreden": "",
        },
    )
    assert fout.status_code == 200
    assert "Reden voor verdagen: Dit veld is vereist." in fout.content.decode()
    antwoord = client.post(
        url,
        {
            "onderdeel": "verdaging",
            "verdaging-verdaagd_tot": nieuw.isoformat(),
            "verdaging-verdagingsreden": "Wachten op gegevens van het UWV",
        },
    )
    assert antwoord.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.verdaagd_tot == nieuw


def test_the_worklist_shows_the_search_period_of_an_applicant_under_27(tenant_a, ingelogd):
    """Participatiewet art. 41 lid 4: the consulent sees on the worklist that bijstand cannot
    start before the 4-week search period ends, or that maatwerk lifted it."""
    actor = tenant_a.actor(Rol.INKOMENSCONSULENT)
    vandaag = timezone.localdate()
    jong = inwoner(tenant_a, geboortedatum=dt.date(vandaag.year - 22, 1, 1))
    zoekt = registreer(
        actor, jong, ontvangen_op=vandaag, gewenste_ingangsdatum=vandaag, vandaag=vandaag
    )
    maatwerk = registreer(
        actor,
        inwoner(tenant_a, geboortedatum=dt.date(vandaag.year - 20, 1, 1)),
        ontvangen_op=vandaag,
        gewenste_ingangsdatum=vandaag,
        vandaag=vandaag,
        zoektermijn_maatwerk=True,
        zoektermijn_maatwerk_reden="Dakloos: eerst een woonplek.",
    )
    ouder = registreer(
        actor,
        inwoner(tenant_a),
        ontvangen_op=vandaag,
        gewenste_ingangsdatum=vandaag,
        vandaag=vandaag,
    )
    client = ingelogd(tenant_a.gebruiker(Rol.INKOMENSCONSULENT))

    html = client.get(reverse("uitkering:aanvraag_lijst")).content.decode()

    assert f"Jonger dan 27: zoektermijn tot {datum(zoekt.zoektermijn_tot)}" in html
    assert zoekt.zoektermijn_tot == vandaag + dt.timedelta(weeks=4)
    assert "Jonger dan 27: geen zoektermijn (maatwerk)" in html
    assert html.count("Jonger dan 27") == 2  # not for the applicant of 35
    assert ouder.persoon.volledige_naam in html and maatwerk.persoon.volledige_naam in html
