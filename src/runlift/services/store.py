"""Opening the store: one engine per process, upgraded to the current schema on first use."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from runlift.config import Settings
from runlift.services.ports import UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy import Engine

# SQLAlchemy and Alembic load only when a command opens the store, so catalogue and plan
# commands start quickly.


@lru_cache(maxsize=4)
def _engine(url: str, schema: str | None) -> Engine:
    from runlift.adapters.db.engine import ensure_schema, make_engine

    engine = make_engine(url, schema)
    ensure_schema(engine)
    return engine


def engine_for(settings: Settings) -> Engine:
    """The engine for the configured database, migrated to the current schema."""
    return _engine(settings.effective_database_url(), settings.database_schema)


def uow_factory(settings: Settings) -> Callable[[], UnitOfWork]:
    """A maker of units of work over the configured store."""
    from runlift.adapters.db.uow import SqlUnitOfWork

    engine = engine_for(settings)
    return lambda: SqlUnitOfWork(engine)


def upgrade_database(settings: Settings) -> str:
    """Apply every pending migration; returns the database's revision after."""
    from runlift.adapters.db.engine import current_revision, make_engine, upgrade

    engine = make_engine(settings.effective_database_url(), settings.database_schema)
    try:
        upgrade(engine)
        return current_revision(engine) or "empty"
    finally:
        engine.dispose()
