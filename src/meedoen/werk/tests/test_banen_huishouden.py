"""The recht-op-werk comparison sees the household by the one rule of `clients.huishoudrollen`:
the resident is the applicant whatever their role, the other adult of the couple the partner,
a kind under 18 on the first day of the month a child. Amount by hand from
/work/shared/reference/participatiewet-amounts.md: gehuwden 21 to AOW age (art. 21 b) in 2026
€ 2.002,13."""

import datetime as dt

import pytest

from meedoen.clients.models import HuishoudRol
from meedoen.testing.factories import LidmaatschapFactory
from meedoen.werk.banen.inkomensvergelijking import huishouden_situatie, vergelijken

pytestmark = pytest.mark.django_db

BEGIN = dt.date(2026, 3, 1)


def test_a_resident_in_the_role_partner_is_compared_as_one_of_a_couple(tenant_a):
    aanvrager = LidmaatschapFactory(
        huishouden__gemeente=tenant_a.gemeente, persoon__geboortedatum=dt.date(1980, 1, 1)
    )
    bewoner = LidmaatschapFactory(
        huishouden=aanvrager.huishouden,
        rol=HuishoudRol.PARTNER,
        persoon__geboortedatum=dt.date(1988, 2, 1),
    ).persoon
    # 18 on 2 March 2026: still a child in March, the engine counts ages on the 1st.
    LidmaatschapFactory(
        huishouden=aanvrager.huishouden,
        rol=HuishoudRol.KIND,
        persoon__geboortedatum=dt.date(2008, 3, 2),
    )

    situatie = huishouden_situatie(persoon=bewoner, periode="2026-03", datum=BEGIN)
    assert situatie["applicant"]["birth_date"] == "1988-02-01"
    assert situatie["partner"]["birth_date"] == "1980-01-01"
    assert situatie["children"] == [{"birth_date": "2008-03-02"}]
    assert situatie["housemates"] == []

    v = vergelijken(persoon=bewoner, begindatum=BEGIN, netto_maandloon_cent=0)
    assert v["huishouden"]["partner"] is True
    assert v["zonder_contract"]["bijstand"] == "2002.13"
