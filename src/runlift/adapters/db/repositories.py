"""SQL repositories: rows in, domain records out; no business rules here."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Connection, func, insert, select, update
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
        query = select(set_logs).where(set_logs.c.athlete_id == athlete_id)
        if exercise is not None:
            query = query.where(set_logs.c.exercise == exercise)
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

    def daily_sets(self, athlete_id: int) -> list[tuple[dt.date, str, int]]:
        rows = self.c.execute(
            select(set_logs.c.date, set_logs.c.exercise, func.count())
            .where(set_logs.c.athlete_id == athlete_id)
            .group_by(set_logs.c.date, set_logs.c.exercise)
            .order_by(set_logs.c.date, set_logs.c.exercise)
        ).all()
        return [(r[0], str(r[1]), int(r[2])) for r in rows]


def _session_row(session: PerformedSession) -> dict[str, object]:
    return {
        "date": session.date,
        "started_at": session.started_at,
        "ended_at": session.ended_at,
        "srpe": session.srpe,
        "notes": session.notes,
        "client_id": session.client_id,
    }


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; everything runlift stores is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)
