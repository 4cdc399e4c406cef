"""Signal sources signalen knows itself: birthdays that change norms (18, 21, 27), household
changes, and school-leavers before they leave school. Each yields task proposals; the keys make
the daily run idempotent."""

import datetime as dt
from collections.abc import Iterator

from django.db.models import Min, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meedoen.clients.models import HuishoudRol, Lidmaatschap, Persoon
from meedoen.signalen.bronnen import TaakVoorstel, registreer_bron
from meedoen.signalen.datums import jaren_verschoven, maanden_verschoven
from meedoen.signalen.models import Schoolverlater, SignaalInstelling, TaakSoort

# Ages at which the bijstand norm or the kostendelersnorm changes.
LEEFTIJDEN = (18, 21, 27)
VERJAARDAG_VOORUIT = dt.timedelta(weeks=8)
HUISHOUDEN_TERUG = dt.timedelta(days=30)
SCHOOLVERLATERS_STANDAARD_MAANDEN = 6

_GEVOLG = {
    18: gettext_lazy("de inwoner wordt meerderjarig: eigen norm en kostendeler in het huishouden"),
    21: gettext_lazy("de jongerennorm verandert en kostendelersnorm telt mee"),
    27: gettext_lazy("de jongerennorm vervalt: de norm voor volwassenen geldt"),
}


def verjaardagen(*, gemeente_ids: list[int], vandaag: dt.date) -> Iterator[TaakVoorstel]:
    tot = vandaag + VERJAARDAG_VOORUIT
    for leeftijd in LEEFTIJDEN:
        geboren_vanaf = jaren_verschoven(vandaag, -leeftijd)
        geboren_tot = jaren_verschoven(tot, -leeftijd)
        rijen = Persoon.objects.filter(
            gemeente_id__in=gemeente_ids,
            geboortedatum__gte=geboren_vanaf,
            geboortedatum__lte=geboren_tot,
        ).values_list("pk", "gemeente_id", "geboortedatum")
        for persoon_id, gemeente_id, geboortedatum in rijen.iterator(chunk_size=2000):
            verjaardag = jaren_verschoven(geboortedatum, leeftijd)
            yield TaakVoorstel(
                gemeente_id=gemeente_id,
                persoon_id=persoon_id,
                soort=TaakSoort.VERJAARDAG,
                omschrijving=_("Wordt %(leeftijd)s op %(datum)s: %(gevolg)s.")
                % {
                    "leeftijd": leeftijd,
                    "datum": verjaardag.strftime("%d-%m-%Y"),
                    "gevolg": _GEVOLG[leeftijd],
                },
                vervaldatum=verjaardag,
                sleutel=f"verjaardag:{leeftijd}:{persoon_id}",
            )


def huishoudwijzigingen(*, gemeente_ids: list[int], vandaag: dt.date) -> Iterator[TaakVoorstel]:
    """A member joined or left a household in the last 30 days (not the founding member)."""
    vanaf = vandaag - HUISHOUDEN_TERUG
    gewijzigd = Lidmaatschap.objects.filter(
        Q(van__gt=vanaf, van__lte=vandaag) | Q(tot__gt=vanaf, tot__lte=vandaag),
        gemeente_id__in=gemeente_ids,
    ).select_related("persoon")
    lijst = list(gewijzigd)
    if not lijst:
        return
    huishouden_ids = {lid.huishouden_id for lid in lijst}
    begin = dict(
        Lidmaatschap.objects.filter(huishouden_id__in=huishouden_ids)
        .values("huishouden_id")
        .annotate(eerste=Min("van"))
        .values_list("huishouden_id", "eerste")
    )
    aanvragers = dict(
        Lidmaatschap.objects.filter(
            huishouden_id__in=huishouden_ids, rol=HuishoudRol.AANVRAGER, tot__isnull=True
        ).values_list("huishouden_id", "persoon_id")
    )
    for lid in lijst:
        for soort, datum in (("begin", lid.van), ("einde", lid.tot)):
            if datum is None or not (vanaf < datum <= vandaag):
                continue
            if soort == "begin" and datum == begin.get(lid.huishouden_id):
                continue  # the household was founded: a registration, not a change
            # the task is about the household's aanvrager: their norm may change
            hoofd = aanvragers.get(lid.huishouden_id, lid.persoon_id)
            tekst = (
                _("%(naam)s hoort sinds %(datum)s bij het huishouden: kijk naar de norm.")
                if soort == "begin"
                else _("%(naam)s hoort sinds %(datum)s niet meer bij het huishouden.")
            )
            yield TaakVoorstel(
                gemeente_id=lid.gemeente_id,
                persoon_id=hoofd,
                soort=TaakSoort.HUISHOUDEN_GEWIJZIGD,
                omschrijving=tekst
                % {"naam": lid.persoon.volledige_naam, "datum": datum.strftime("%d-%m-%Y")},
                vervaldatum=datum + dt.timedelta(days=14),
                sleutel=f"huishouden:{soort}:{lid.pk}",
            )


def schoolverlaters(*, gemeente_ids: list[int], vandaag: dt.date) -> Iterator[TaakVoorstel]:
    """A task N months (per gemeente, default 6) before the expected leaving date."""
    maanden = dict(
        SignaalInstelling.objects.filter(gemeente_id__in=gemeente_ids).values_list(
            "gemeente_id", "schoolverlaters_maanden_vooraf"
        )
    )
    for gemeente_id in gemeente_ids:
        n = maanden.get(gemeente_id, SCHOOLVERLATERS_STANDAARD_MAANDEN)
        # due when vandaag >= leaving date - n months, i.e. leaving date <= vandaag + n months
        uiterste = maanden_verschoven(vandaag, n)
        rijen = Schoolverlater.objects.filter(
            gemeente_id=gemeente_id,
            verwachte_uitstroom__lte=uiterste,
            verwachte_uitstroom__gte=vandaag - dt.timedelta(days=90),
        )
        for rij in rijen:
            yield TaakVoorstel(
                gemeente_id=gemeente_id,
                persoon_id=rij.persoon_id,
                schoolverlater_id=rij.pk,
                soort=TaakSoort.SCHOOLVERLATER,
                omschrijving=_(
                    "%(naam)s (%(school)s, %(soort)s) gaat rond %(datum)s van school: "
                    "neem contact op (%(contact)s)."
                )
                % {
                    "naam": rij.volledige_naam,
                    "school": rij.school,
                    "soort": rij.onderwijssoort,
                    "datum": rij.verwachte_uitstroom.strftime("%d-%m-%Y"),
                    "contact": rij.contact or _("geen contactgegevens"),
                },
                vervaldatum=maanden_verschoven(rij.verwachte_uitstroom, -n),
                sleutel=f"schoolverlater:{rij.pk}",
            )


registreer_bron("verjaardagen", verjaardagen)
registreer_bron("huishoudwijzigingen", huishoudwijzigingen)
registreer_bron("schoolverlaters", schoolverlaters)
