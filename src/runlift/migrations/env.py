"""Alembic environment: uses the connection runlift passes in, batch mode for SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from runlift.adapters.db.engine import make_engine
from runlift.adapters.db.tables import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Migrate over the given connection, or one opened from the given engine or sqlalchemy.url."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = context.config.attributes.get("engine")
    if engine is None:
        engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as fresh:
        _run(fresh)
        fresh.commit()


run_migrations_online()
