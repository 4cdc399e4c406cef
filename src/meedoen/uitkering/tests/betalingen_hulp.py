"""Shared set-up for the betalingen tests: a household with a final toekenning (made with the
factory, like a decision the aanvraag services would store), the gemeente's paying account, and
income reports entered through the service with a real (tiny) PDF payslip."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from meedoen.clients.models import HuishoudRol
from meedoen.core.roles import Rol
from meedoen.testing import uitkering_factories as uf
from meedoen.testing.factories import LidmaatschapFactory, PersoonFactory
from meedoen.uitkering.betalingen import inkomsten
from meedoen.uitkering.models import Inkomstenregel

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def loonstrook(naam: str = "loonstrook januari.pdf", inhoud: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def beleid(tenant, **waarden):
    return uf.InkomensbeleidFactory(gemeente=tenant.gemeente, **waarden)


def huishouden_met_bijstand(
    tenant,
    *,
    ingangsdatum=dt.date(2025, 1, 1),
    geboortedatum=dt.date(1990, 5, 1),
    kinderen=(),
    correctie_cent=0,
    correctie_reden="",
    iban="NL91ABNA0417164300",
):
    """A single applicant (with children if given) who is aanvrager of a household since 2020,
    and a final toekenning from `ingangsdatum` whose situation has no income."""
    lid = LidmaatschapFactory(
        huishouden__gemeente=tenant.gemeente,
        persoon__geboortedatum=geboortedatum,
        rol=HuishoudRol.AANVRAGER,
        van=dt.date(2020, 1, 1),
    )
    for geboren in kinderen:
        LidmaatschapFactory(
            huishouden=lid.huishouden,
            persoon=PersoonFactory(gemeente=tenant.gemeente, geboortedatum=geboren),
            rol=HuishoudRol.KIND,
            van=dt.date(2020, 1, 1),
        )
    besluit = uf.ToekenningFactory(
        gemeente=tenant.gemeente,
        persoon=lid.persoon,
        huishouden=lid.huishouden,
        ingangsdatum=ingangsdatum,
        correctie_cent=correctie_cent,
        correctie_reden=correctie_reden,
        iban=iban,
        lidmaatschap=False,
    )
    if kinderen:
        besluit.situatie["children"] = [{"birth_date": d.isoformat()} for d in kinderen]
        besluit.save(update_fields=["situatie"])
    return besluit


def opgave(actor, persoon, maand, *, loon_cent=0, overig_cent=0, bestand=True, **kwargs):
    regels = []
    if loon_cent:
        regels.append(
            inkomsten.Regel(
                persoon_id=persoon.pk,
                bron=Inkomstenregel.Bron.LOON,
                netto_cent=loon_cent,
                omschrijving="Bakkerij",
                loonstrook=loonstrook() if bestand else None,
            )
        )
    if overig_cent:
        regels.append(
            inkomsten.Regel(
                persoon_id=persoon.pk,
                bron=Inkomstenregel.Bron.ALIMENTATIE,
                netto_cent=overig_cent,
            )
        )
    return inkomsten.inkomstenopgave_opslaan(
        actor=actor, persoon=persoon, maand=maand, regels=regels, **kwargs
    )


def consulent(tenant):
    return tenant.actor(Rol.INKOMENSCONSULENT)


def teamleider(tenant):
    return tenant.actor(Rol.TEAMLEIDER)
