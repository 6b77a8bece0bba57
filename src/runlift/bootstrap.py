"""The composition root: settings -> catalogue -> engine -> unit-of-work factory, built once.

Every interface gets its application core from here: the CLI through a Typer callback, the web
app through its factory. Nothing is opened at import time; the catalogue and the database are
opened on first use, so a command that needs neither never pays for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from runlift.config import Settings
from runlift.services.errors import Internal, RunliftError
from runlift.services.ports import UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from runlift.domain.library import Library

UowFactory = Callable[[], UnitOfWork]


@dataclass
class Core:
    """What the use cases run on: settings, the catalogue and the store, opened lazily."""

    settings: Settings
    _library: Library | None = field(default=None, repr=False)
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def library(self) -> Library:
        """The exercise catalogue and programs, loaded (from the compiled cache) on first use."""
        if self._library is None:
            self._library = open_library(self.settings)
        return self._library

    @property
    def engine(self) -> Engine:
        """The store's engine, migrated to the current schema on first use."""
        if self._engine is None:
            from sqlalchemy.exc import DatabaseError

            from runlift.adapters.db.engine import ensure_schema
            from runlift.adapters.db.failures import unavailable

            engine = _open_engine(self.settings)
            try:
                ensure_schema(engine)
            except (DatabaseError, OSError) as exc:
                engine.dispose()
                raise unavailable(self.settings.effective_database_url(), exc) from exc
            self._engine = engine
        return self._engine

    def uow_factory(self) -> UowFactory:
        """A maker of units of work over the configured store."""
        from runlift.adapters.db.uow import SqlUnitOfWork

        engine = self.engine
        return lambda: SqlUnitOfWork(engine)

    def today(self) -> dt.date:
        """Today, or the day RUNLIFT_TODAY pins."""
        return self.settings.today or dt.date.today()

    def now(self) -> dt.datetime:
        """Now in UTC; noon UTC of the pinned day when RUNLIFT_TODAY is set, so runs repeat."""
        if self.settings.today is None:
            return dt.datetime.now(dt.UTC)
        return dt.datetime.combine(self.settings.today, dt.time(12), dt.UTC)

    def close(self) -> None:
        """Release the store's connections (the engine is rebuilt if used again)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _open_engine(settings: Settings) -> Engine:
    """The engine for the configured store; a folder or file that cannot be made is Unavailable."""
    from runlift.adapters.db.engine import make_engine
    from runlift.adapters.db.failures import unavailable

    url = settings.effective_database_url()
    try:
        return make_engine(url, settings.database_schema)
    except OSError as exc:
        raise unavailable(url, exc) from exc


class CatalogueBroken(RunliftError):
    """A catalogue folder the user pointed runlift at (RUNLIFT_CATALOGUE_DIR) is invalid."""


def open_library(settings: Settings) -> Library:
    """The knowledge base, from the compiled cache when the files have not changed.

    A broken folder the user chose is their input; a broken packaged catalogue is a bug.
    """
    from runlift.adapters.catalogue_loader import CatalogueError, load_library

    cache = settings.cache_dir if settings.catalogue_cache else None
    try:
        return load_library(settings.catalogue_dir, cache_dir=cache)
    except CatalogueError as exc:
        if settings.catalogue_dir is None:
            raise Internal(f"the packaged catalogue is broken: {exc}") from exc
        raise CatalogueBroken(f"catalogue: {exc}") from exc


def upgrade_database(settings: Settings) -> str:
    """Apply every pending migration; returns the database's revision after."""
    from sqlalchemy.exc import DatabaseError

    from runlift.adapters.db.engine import current_revision, upgrade
    from runlift.adapters.db.failures import unavailable

    engine = _open_engine(settings)
    try:
        upgrade(engine)
        return current_revision(engine) or "empty"
    except (DatabaseError, OSError) as exc:
        raise unavailable(settings.effective_database_url(), exc) from exc
    finally:
        engine.dispose()


def bootstrap(settings: Settings | None = None) -> Core:
    """The application core for these settings (read from RUNLIFT_* variables when not given)."""
    return Core(settings if settings is not None else Settings())
