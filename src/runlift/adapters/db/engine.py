"""Engines for SQLite (WAL, foreign keys, immediate write locks) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_BUSY_MS = 30000
PRIVATE_FOLDER = 0o700  # the data folder and the database: the user's own, nobody else's
PRIVATE_FILE = 0o600
_REVISION = re.compile(r'^revision = "([^"]+)"', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision = "([^"]+)"', re.MULTILINE)
MIGRATIONS = "runlift:migrations"


def normalise_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs written the usual way."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, schema: str | None = None) -> Engine:
    """An engine with the pragmas or search path the store relies on."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            create_private_file(Path(database))
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    connect_args: dict[str, Any] = {}
    if schema:
        connect_args["options"] = f"-csearch_path={schema}"
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def create_private_file(path: Path) -> None:
    """Create a missing database file (and its folder) readable by the user alone.

    SQLite gives its -wal and -shm files the database file's mode, so they are private too. An
    existing file or folder keeps its mode: the user may have shared it on purpose.
    """
    path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder where the database file should be", path)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers, foreign keys on, and let us issue BEGIN ourselves."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    """Take the write lock at BEGIN, so two writers queue instead of deadlocking."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(engine: Engine) -> Config:
    """Alembic configured from the package, so an installed runlift upgrades its own database."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    # No URL in the options: ConfigParser would read a '%' in a path or password as
    # interpolation. upgrade() hands env.py an open connection instead.
    config.attributes["engine"] = engine
    return config


def head_revision(engine: Engine) -> str | None:
    """The newest migration shipped with this runlift."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def shipped_head() -> str | None:
    """The newest shipped migration, read from the files' revision lines without Alembic."""
    revisions: dict[str, str | None] = {}
    for script in files("runlift.migrations").joinpath("versions").iterdir():
        if not script.name.endswith(".py"):
            continue
        source = script.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        down = _DOWN_REVISION.search(source)
        if found:
            revisions[found.group(1)] = down.group(1) if down else None
    parents = set(revisions.values())
    heads = [r for r in revisions if r not in parents]
    return heads[0] if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at (None when empty)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def stored_revision(engine: Engine) -> str | None:
    """The database's migration, read with plain SQL (None when there is no version table)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to `revision`, one process at a time."""
    from alembic import command

    with _migration_lock(engine):
        config = alembic_config(engine)
        with engine.connect() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            connection.commit()


def ensure_schema(engine: Engine) -> None:
    """Upgrade a new or older database to the current schema; no-op when up to date.

    The check reads the version with plain SQL, so Alembic loads only when a migration is due.
    """
    head = shipped_head()
    if head is None or stored_revision(engine) != head:
        upgrade(engine)


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Serialise migrations: a file lock for SQLite, an advisory lock for PostgreSQL."""
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:":
            yield
            return
        lock = os.open(f"{database}.migrate.lock", os.O_WRONLY | os.O_CREAT, PRIVATE_FILE)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        finally:
            os.close(lock)
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(472910)"))
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(472910)"))
            connection.commit()
