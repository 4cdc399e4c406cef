"""Inserting many rows at once (a month's proposals, a run's payments, their audit events).

On PostgreSQL: `COPY … FROM STDIN` through psycopg. Django 5.2's `bulk_create` sends each
column as an array through `UNNEST`, and psycopg escapes every element of a text array with a
regular expression: for 50,000 rows with a few kilobytes of JSON each that alone took most of
the month's calculation time in the benchmark. COPY sends the same values as a stream.
Elsewhere (SQLite): `bulk_create`. Either way the rows are the same: every field's `pre_save`
and `get_db_prep_save` run, as in `bulk_create`. Call inside the caller's transaction."""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import AutoField, BigAutoField, SmallAutoField

PER_KEER = 5000
AUTOMATISCH = (AutoField, BigAutoField, SmallAutoField)


def invoegen(objecten: list) -> None:
    if not objecten:
        return
    model = type(objecten[0])
    # The wrapper itself, not the `connection` proxy: it is passed a million times below.
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objecten, batch_size=PER_KEER)
        return
    # An automatic primary key (AuditEvent's id) is left to the database's sequence.
    velden = [
        veld
        for veld in model._meta.concrete_fields
        if not (veld.primary_key and isinstance(veld, AUTOMATISCH))
    ]
    kolommen = ", ".join(connection.ops.quote_name(veld.column) for veld in velden)
    tabel = connection.ops.quote_name(model._meta.db_table)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(
            f"COPY {tabel} ({kolommen}) FROM STDIN"  # noqa: S608 - names from the model, no input
        ) as kopie,
    ):
        for obj in objecten:
            kopie.write_row(
                [veld.get_db_prep_save(veld.pre_save(obj, True), connection) for veld in velden]
            )
    for obj in objecten:
        obj._state.adding = False
        obj._state.db = connection.alias
