"""On PostgreSQL, a trigram index makes 'name contains' searches fast on large caseloads."""

from django.db import migrations


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in sql:
                schema_editor.execute(statement)

    return run


FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
    "CREATE INDEX IF NOT EXISTS clients_persoon_zoeknaam_trgm "
    "ON clients_persoon USING gin (zoeknaam gin_trgm_ops);",
]
REVERSE = ["DROP INDEX IF EXISTS clients_persoon_zoeknaam_trgm;"]


class Migration(migrations.Migration):
    dependencies = [("clients", "0001_initial")]
    operations = [migrations.RunPython(_run(FORWARD), _run(REVERSE))]
