"""SQL repository of the training log: performed sessions and set logs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Connection, Date, cast, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from runlift.adapters.db.codec import (
    as_date,
    aware,
    target_from_json,
    target_to_json,
    to_utc,
    utc,
)
from runlift.adapters.db.tables import performed_sessions, runs, set_logs
from runlift.domain.load import RunEntry
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.services.ports import SetRow, StoredRun, StoredSession, StoredSet

E1RM_MAX_REPS = 10


class SqlLogs:
    """Performed sessions and set logs; client ids make retried writes harmless."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def session_on(self, athlete_id: int, day: dt.date) -> int | None:
        return self.c.execute(
            select(performed_sessions.c.id)
            .where(performed_sessions.c.athlete_id == athlete_id, performed_sessions.c.date == day)
            .order_by(performed_sessions.c.id)
        ).scalar()

    def add_session(self, athlete_id: int, session: PerformedSession) -> int:
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

    def update_session(self, session_id: int, session: PerformedSession) -> None:
        row = _session_row(session)
        row.pop("client_id")
        self.c.execute(
            update(performed_sessions).where(performed_sessions.c.id == session_id).values(row)
        )

    def add_set(
        self,
        athlete_id: int,
        session_id: int,
        day: dt.date,
        logged: LoggedSet,
        variant: str,
        now: dt.datetime,
    ) -> bool:
        if logged.client_id is not None:
            seen = self.c.execute(
                select(set_logs.c.id).where(
                    set_logs.c.athlete_id == athlete_id, set_logs.c.client_id == logged.client_id
                )
            ).scalar()
            if seen is not None:
                return False
        row = {
            "session_id": session_id,
            "athlete_id": athlete_id,
            "date": day,
            "exercise": logged.exercise,
            "variant": variant,
            "set_number": logged.set_number,
            "reps": logged.reps,
            "load_value": logged.load.value if logged.load else None,
            "load_unit": logged.load.unit.value if logged.load else None,
            "seconds": logged.seconds,
            "rir": logged.rir,
            "target_json": target_to_json(logged.target),
            "client_id": logged.client_id,
            "logged_at": now,
        }
        try:
            with self.c.begin_nested():
                self.c.execute(insert(set_logs).values(row))
        except IntegrityError:
            if logged.client_id is None:
                raise
            return False
        return True

    def next_set_number(self, session_id: int, exercise: str) -> int:
        highest = self.c.execute(
            select(func.max(set_logs.c.set_number)).where(
                set_logs.c.session_id == session_id, set_logs.c.exercise == exercise
            )
        ).scalar()
        return int(highest or 0) + 1

    def sets(self, athlete_id: int, exercise: str | None = None) -> list[StoredSet]:
        return self._sets(athlete_id, exercise, None)

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

    def sessions(self, athlete_id: int) -> list[StoredSession]:
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
                    started_at=aware(r.started_at),
                    ended_at=aware(r.ended_at),
                    srpe=r.srpe,
                    notes=r.notes,
                    client_id=r.client_id,
                ),
            )
            for r in rows
        ]

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

    def recent_sets(self, athlete_id: int, exercise: str, days: int) -> list[StoredSet]:
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
        return [s for s in self._sets(athlete_id, exercise, first)]

    def daily_sets(self, athlete_id: int) -> list[tuple[dt.date, str, int]]:
        rows = self.c.execute(
            select(set_logs.c.date, set_logs.c.exercise, func.count())
            .where(set_logs.c.athlete_id == athlete_id)
            .group_by(set_logs.c.date, set_logs.c.exercise)
            .order_by(set_logs.c.date, set_logs.c.exercise)
        ).all()
        return [(r[0], str(r[1]), int(r[2])) for r in rows]

    def set_times(self, athlete_id: int) -> dict[int, dt.datetime]:
        """When each of the athlete's sets was logged, by set id, for a lossless export."""
        rows = self.c.execute(
            select(set_logs.c.id, set_logs.c.logged_at).where(set_logs.c.athlete_id == athlete_id)
        ).all()
        return {int(r[0]): utc(r[1]) for r in rows}

    def add_set_rows(self, athlete_id: int, rows: list[SetRow]) -> None:
        """Store sets exactly as given, in one statement (imports into an empty store)."""
        if not rows:
            return
        self.c.execute(
            insert(set_logs),
            [
                {
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
                    "logged_at": r.logged_at,
                }
                for r in rows
            ],
        )

    def add_run(
        self,
        athlete_id: int,
        run: RunEntry,
        source: str,
        client_id: str | None,
        now: dt.datetime,
    ) -> bool:
        """Store a run; False (nothing stored) when its client id was seen before."""
        if client_id is not None:
            seen = self.c.execute(
                select(runs.c.id).where(
                    runs.c.athlete_id == athlete_id, runs.c.client_id == client_id
                )
            ).scalar()
            if seen is not None:
                return False
        row = {
            "athlete_id": athlete_id,
            "date": run.date,
            "distance_m": run.distance_m,
            "duration_s": run.duration_s,
            "type": run.type,
            "source": source,
            "client_id": client_id,
            "logged_at": now,
        }
        try:
            with self.c.begin_nested():
                self.c.execute(insert(runs).values(row))
        except IntegrityError:
            if client_id is None:
                raise
            return False
        return True

    def runs(self, athlete_id: int, since: dt.date | None = None) -> list[StoredRun]:
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


def _session_row(session: PerformedSession) -> dict[str, object]:
    return {
        "date": session.date,
        "started_at": to_utc(session.started_at),
        "ended_at": to_utc(session.ended_at),
        "srpe": session.srpe,
        "notes": session.notes,
        "client_id": session.client_id,
    }
