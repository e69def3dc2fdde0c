"""One SQL statement on a hot path (the webhook receiver runs two per event), values bound on
the server.

Django's PostgreSQL backend binds values on the client: each value is rendered into the SQL
text, which for a row with a few kilobytes of JSON costs more CPU than the database spends on
the statement. Here, on PostgreSQL, the text and the values travel apart and the statement is
prepared once per connection; elsewhere (SQLite) it runs through Django's cursor. Either way
it runs on Django's connection, inside whatever transaction is open, and database errors come
out as Django's (django.db.IntegrityError and so on).
"""

from collections.abc import Sequence

import psycopg
from django.db import connections


def fetch_one(sql: str, params: Sequence, *, using: str) -> tuple | None:
    """Run `sql` (%s placeholders) and return its first row, or None."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()
    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params, prepare=True)
        return cursor.fetchone()


def update_rows(model, rows: Sequence, fields: Sequence[str], *, using: str = "default") -> int:
    """Write `fields` of each row (model instances with a primary key) back, as
    `QuerySet.bulk_update` does. On PostgreSQL in one statement whose values travel as one
    array per field (UPDATE … FROM unnest(…)): Django's bulk_update builds a CASE WHEN per
    field and row, and resolving those expressions costs far more CPU than the update (five
    sixths of a webhook batch's apply time). Elsewhere, and for fields an array cannot carry
    as text (JSON), bulk_update itself. Returns the number of rows given."""
    if not rows:
        return 0
    connection = connections[using]
    meta = model._meta
    concrete = [meta.get_field(name) for name in fields]
    if connection.vendor != "postgresql" or any(
        f.get_internal_type() == "JSONField" for f in concrete
    ):
        model._default_manager.using(using).bulk_update(rows, list(fields))
        return len(rows)
    quote = connection.ops.quote_name
    key = meta.pk
    columns = [key, *concrete]
    arrays = [
        [f.get_db_prep_save(getattr(row, f.attname), connection) for row in rows] for f in columns
    ]
    names = [quote(f.column) for f in columns]
    unnest = ", ".join(f"%s::{f.db_type(connection)}[]" for f in columns)
    sets = ", ".join(f"{name} = v.{name}" for name in names[1:])
    # Only the model's own table, column names and column types go into the text (quoted by
    # the backend); every value is a bound parameter.
    sql = (
        f"UPDATE {quote(meta.db_table)} AS t SET {sets} "  # noqa: S608
        f"FROM unnest({unnest}) AS v({', '.join(names)}) "
        f"WHERE t.{names[0]} = v.{names[0]}"
    )
    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, arrays, prepare=True)
    return len(rows)
