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
