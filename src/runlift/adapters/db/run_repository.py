"""SQL repository of logged runs: stored once per client id, removable and restorable by id."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select

from runlift.adapters.db.codec import utc
from runlift.adapters.db.log_repository import insert_once, seen_client_id
from runlift.adapters.db.tables import runs
from runlift.domain.training_load import RunEntry
from runlift.services.ports import StoredRun


class SqlRuns:
    """Logged runs; a client id seen before makes a retried import or POST harmless."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(
        self,
        athlete_id: int,
        run: RunEntry,
        source: str,
        client_id: str | None,
        now: dt.datetime,
    ) -> bool:
        """Store a run; False (nothing stored) when its client id was seen before."""
        return self.add_new(athlete_id, run, source, client_id, now) is not None

    def add_new(
        self,
        athlete_id: int,
        run: RunEntry,
        source: str,
        client_id: str | None,
        now: dt.datetime,
    ) -> int | None:
        if client_id is not None and seen_client_id(self.c, runs, athlete_id, client_id):
            return None
        stored = StoredRun(0, run, source, client_id, now)
        return insert_once(self.c, runs, _run_row(athlete_id, stored), athlete_id, client_id)

    def all(self, athlete_id: int, since: dt.date | None = None) -> list[StoredRun]:
        query = select(runs).where(runs.c.athlete_id == athlete_id)
        if since is not None:
            query = query.where(runs.c.date >= since)
        rows = self.c.execute(query.order_by(runs.c.date, runs.c.id)).all()
        return [_stored_run(r) for r in rows]

    def get(self, athlete_id: int, run_id: int) -> StoredRun | None:
        row = self.c.execute(
            select(runs).where(runs.c.id == run_id, runs.c.athlete_id == athlete_id)
        ).first()
        return None if row is None else _stored_run(row)

    def delete(self, run_ids: list[int]) -> None:
        if run_ids:
            self.c.execute(delete(runs).where(runs.c.id.in_(run_ids)))

    def restore(self, athlete_id: int, stored: list[StoredRun]) -> None:
        if stored:
            self.c.execute(insert(runs), [{"id": r.id, **_run_row(athlete_id, r)} for r in stored])


def _run_row(athlete_id: int, stored: StoredRun) -> dict[str, object]:
    run = stored.run
    assert stored.logged_at is not None, "a run is stored with the time it was logged"
    return {
        "athlete_id": athlete_id,
        "date": run.date,
        "distance_m": run.distance_m,
        "duration_s": run.duration_s,
        "type": run.type,
        "source": stored.source,
        "client_id": stored.client_id,
        "logged_at": utc(stored.logged_at),
    }


def _stored_run(r: Row[Any]) -> StoredRun:
    return StoredRun(
        r.id,
        RunEntry(r.date, float(r.distance_m), r.duration_s, r.type),
        r.source,
        r.client_id,
        utc(r.logged_at),
    )
