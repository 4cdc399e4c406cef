"""Database triggers that refuse UPDATE and DELETE on the audit trail, so that not even raw SQL
or a bulk operation outside the ORM can change history.

The test settings switch them off (MEEDOEN_AUDIT_DB_TRIGGERS = False) because Django empties the
database between browser tests; test_append_only installs them with `installeer()` inside a
rolled-back transaction and proves they refuse changes."""

from django.conf import settings
from django.db import migrations

TABLE = "audit_auditevent"

SQLITE = [
    f"""CREATE TRIGGER auditevent_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
    f"""CREATE TRIGGER auditevent_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
]
SQLITE_REVERSE = ["DROP TRIGGER auditevent_no_update;", "DROP TRIGGER auditevent_no_delete;"]

POSTGRES = [
    """CREATE OR REPLACE FUNCTION auditevent_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'audit events are append-only'; END;
        $$ LANGUAGE plpgsql;""",
    f"""CREATE TRIGGER auditevent_no_change BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION auditevent_append_only();""",
    f"""CREATE TRIGGER auditevent_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION auditevent_append_only();""",
]
POSTGRES_REVERSE = [
    f"DROP TRIGGER auditevent_no_truncate ON {TABLE};",
    f"DROP TRIGGER auditevent_no_change ON {TABLE};",
    "DROP FUNCTION auditevent_append_only();",
]


def installeer(connection) -> None:
    """Create the triggers on this connection's database."""
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _vooruit(apps, schema_editor):
    if getattr(settings, "MEEDOEN_AUDIT_DB_TRIGGERS", True):
        installeer(schema_editor.connection)


def _terug(apps, schema_editor):
    if getattr(settings, "MEEDOEN_AUDIT_DB_TRIGGERS", True):
        statements = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(_vooruit, _terug)]
