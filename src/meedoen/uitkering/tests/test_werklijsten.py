"""The inkomensconsulent's worklists on the start page: which households count as "income report
missing" for which month, which applications are near their deadline, which proposals and
herzieningen wait — only for the consulent's own gemeenten, each item linking to the page
where the work is done."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from meedoen.core.roles import Rol
from meedoen.testing import uitkering_factories as uf
from meedoen.testing.factories import PersoonFactory
from meedoen.uitkering.aanvraag import selectors as aanvraag_selectors
from meedoen.uitkering.betalingen import maanden
from meedoen.uitkering.betalingen import selectors as betalingen_selectors
from meedoen.uitkering.models import Aanvraag, Besluit, Betaalvoorstel, Herziening

pytestmark = pytest.mark.django_db

JANUARI = dt.date(2026, 1, 1)
OKTOBER = dt.date(2026, 10, 1)


def _toekenning(tenant, **waarden):
    return uf.ToekenningFactory(gemeente=tenant.gemeente, **({"ingangsdatum": JANUARI} | waarden))


def _namen(huishoudens):
    return {h.aanvrager_id for h in huishoudens}


def test_income_report_missing_means_bijstand_in_that_month_and_no_report_for_it(
    tenant_a, tenant_b
):
    consulent = tenant_a.actor(Rol.INKOMENSCONSULENT)
    ontbreekt = _toekenning(tenant_a)
    ook_september_binnen = _toekenning(tenant_a)
    uf.InkomstenopgaveFactory(
        gemeente=tenant_a.gemeente,
        huishouden=ook_september_binnen.huishouden,
        persoon=ook_september_binnen.persoon,
        maand=dt.date(2026, 9, 1),
    )
    binnen = _toekenning(tenant_a)
    uf.InkomstenopgaveFactory(
        gemeente=tenant_a.gemeente,
        huishouden=binnen.huishouden,
        persoon=binnen.persoon,
        maand=OKTOBER,
    )
    # Stopped before October: an einddatum in September, or a beëindiging from 1 October.
    _toekenning(tenant_a, einddatum=dt.date(2026, 9, 30))
    beeindigd = _toekenning(tenant_a)
    uf.BesluitFactory(
        gemeente=tenant_a.gemeente,
        persoon=beeindigd.persoon,
        huishouden=beeindigd.huishouden,
        soort=Besluit.Soort.BEEINDIGING,
        ingangsdatum=OKTOBER,
        bedrag_per_maand_cent=None,
    )
    # Stopped on 15 October: October was still (partly) paid, so its income counts.
    half_oktober = _toekenning(tenant_a)
    uf.BesluitFactory(
        gemeente=tenant_a.gemeente,
        persoon=half_oktober.persoon,
        huishouden=half_oktober.huishouden,
        soort=Besluit.Soort.BEEINDIGING,
        ingangsdatum=dt.date(2026, 10, 15),
        bedrag_per_maand_cent=None,
    )
    # A later wijziging of the same household: still one household on the list.
    gewijzigd = _toekenning(tenant_a)
    uf.BesluitFactory(
        gemeente=tenant_a.gemeente,
        persoon=gewijzigd.persoon,
        huishouden=gewijzigd.huishouden,
        soort=Besluit.Soort.WIJZIGING,
        ingangsdatum=dt.date(2026, 6, 1),
    )
    # Not (yet) final, refused, starting after October, another gemeente: no bijstand to check.
    _toekenning(tenant_a, status=Besluit.Status.WACHT_OP_ACCORDERING)
    _toekenning(tenant_a, soort=Besluit.Soort.AFWIJZING)
    _toekenning(tenant_a, ingangsdatum=dt.date(2026, 11, 1))
    _toekenning(tenant_b)

    lijst = betalingen_selectors.ontbrekende_opgaven(actor=consulent, maand=OKTOBER)

    assert _namen(lijst) == {
        ontbreekt.persoon_id,
        ook_september_binnen.persoon_id,
        half_oktober.persoon_id,
        gewijzigd.persoon_id,
    }
    assert lijst.count() == 4


def test_the_start_page_lists_last_months_missing_reports_with_a_link_to_enter_them(
    tenant_a, tenant_b, ingelogd
):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    eigen = _toekenning(tenant_a)
    ander = _toekenning(tenant_b)

    html = ingelogd(consulent).get(reverse("ui:start")).content.decode()

    # The list is about the month before this one.
    vorige = maanden.plus(maanden.maand_van(timezone.localdate()), -1)
    link = (
        reverse("uitkering:betalingen_inkomstenopgave", args=[eigen.persoon_id])
        + f"?maand={vorige:%Y-%m}"
    )
    assert link in html
    assert eigen.persoon.volledige_naam in html
    assert ander.persoon.volledige_naam not in html
    assert f"nog geen opgave over {maanden.maandnaam(vorige)}" in html
    assert ingelogd(consulent).get(link).status_code == 200


def test_applications_near_their_deadline_are_open_ones_due_within_a_week_or_late(
    tenant_a, tenant_b
):
    consulent = tenant_a.actor(Rol.INKOMENSCONSULENT)
    vandaag = dt.date(2026, 3, 2)

    def aanvraag(tenant, beslistermijn, status=Aanvraag.Status.IN_ONDERZOEK, **anders):
        return uf.AanvraagFactory(
            gemeente=tenant.gemeente, status=status, beslistermijn=beslistermijn, **anders
        )

    te_laat = aanvraag(tenant_a, dt.date(2026, 2, 27))
    vandaag_af = aanvraag(tenant_a, vandaag, status=Aanvraag.Status.INGEDIEND)
    over_een_week = aanvraag(tenant_a, dt.date(2026, 3, 9))
    aanvraag(tenant_a, dt.date(2026, 3, 10))  # 8 days: not yet
    # Postponed: the new deadline counts, not the first one.
    aanvraag(tenant_a, dt.date(2026, 2, 20), verdaagd_tot=dt.date(2026, 4, 17))
    aanvraag(tenant_a, dt.date(2026, 2, 20), status=Aanvraag.Status.TOEGEKEND)  # decided
    aanvraag(tenant_b, dt.date(2026, 2, 27))  # another gemeente

    regels = aanvraag_selectors.bij_de_termijn(actor=consulent, vandaag=vandaag)

    assert [r.aanvraag for r in regels] == [te_laat, vandaag_af, over_een_week]
    assert [r.dagen_over for r in regels] == [-3, 0, 7]


def test_proposals_and_herzieningen_waiting_link_to_where_they_are_decided(
    tenant_a, tenant_b, ingelogd
):
    consulent = tenant_a.gebruiker(Rol.INKOMENSCONSULENT)
    te_controleren = uf.BetaalvoorstelFactory(
        gemeente=tenant_a.gemeente,
        besluit=_toekenning(tenant_a),
        maand=OKTOBER,
        status=Betaalvoorstel.Status.CONCEPT,
    )
    goedgekeurd = uf.BetaalvoorstelFactory(
        gemeente=tenant_a.gemeente,
        besluit=_toekenning(tenant_a),
        maand=OKTOBER,
        status=Betaalvoorstel.Status.GOEDGEKEURD,
    )
    andere_gemeente = uf.BetaalvoorstelFactory(
        gemeente=tenant_b.gemeente,
        besluit=_toekenning(tenant_b),
        maand=OKTOBER,
        status=Betaalvoorstel.Status.CONCEPT,
    )
    open_herziening = uf.HerzieningFactory(
        gemeente=tenant_a.gemeente, persoon=PersoonFactory(gemeente=tenant_a.gemeente)
    )
    beslist = uf.HerzieningFactory(
        gemeente=tenant_a.gemeente,
        persoon=PersoonFactory(gemeente=tenant_a.gemeente),
        status=Herziening.Status.AFGEZIEN,
    )
    andere_herziening = uf.HerzieningFactory(gemeente=tenant_b.gemeente)

    html = ingelogd(consulent).get(reverse("ui:start")).content.decode()

    assert reverse("uitkering:betaalvoorstel_detail", args=[te_controleren.pk]) in html
    assert reverse("uitkering:betaalvoorstel_detail", args=[goedgekeurd.pk]) not in html
    assert reverse("uitkering:betaalvoorstel_detail", args=[andere_gemeente.pk]) not in html
    assert reverse("uitkering:herziening_detail", args=[open_herziening.pk]) in html
    assert reverse("uitkering:herziening_detail", args=[beslist.pk]) not in html
    assert reverse("uitkering:herziening_detail", args=[andere_herziening.pk]) not in html
    client = ingelogd(consulent)
    assert (
        client.get(reverse("uitkering:herziening_detail", args=[open_herziening.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("uitkering:betaalvoorstel_detail", args=[te_controleren.pk])).status_code
        == 200
    )
