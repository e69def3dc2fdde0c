"""The benchmark's PostgreSQL database: created afresh for each run, migrated, and shared by this
process (which prepares data and runs the in-process measurements) and the gunicorn server."""

import os

import dj_database_url
import psycopg
from psycopg import sql


def recreate(database_url: str) -> None:
    """A fresh database for every run (dropped and created again, connecting to the server's
    `postgres` database), so figures never depend on what an earlier run or schema left."""
    params = dj_database_url.parse(database_url)
    if params["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit(f"The benchmark runs on PostgreSQL; BENCH_DATABASE_URL is {database_url}")
    name = params["NAME"]
    with psycopg.connect(
        host=params["HOST"] or "127.0.0.1",
        port=params["PORT"] or 5432,
        user=params["USER"] or "postgres",
        password=params["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup(database_url: str) -> None:
    """Point this process (and the servers it starts) at the database, migrate it, and collect
    the static files the server's whitenoise serves."""
    recreate(database_url)
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    # Tasks this process starts (the bulk job, reconciliation) run inline, inside the timing.
    os.environ["TASKS_BACKEND"] = "django.tasks.backends.immediate.ImmediateBackend"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0].split()[0]
