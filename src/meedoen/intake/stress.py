"""The stress check: transparent signals from the intake that mark "eerst stabiliteit".

Stress-sensitive service: as long as money, bailiffs or housing cause acute stress, work
activation waits and the first step is removing the source (a referral). Every signal names the
answer that raised it, so the resident and the klantmanager can see why.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from meedoen.intake.models import PartnerSoort, Woonrisico, ZrmDomein, ZrmNiveau


@dataclass(frozen=True)
class StressSignaal:
    code: str
    uitleg: str
    partner_soort: str  # the kind of partner that can remove this source of stress


@dataclass(frozen=True)
class StressUitslag:
    signalen: list[StressSignaal] = field(default_factory=list)

    @property
    def eerst_stabiliteit(self) -> bool:
        return bool(self.signalen)

    @property
    def redenen(self) -> list[str]:
        return [s.uitleg for s in self.signalen]

    @property
    def voorgestelde_partnersoorten(self) -> list[str]:
        gezien: list[str] = []
        for signaal in self.signalen:
            if signaal.partner_soort not in gezien:
                gezien.append(signaal.partner_soort)
        return gezien


def stresscheck(
    *,
    deurwaarder: bool,
    achterstand_huur: bool,
    achterstand_energie: bool,
    achterstand_zorgverzekering: bool,
    woonrisico: str,
    zrm: Mapping[str, int],
) -> StressUitslag:
    signalen: list[StressSignaal] = []
    schuld = PartnerSoort.SCHULDHULPVERLENING
    if deurwaarder:
        signalen.append(StressSignaal("deurwaarder", _("Er is een deurwaarder betrokken."), schuld))
    if achterstand_huur:
        signalen.append(StressSignaal("huur", _("Er is een achterstand met de huur."), schuld))
    if achterstand_energie:
        signalen.append(StressSignaal("energie", _("Er is een achterstand met energie."), schuld))
    if achterstand_zorgverzekering:
        signalen.append(
            StressSignaal(
                "zorgverzekering", _("Er is een achterstand met de zorgverzekering."), schuld
            )
        )
    if woonrisico and woonrisico != Woonrisico.GEEN:
        signalen.append(
            StressSignaal(
                "wonen",
                _("Wonen is onzeker: %(risico)s.") % {"risico": Woonrisico(woonrisico).label},
                PartnerSoort.MAATSCHAPPELIJK_WERK,
            )
        )
    for domein, grens, soort in (
        (ZrmDomein.FINANCIEN, ZrmNiveau.NIET_ZELFREDZAAM, schuld),
        (ZrmDomein.HUISVESTING, ZrmNiveau.NIET_ZELFREDZAAM, PartnerSoort.MAATSCHAPPELIJK_WERK),
        (ZrmDomein.GEESTELIJKE_GEZONDHEID, ZrmNiveau.ACUUT, PartnerSoort.SOCIAAL_TEAM),
    ):
        niveau = zrm.get(domein)
        if niveau is not None and niveau <= grens:
            signalen.append(
                StressSignaal(
                    f"zrm_{domein}",
                    _("ZRM %(domein)s staat op %(niveau)s.")
                    % {"domein": ZrmDomein(domein).label, "niveau": ZrmNiveau(niveau).label},
                    soort,
                )
            )
    return StressUitslag(signalen)
