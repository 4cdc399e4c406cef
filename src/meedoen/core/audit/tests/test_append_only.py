"""Nobody can change or delete audit events: not the model, the queryset, the admin or SQL."""

import pytest
from django.contrib.admin.sites import site
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from meedoen.core.audit.migrations import installeer_triggers
from meedoen.core.audit.models import Actie, AuditEvent, AuditEventIsAppendOnly
from meedoen.core.audit.services import audit_vastleggen
from meedoen.core.roles import Rol
from meedoen.testing.factories import UserFactory


@pytest.fixture
def event(tenant_a):
    return audit_vastleggen(
        actor=tenant_a.actor(Rol.KLANTMANAGER),
        actie=Actie.GELEZEN,
        doel="test",
        gemeente=tenant_a.gemeente,
        object_type="clients.Persoon",
        object_id="x",
    )


def test_model_refuses_update(event):
    event.doel = "anders"
    with pytest.raises(AuditEventIsAppendOnly):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).doel == "test"


def test_model_refuses_delete(event):
    with pytest.raises(AuditEventIsAppendOnly):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_queryset_refuses_update_and_delete(event):
    with pytest.raises(AuditEventIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(doel="anders")
    with pytest.raises(AuditEventIsAppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).doel == "test"


def test_database_refuses_raw_sql_update_and_delete(event):
    # The migration's triggers, installed inside this test's (rolled back) transaction.
    installeer_triggers(connection)
    table = AuditEvent._meta.db_table
    for sql in (f"UPDATE {table} SET doel = 'anders'", f"DELETE FROM {table}"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert AuditEvent.objects.get(pk=event.pk).doel == "test"


def test_admin_offers_no_add_change_or_delete_even_to_a_superuser(event):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    request = RequestFactory().get("/admin/")
    request.user = superuser
    model_admin = site._registry[AuditEvent]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, event)
    assert not model_admin.has_delete_permission(request, event)
    assert model_admin.get_actions(request) == {}
