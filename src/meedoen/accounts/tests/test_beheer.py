"""A functioneel beheerder manages users and teams of their own organisation only."""

from django.urls import reverse

from meedoen.accounts.models import User
from meedoen.core.audit.models import AuditEvent
from meedoen.core.roles import Rol
from meedoen.testing.factories import TeamFactory


def test_beheerder_sees_only_own_organisations_users(tenant_a, tenant_b, ingelogd):
    eigen = tenant_a.gebruiker(Rol.KLANTMANAGER)
    ander = tenant_b.gebruiker(Rol.KLANTMANAGER)
    client = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    response = client.get(reverse("beheer:gebruikers"))
    gebruikers = set(response.context["gebruikers"])
    assert eigen in gebruikers and ander not in gebruikers


def test_beheerder_creates_a_user_with_roles_and_team(tenant_a, ingelogd):
    team = TeamFactory(organisatie=tenant_a.organisatie)
    client = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    response = client.post(
        reverse("beheer:gebruiker_nieuw"),
        {
            "username": "km.nieuw",
            "first_name": "Fatma",
            "last_name": "Yılmaz",
            "email": "fatma@example.org",
            "rollen": ["klantmanager", "teamleider"],
            "teams": [team.pk],
            "password": "Een-lang-wachtwoord-2026",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="km.nieuw")
    assert user.organisatie == tenant_a.organisatie
    assert set(user.rollen.values_list("code", flat=True)) == {"klantmanager", "teamleider"}
    assert list(user.teams.all()) == [team]
    event = AuditEvent.objects.filter(object_id=str(user.pk)).get()
    assert event.wijzigingen["rollen"] == [None, ["klantmanager", "teamleider"]]


def test_a_team_of_another_organisation_cannot_be_assigned(tenant_a, tenant_b, ingelogd):
    team_b = TeamFactory(organisatie=tenant_b.organisatie)
    client = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    response = client.post(
        reverse("beheer:gebruiker_nieuw"),
        {
            "username": "km.x",
            "first_name": "A",
            "last_name": "B",
            "email": "a@example.org",
            "rollen": ["klantmanager"],
            "teams": [team_b.pk],
            "password": "Een-lang-wachtwoord-2026",
        },
    )
    assert response.status_code == 200
    assert "teams" in response.context["form"].errors
    assert not User.objects.filter(username="km.x").exists()


def test_beheerder_changes_roles_and_the_change_is_audited(tenant_a, ingelogd):
    user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    client = ingelogd(tenant_a.gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    response = client.post(
        reverse("beheer:gebruiker_wijzigen", args=[user.uuid]),
        {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "is_active": "on",
            "rollen": ["inkomensconsulent"],
        },
    )
    assert response.status_code == 302
    assert list(user.rollen.values_list("code", flat=True)) == ["inkomensconsulent"]
    event = AuditEvent.objects.filter(object_id=str(user.pk), actie="gewijzigd").get()
    assert event.wijzigingen["rollen"] == [["klantmanager"], ["inkomensconsulent"]]


def test_team_gemeenten_restrict_what_a_user_sees(tenant_a, db):
    from meedoen.accounts.selectors import actor_voor
    from meedoen.testing.factories import GemeenteFactory

    tweede = GemeenteFactory(code="GM1680", naam="Aa en Hunze")
    tenant_a.organisatie.gemeenten.add(tweede)
    team = TeamFactory(organisatie=tenant_a.organisatie)
    team.gemeenten.set([tweede])
    user = tenant_a.gebruiker(Rol.KLANTMANAGER)
    assert actor_voor(user).gemeente_ids == {tenant_a.gemeente.pk, tweede.pk}
    user.teams.add(team)
    assert actor_voor(user).gemeente_ids == {tweede.pk}


def test_other_roles_cannot_manage_users(tenant_a, ingelogd):
    client = ingelogd(tenant_a.gebruiker(Rol.KLANTMANAGER, Rol.TEAMLEIDER))
    assert client.get(reverse("beheer:gebruikers")).status_code == 403
    assert client.get(reverse("beheer:teams")).status_code == 403
