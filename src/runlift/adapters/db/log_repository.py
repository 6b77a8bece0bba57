"""SQL repositories of the training log: performed sessions, sets, runs and figures over them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Connection, Date, Table, cast, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from runlift.adapters.db.codec import as_date, to_utc, utc
from runlift.adapters.db.tables import performed_sessions, runs, set_logs
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load
from runlift.domain.target_codec import target_from_json, target_to_json
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import Units
from runlift.services.ports import SetRow, StoredRun, StoredSession, StoredSet

E1RM_MAX_REPS = 10


class SqlSessions:
    """Performed sessions; a client id seen before returns the stored session's id."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def id_on(self, athlete_id: int, day: dt.date) -> int | None:
        return self.c.execute(
            select(performed_sessions.c.id)
            .where(performed_sessions.c.athlete_id == athlete_id, performed_sessions.c.date == day)
            .order_by(performed_sessions.c.id)
        ).scalar()

    def add(self, athlete_id: int, session: PerformedSession) -> int:
        if session.client_id is not None:
            existing = self.c.execute(
                select(performed_sessions.c.id).where(
                    performed_sessions.c.athlete_id == athlete_id,
                    performed_sessions.c.client_id == session.client_id,
                )
            ).scalar()
            if existing is not None:
                return int(existing)
        row = {"athlete_id": athlete_id, **_session_row(session)}
        return int(
            self.c.execute(
                insert(performed_sessions).values(row).returning(performed_sessions.c.id)
            ).scalar_one()
        )

    def update(self, session_id: int, session: PerformedSession) -> None:
        row = _session_row(session)
        row.pop("client_id")
        self.c.execute(
            update(performed_sessions).where(performed_sessions.c.id == session_id).values(row)
        )

    def all(self, athlete_id: int) -> list[StoredSession]:
        rows = self.c.execute(
            select(performed_sessions)
            .where(performed_sessions.c.athlete_id == athlete_id)
            .order_by(performed_sessions.c.date, performed_sessions.c.id)
        ).all()
        return [
            StoredSession(
                r.id,
                PerformedSession(
                    date=r.date,
                    started_at=to_utc(r.started_at),
                    ended_at=to_utc(r.ended_at),
                    srpe=r.srpe,
                    notes=r.notes,
                    client_id=r.client_id,
                ),
            )
            for r in rows
        ]


class SqlSets:
    """Logged sets; a client id seen before makes a retried write harmless."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(
        self,
        athlete_id: int,
        session_id: int,
        day: dt.date,
        logged: LoggedSet,
        variant: str,
        now: dt.datetime,
    ) -> bool:
        if logged.client_id is not None and _seen(self.c, set_logs, athlete_id, logged.client_id):
            return False
        row = _set_row(athlete_id, SetRow(session_id, day, variant, logged, now))
        return _insert_once(self.c, set_logs, row, athlete_id, logged.client_id)

    def add_rows(self, athlete_id: int, rows: list[SetRow]) -> None:
        """Store sets exactly as given, in one statement (imports into an empty store)."""
        if not rows:
            return
        self.c.execute(insert(set_logs), [_set_row(athlete_id, r) for r in rows])

    def next_number(self, session_id: int, exercise: str) -> int:
        highest = self.c.execute(
            select(func.max(set_logs.c.set_number)).where(
                set_logs.c.session_id == session_id, set_logs.c.exercise == exercise
            )
        ).scalar()
        return int(highest or 0) + 1

    def all(self, athlete_id: int, exercise: str | None = None) -> list[StoredSet]:
        return self._sets(athlete_id, exercise, None)

    def recent(self, athlete_id: int, exercise: str, days: int) -> list[StoredSet]:
        """The sets of the last `days` distinct days this exercise was done: enough to progress."""
        recent = (
            select(set_logs.c.date)
            .where(set_logs.c.athlete_id == athlete_id, set_logs.c.exercise == exercise)
            .distinct()
            .order_by(set_logs.c.date.desc())
            .limit(days)
            .subquery()
        )
        first = self.c.execute(select(func.min(recent.c.date))).scalar()
        if first is None:
            return []
        return self._sets(athlete_id, exercise, first)

    def logged_times(self, athlete_id: int) -> dict[int, dt.datetime]:
        """When each of the athlete's sets was logged, by set id, for a lossless export."""
        rows = self.c.execute(
            select(set_logs.c.id, set_logs.c.logged_at).where(set_logs.c.athlete_id == athlete_id)
        ).all()
        return {int(r[0]): utc(r[1]) for r in rows}

    def _sets(
        self, athlete_id: int, exercise: str | None, since: dt.date | None
    ) -> list[StoredSet]:
        query = select(set_logs).where(set_logs.c.athlete_id == athlete_id)
        if exercise is not None:
            query = query.where(set_logs.c.exercise == exercise)
        if since is not None:
            query = query.where(set_logs.c.date >= since)
        rows = self.c.execute(
            query.order_by(set_logs.c.date, set_logs.c.session_id, set_logs.c.id)
        ).all()
        return [
            StoredSet(
                r.id,
                r.session_id,
                r.date,
                r.variant,
                LoggedSet(
                    exercise=r.exercise,
                    set_number=r.set_number,
                    reps=r.reps,
                    load=Load(r.load_value, Units(r.load_unit)) if r.load_unit else None,
                    seconds=r.seconds,
                    rir=r.rir,
                    target=target_from_json(r.target_json),
                    client_id=r.client_id,
                ),
            )
            for r in rows
        ]


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
        if client_id is not None and _seen(self.c, runs, athlete_id, client_id):
            return False
        row = {
            "athlete_id": athlete_id,
            "date": run.date,
            "distance_m": run.distance_m,
            "duration_s": run.duration_s,
            "type": run.type,
            "source": source,
            "client_id": client_id,
            "logged_at": utc(now),
        }
        return _insert_once(self.c, runs, row, athlete_id, client_id)

    def all(self, athlete_id: int, since: dt.date | None = None) -> list[StoredRun]:
        query = select(runs).where(runs.c.athlete_id == athlete_id)
        if since is not None:
            query = query.where(runs.c.date >= since)
        rows = self.c.execute(query.order_by(runs.c.date, runs.c.id)).all()
        return [
            StoredRun(
                r.id,
                RunEntry(r.date, float(r.distance_m), r.duration_s, r.type),
                r.source,
                r.client_id,
                utc(r.logged_at),
            )
            for r in rows
        ]


class SqlSummaries:
    """Figures over the whole log, grouped in the database so reports stay fast."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def daily_best_e1rm(self, athlete_id: int, exercise: str) -> list[tuple[dt.date, float, str]]:
        e1rm = set_logs.c.load_value * (1.0 + set_logs.c.reps / 30.0)
        rows = self.c.execute(
            select(set_logs.c.date, set_logs.c.load_unit, func.max(e1rm))
            .where(
                set_logs.c.athlete_id == athlete_id,
                set_logs.c.exercise == exercise,
                set_logs.c.reps.between(1, E1RM_MAX_REPS),
                set_logs.c.load_value > 0,
            )
            .group_by(set_logs.c.date, set_logs.c.load_unit)
            .order_by(set_logs.c.date, set_logs.c.load_unit)
        ).all()
        return [(r[0], float(r[2]), str(r[1])) for r in rows]

    def weekly_sets(
        self, athlete_id: int, since: dt.date | None = None
    ) -> list[tuple[dt.date, str, int]]:
        """Sets per (Monday of the week, exercise) from `since` on, grouped in the database."""
        if self.c.dialect.name == "sqlite":
            week: ColumnElement[Any] = func.date(set_logs.c.date, "weekday 0", "-6 days")
        else:
            week = cast(func.date_trunc("week", set_logs.c.date), Date)
        rows = self.c.execute(
            select(week.label("week"), set_logs.c.exercise, func.count())
            .where(
                set_logs.c.athlete_id == athlete_id,
                set_logs.c.date >= (since or dt.date.min),
            )
            .group_by(week, set_logs.c.exercise)
            .order_by(week, set_logs.c.exercise)
        ).all()
        return [(as_date(r[0]), str(r[1]), int(r[2])) for r in rows]


def _seen(c: Connection, table: Table, athlete_id: int, client_id: str) -> bool:
    """Whether the athlete already stored a row with this client id."""
    found = c.execute(
        select(table.c.id).where(table.c.athlete_id == athlete_id, table.c.client_id == client_id)
    ).scalar()
    return found is not None


def _insert_once(
    c: Connection, table: Table, row: dict[str, object], athlete_id: int, client_id: str | None
) -> bool:
    """Insert a row; False when a concurrent writer stored the same client id first.

    Any other constraint (an unknown session or athlete) is raised, never taken for a retry.
    """
    try:
        with c.begin_nested():
            c.execute(insert(table).values(row))
    except IntegrityError:
        if client_id is None or not _seen(c, table, athlete_id, client_id):
            raise
        return False
    return True


def _set_row(athlete_id: int, r: SetRow) -> dict[str, object]:
    return {
        "session_id": r.session_id,
        "athlete_id": athlete_id,
        "date": r.date,
        "exercise": r.logged.exercise,
        "variant": r.variant,
        "set_number": r.logged.set_number,
        "reps": r.logged.reps,
        "load_value": r.logged.load.value if r.logged.load else None,
        "load_unit": r.logged.load.unit.value if r.logged.load else None,
        "seconds": r.logged.seconds,
        "rir": r.logged.rir,
        "target_json": target_to_json(r.logged.target),
        "client_id": r.logged.client_id,
        "logged_at": utc(r.logged_at),
    }


def _session_row(session: PerformedSession) -> dict[str, object]:
    return {
        "date": session.date,
        "started_at": to_utc(session.started_at),
        "ended_at": to_utc(session.ended_at),
        "srpe": session.srpe,
        "notes": session.notes,
        "client_id": session.client_id,
    }
