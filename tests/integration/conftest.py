"""Stores for the integration tests: SQLite always, PostgreSQL whenever RUNLIFT_TEST_PG_URL is set.

Each PostgreSQL test works in a schema of its own (t_<uuid>), dropped afterwards, so runs never
see each other's rows. When RUNLIFT_TEST_PG_URL is set but the server cannot be reached, the
PostgreSQL tests fail loudly; when it is unset they are skipped.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import BACKENDS, PG_URL, POSTGRESQL, SQLITE, Database, Store, safe_url
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from core_helpers import close_app_core
from runlift.adapters.db.engine import make_engine, upgrade


@pytest.fixture
def pg_schema() -> Iterator[str]:
    """A fresh, empty PostgreSQL schema, dropped with everything in it afterwards."""
    assert PG_URL is not None, "pg_schema needs RUNLIFT_TEST_PG_URL"
    name = f"t_{uuid.uuid4().hex}"
    admin = make_engine(PG_URL)
    failure = None
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
    except OperationalError as exc:
        failure = str(exc.orig or exc).strip().splitlines()[0]
    if failure is not None:
        admin.dispose()
        where = safe_url(PG_URL)
        pytest.fail(
            f"RUNLIFT_TEST_PG_URL is set but PostgreSQL at {where} is unreachable: {failure}",
            pytrace=False,
        )
    try:
        yield name
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database: a new SQLite file, or a new schema on the test PostgreSQL server."""
    if request.param == SQLITE:
        url = f"sqlite:///{tmp_path / 'store.db'}"
        engine = make_engine(url)
        yield Database(SQLITE, url, None, engine)
        engine.dispose()
        return
    assert PG_URL is not None
    schema: str = request.getfixturevalue("pg_schema")
    engine = make_engine(PG_URL, schema=schema)
    yield Database(POSTGRESQL, PG_URL, schema, engine)
    engine.dispose()


@pytest.fixture
def store(database: Database) -> Store:
    """A fresh store at the current schema on each backend; store() opens a unit of work."""
    upgrade(database.engine)
    return Store(database)


@pytest.fixture
def cli_postgres(pg_schema: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the CLI (in this process and in child processes) at a fresh PostgreSQL schema.

    The test's application core is closed before the schema is dropped, so no connection
    outlives the test.
    """
    assert PG_URL is not None
    monkeypatch.setenv("RUNLIFT_DATABASE_URL", PG_URL)
    monkeypatch.setenv("RUNLIFT_DATABASE_SCHEMA", pg_schema)
    close_app_core()
    yield pg_schema
    close_app_core()


@pytest.fixture(params=BACKENDS)
def cli_backend(request: pytest.FixtureRequest) -> str:
    """Run the CLI on SQLite in the test's data dir, or on PostgreSQL in a fresh schema."""
    if request.param == POSTGRESQL:
        request.getfixturevalue("cli_postgres")
    return str(request.param)
