"""SQL repositories: rows in, domain records out; no business rules here."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import ColumnElement, Connection, Date, cast, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from runlift.adapters.db.codec import target_from_json, target_to_json
from runlift.adapters.db.tables import (
    athletes,
    performed_sessions,
    planned_sessions,
    plans,
    set_logs,
)
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.services.ports import (
    AthleteRecord,
    PlannedSessionRecord,
    PlanRecord,
    SetRow,
    StoredSession,
    StoredSet,
)

E1RM_MAX_REPS = 10


class SqlAthletes:
    """Athletes by name."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(self, name: str, profile_yaml: str, now: dt.datetime) -> AthleteRecord:
        row = {"name": name, "profile_yaml": profile_yaml, "created_at": now, "updated_at": now}
        new_id = self.c.execute(insert(athletes).values(row).returning(athletes.c.id)).scalar_one()
        return AthleteRecord(new_id, name, profile_yaml)

    def get(self, name: str) -> AthleteRecord | None:
        row = self.c.execute(select(athletes).where(athletes.c.name == name)).first()
        return None if row is None else AthleteRecord(row.id, row.name, row.profile_yaml)

    def all(self) -> list[AthleteRecord]:
        rows = self.c.execute(select(athletes).order_by(athletes.c.name)).all()
        return [AthleteRecord(r.id, r.name, r.profile_yaml) for r in rows]

    def update_profile(self, athlete_id: int, profile_yaml: str, now: dt.datetime) -> None:
        self.c.execute(
            update(athletes)
            .where(athletes.c.id == athlete_id)
            .values(profile_yaml=profile_yaml, updated_at=now)
        )

    def stamps(self, athlete_id: int) -> tuple[dt.datetime, dt.datetime]:
        """When the athlete was stored and last changed, for a lossless export."""
        row = self.c.execute(
            select(athletes.c.created_at, athletes.c.updated_at).where(athletes.c.id == athlete_id)
        ).one()
        return _utc(row[0]), _utc(row[1])


class SqlPlans:
    """Versioned plans and their planned sessions."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(
        self,
        athlete_id: int,
        start: dt.date,
        profile_yaml: str,
        plan_json: str,
        sessions: list[PlannedSessionRecord],
        now: dt.datetime,
    ) -> PlanRecord:
        latest = self.c.execute(
            select(func.max(plans.c.version)).where(plans.c.athlete_id == athlete_id)
        ).scalar()
        version = (latest or 0) + 1
        row = {
            "athlete_id": athlete_id,
            "version": version,
            "start": start,
            "profile_yaml": profile_yaml,
            "plan_json": plan_json,
            "created_at": now,
        }
        plan_id = self.c.execute(insert(plans).values(row).returning(plans.c.id)).scalar_one()
        if sessions:
            self.c.execute(
                insert(planned_sessions),
                [
                    {
                        "plan_id": plan_id,
                        "date": s.date,
                        "position": s.position,
                        "week": s.week,
                        "deload": int(s.deload),
                        "title": s.title,
                        "session_json": json.dumps(s.session, sort_keys=True),
                    }
                    for s in sessions
                ],
            )
        return PlanRecord(plan_id, athlete_id, version, start, profile_yaml, plan_json)

    def _record(self, row: object) -> PlanRecord:
        r = row
        return PlanRecord(r.id, r.athlete_id, r.version, r.start, r.profile_yaml, r.plan_json)  # type: ignore[attr-defined]

    def latest(self, athlete_id: int) -> PlanRecord | None:
        row = self.c.execute(
            select(plans).where(plans.c.athlete_id == athlete_id).order_by(plans.c.version.desc())
        ).first()
        return None if row is None else self._record(row)

    def all(self, athlete_id: int) -> list[PlanRecord]:
        rows = self.c.execute(
            select(plans).where(plans.c.athlete_id == athlete_id).order_by(plans.c.version)
        ).all()
        return [self._record(r) for r in rows]

    def created_at(self, plan_id: int) -> dt.datetime:
        """When a plan version was made, for a lossless export."""
        return _utc(
            self.c.execute(select(plans.c.created_at).where(plans.c.id == plan_id)).scalar_one()
        )

    def sessions_on(self, plan_id: int, day: dt.date) -> list[PlannedSessionRecord]:
        return self._sessions(plan_id, day)

    def sessions(self, plan_id: int) -> list[PlannedSessionRecord]:
        return self._sessions(plan_id, None)

    def _sessions(self, plan_id: int, day: dt.date | None) -> list[PlannedSessionRecord]:
        query = select(planned_sessions).where(planned_sessions.c.plan_id == plan_id)
        if day is not None:
            query = query.where(planned_sessions.c.date == day)
        rows = self.c.execute(
            query.order_by(planned_sessions.c.date, planned_sessions.c.position)
        ).all()
        return [
            PlannedSessionRecord(
                r.date, r.position, r.week, bool(r.deload), r.title, json.loads(r.session_json)
            )
            for r in rows
        ]


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
                    started_at=_aware(r.started_at),
                    ended_at=_aware(r.ended_at),
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
        return [(_as_date(r[0]), str(r[1]), int(r[2])) for r in rows]

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
        return {int(r[0]): _utc(r[1]) for r in rows}

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


def _session_row(session: PerformedSession) -> dict[str, object]:
    return {
        "date": session.date,
        "started_at": _to_utc(session.started_at),
        "ended_at": _to_utc(session.ended_at),
        "srpe": session.srpe,
        "notes": session.notes,
        "client_id": session.client_id,
    }


def _as_date(value: object) -> dt.date:
    """SQLite's date() returns text; PostgreSQL returns a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _to_utc(value: dt.datetime | None) -> dt.datetime | None:
    """Store every time in UTC: SQLite keeps no offset, so 06:00+02:00 must become 04:00."""
    return None if value is None else _utc(value)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; everything runlift stores is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def _utc(value: dt.datetime) -> dt.datetime:
    """A stored timestamp as an aware UTC datetime, whichever database gave it."""
    aware = _aware(value)
    assert aware is not None
    return aware.astimezone(dt.UTC)
