"""Shared fixtures: two organisations, each serving its own gemeente, with users per role."""

from dataclasses import dataclass

import pytest

from meedoen.accounts.models import Organisatie, User
from meedoen.accounts.selectors import actor_voor
from meedoen.core.models import Gemeente
from meedoen.core.roles import Rol
from meedoen.testing.factories import (
    GemeenteFactory,
    OrganisatieFactory,
    UserFactory,
    login_met_tweede_factor,
)


@dataclass
class Tenant:
    gemeente: Gemeente
    organisatie: Organisatie

    def gebruiker(self, *rollen: Rol, **kwargs) -> User:
        return UserFactory(organisatie=self.organisatie, rollen=list(rollen), **kwargs)

    def actor(self, *rollen: Rol):
        return actor_voor(self.gebruiker(*rollen))


@pytest.fixture
def tenant_a(db) -> Tenant:
    gemeente = GemeenteFactory(code="GM0150", naam="Deventer")
    return Tenant(gemeente, OrganisatieFactory(naam="Sociale dienst A", gemeenten=[gemeente]))


@pytest.fixture
def tenant_b(db) -> Tenant:
    gemeente = GemeenteFactory(code="GM0106", naam="Assen")
    return Tenant(gemeente, OrganisatieFactory(naam="Sociale dienst B", gemeenten=[gemeente]))


@pytest.fixture
def ingelogd(client):
    """Returns a function that logs the test client in (password + second factor) as a user."""

    def inloggen(user: User):
        login_met_tweede_factor(client, user)
        return client

    return inloggen


from meedoen.testing.browser import browser, pagina  # noqa: E402, F401  (browser fixtures)
