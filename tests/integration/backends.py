"""What the integration fixtures hand out: empty databases and stores on SQLite or PostgreSQL."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from runlift.adapters.db.uow import SqlUnitOfWork

PG_URL = os.environ.get("RUNLIFT_TEST_PG_URL") or None
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
BACKENDS = [
    SQLITE,
    pytest.param(
        POSTGRESQL,
        marks=pytest.mark.skipif(PG_URL is None, reason="RUNLIFT_TEST_PG_URL is not set"),
    ),
]


@dataclass
class Database:
    """An empty database (no migrations applied) on one backend."""

    backend: str
    url: str
    schema: str | None
    engine: Engine


class Store:
    """A migrated database; calling it opens a unit of work, like the app's uow_factory."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.engine = database.engine
        self.backend = database.backend

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine)


def safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
