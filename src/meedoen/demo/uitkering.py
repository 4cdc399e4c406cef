"""Demo income side: each demo gemeente's payment account and letter details, and a sample of
residents taken from application to paid benefit through the real services: the consulent
decides, the teamleider approves, runs are composed, approved and executed. So the dossier, the
worklists and the letters have something to show.

The rules engine has amounts up to June 2026 only (the July 2026 amounts are not published in
the reference), so the paid sample lives in April–June 2026. The open applications are recent:
they show the beslistermijn on the worklists, and their calculation says plainly which amount is
missing. Idempotent: a gemeente that already has applications is left alone."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from stdnum import iban as stdnum_iban
from weasyprint import HTML

from meedoen.accounts.models import User
from meedoen.accounts.selectors import actor_voor
from meedoen.clients.models import HuishoudRol, Lidmaatschap
from meedoen.core.models import Gemeente
from meedoen.uitkering.aanvraag import besluiten
from meedoen.uitkering.aanvraag import services as aanvraag_services
from meedoen.uitkering.betalingen import betaalrun, inkomsten, voorstellen
from meedoen.uitkering.betalingen import maand as maandberekening
from meedoen.uitkering.models import (
    Aanvraag,
    Besluit,
    Betaalvoorstel,
    Inkomensbeleid,
)

# gemeente code -> (consulent, second pair of eyes)
BEHANDELAARS = {
    "GM0150": ("ic.deventer", "tl.deventer"),
    "GM0106": ("ic.drenthe", "tl.drenthe"),
    "GM1680": ("ic.drenthe", "tl.drenthe"),
    "GM1730": ("ic.drenthe", "tl.drenthe"),
}
BETAALD_PER_GEMEENTE = 4
OPEN_PER_GEMEENTE = 3
INGANG = dt.date(2026, 4, 1)
BETAALDE_MAANDEN = (dt.date(2026, 4, 1), dt.date(2026, 5, 1))
LAATSTE_MAAND = dt.date(2026, 6, 1)  # proposals made and left for the consulent to approve
# Work income (net, cents) per month for the first paid household: the vrijlating shows.
WERKINKOMEN = {dt.date(2026, 4, 1): 40000, dt.date(2026, 5, 1): 60000, dt.date(2026, 6, 1): 65000}


def _demo_iban(bankcode: str, rekening: int) -> str:
    """A valid (checksummed) Dutch IBAN for demo data."""
    nummer = f"{bankcode}{rekening:010d}"
    return f"NL{stdnum_iban.calc_check_digits('NL00' + nummer)}{nummer}"


def _loonstrook(maand: dt.date, netto_cent: int) -> SimpleUploadedFile:
    """A one-page demo payslip, so the income report carries its evidence like a real one."""
    bedrag = f"{netto_cent // 100},{netto_cent % 100:02d}"
    pdf = HTML(
        string=f"<h1>Loonstrook {maand:%m-%Y}</h1><p>Demo Schoonmaak B.V.</p>"
        f"<p>Netto uitbetaald: &euro; {bedrag}</p>"
    ).write_pdf()
    return SimpleUploadedFile(f"loonstrook-{maand:%Y-%m}.pdf", pdf, "application/pdf")


def _actor(username: str):
    return actor_voor(User.objects.get(username=username))


def _beleid(gemeente: Gemeente, volgnummer: int) -> None:
    beleid, _ = Inkomensbeleid.objects.get_or_create(gemeente=gemeente)
    if not beleid.rekening_iban:
        beleid.rekening_iban = _demo_iban("BNGH", 285000000 + volgnummer)
        beleid.rekening_bic = "BNGHNL2G"
        beleid.rekening_naam = f"Gemeente {gemeente.naam}"
        beleid.telefoonnummer = "14 0" + gemeente.code[-3:]
        beleid.postadres = f"Postbus {1000 + volgnummer}, {gemeente.naam}"
        beleid.terugwerkende_kracht_maanden = 3
        beleid.save()


def _alleenstaanden(gemeente: Gemeente, aantal: int, overslaan: int = 0):
    """Applicants aged 27 to 60 living alone since before 2026, in a stable order."""
    alleen = (
        Lidmaatschap.objects.filter(
            gemeente=gemeente,
            rol=HuishoudRol.AANVRAGER,
            tot__isnull=True,
            van__lte=dt.date(2025, 12, 1),
            persoon__geboortedatum__range=(dt.date(1966, 1, 1), dt.date(1998, 12, 31)),
        )
        .select_related("persoon")
        .order_by("persoon__achternaam", "persoon__voornamen")
    )
    gekozen = []
    for lid in alleen.iterator():
        leden = Lidmaatschap.objects.filter(huishouden_id=lid.huishouden_id, tot__isnull=True)
        if leden.count() == 1:
            gekozen.append(lid.persoon)
        if len(gekozen) == overslaan + aantal:
            break
    return gekozen[overslaan:]


def _aanvraag(actor, persoon, ontvangen_op: dt.date, ingang: dt.date, vandaag: dt.date, nr: int):
    return aanvraag_services.aanvraag_registreren(
        actor=actor,
        persoon=persoon,
        ontvangen_op=ontvangen_op,
        gewenste_ingangsdatum=ingang,
        iban=_demo_iban("INGB", 700000000 + nr),
        tenaamstelling=persoon.volledige_naam[:70],
        inkomsten=[],
        vermogen_cent=150000,
        eigen_woning_cent=0,
        vandaag=vandaag,
    )


def _betaald_voorbeeld(gemeente: Gemeente, consulent, tweede, vandaag: dt.date, basis: int) -> None:
    personen = _alleenstaanden(gemeente, BETAALD_PER_GEMEENTE)
    if not personen:
        return  # a small demo population may have nobody living alone in this gemeente
    for index, persoon in enumerate(personen):
        aanvraag = _aanvraag(
            consulent, persoon, INGANG - dt.timedelta(days=10), INGANG, vandaag, basis + index
        )
        aanvraag_services.status_wijzigen(
            actor=consulent, aanvraag=aanvraag, naar=Aanvraag.Status.IN_ONDERZOEK
        )
        besluit = besluiten.besluit_nemen(
            actor=consulent,
            aanvraag=aanvraag,
            soort=Besluit.Soort.TOEKENNING,
            gronden="U woont alleen en heeft geen inkomen of vermogen boven de grens.",
            ingangsdatum=INGANG,
        )
        if besluit.status == Besluit.Status.WACHT_OP_ACCORDERING:
            besluiten.besluit_accorderen(actor=tweede, besluit=besluit)
    werkende = personen[0]
    for maand in (*BETAALDE_MAANDEN, LAATSTE_MAAND):
        inkomsten.inkomstenopgave_opslaan(
            actor=consulent,
            persoon=werkende,
            maand=maand,
            regels=[
                inkomsten.Regel(
                    persoon_id=werkende.pk,
                    bron="loon",
                    netto_cent=WERKINKOMEN[maand],
                    omschrijving="Parttime baan in de schoonmaak",
                    loonstrook=_loonstrook(maand, WERKINKOMEN[maand]),
                )
            ],
        )
        maandberekening.maand_berekenen(actor=consulent, gemeente=gemeente, maand=maand)
        if maand == LAATSTE_MAAND:
            break  # left for the consulent: the worklist shows proposals to approve
        for voorstel in Betaalvoorstel.objects.filter(
            gemeente=gemeente, maand=maand, status=Betaalvoorstel.Status.CONCEPT
        ):
            voorstellen.voorstel_goedkeuren(actor=consulent, voorstel=voorstel)
        samenstelling = betaalrun.betaalrun_samenstellen(
            actor=consulent, gemeente=gemeente, maand=maand
        )
        betaalrun.betaalrun_accorderen(actor=tweede, run=samenstelling.run)
        # Past months are history: their runs are executed right away, not by the worker.
        with transaction.atomic():
            betaalrun.betaalrun_starten(actor=tweede, run=samenstelling.run, wachtrij="direct")


def _open_voorbeelden(gemeente: Gemeente, consulent, vandaag: dt.date, basis: int) -> None:
    personen = _alleenstaanden(gemeente, OPEN_PER_GEMEENTE, overslaan=BETAALD_PER_GEMEENTE)
    for index, persoon in enumerate(personen):
        ontvangen = vandaag - dt.timedelta(days=12 + 15 * index)
        aanvraag = _aanvraag(consulent, persoon, ontvangen, ontvangen, vandaag, basis + 50 + index)
        if index % 2:
            aanvraag_services.status_wijzigen(
                actor=consulent, aanvraag=aanvraag, naar=Aanvraag.Status.IN_ONDERZOEK
            )


def uitkering_inrichten(*, vandaag: dt.date) -> int:
    """Returns the number of applications made in this run."""
    voor = Aanvraag.objects.count()
    gemeenten = Gemeente.objects.filter(code__in=BEHANDELAARS).order_by("code")
    for volgnummer, gemeente in enumerate(gemeenten):
        _beleid(gemeente, volgnummer)
        if Aanvraag.objects.filter(gemeente=gemeente).exists():
            continue
        consulent_naam, tweede_naam = BEHANDELAARS[gemeente.code]
        consulent, tweede = _actor(consulent_naam), _actor(tweede_naam)
        basis = 1000 * (volgnummer + 1)
        _betaald_voorbeeld(gemeente, consulent, tweede, vandaag, basis)
        _open_voorbeelden(gemeente, consulent, vandaag, basis)
    return Aanvraag.objects.count() - voor
