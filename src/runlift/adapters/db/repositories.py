"""SQL repositories: rows in, domain records out; no business rules here."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, update

from runlift.adapters.db.codec import utc
from runlift.adapters.db.tables import (
    athletes,
    planned_sessions,
    plans,
)
from runlift.services.errors import Damaged
from runlift.services.ports import (
    AthleteRecord,
    PlannedSessionRecord,
    PlanRecord,
)


class SqlAthletes:
    """Athletes by name."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(self, name: str, profile_yaml: str, now: dt.datetime) -> AthleteRecord:
        stamp = utc(now)
        row = {"name": name, "profile_yaml": profile_yaml, "created_at": stamp, "updated_at": stamp}
        new_id = self.c.execute(insert(athletes).values(row).returning(athletes.c.id)).scalar_one()
        return AthleteRecord(new_id, name, profile_yaml)

    def get(self, name: str) -> AthleteRecord | None:
        row = self.c.execute(select(athletes).where(athletes.c.name == name)).first()
        return None if row is None else AthleteRecord(row.id, row.name, row.profile_yaml)

    def by_id(self, athlete_id: int) -> AthleteRecord | None:
        row = self.c.execute(select(athletes).where(athletes.c.id == athlete_id)).first()
        return None if row is None else AthleteRecord(row.id, row.name, row.profile_yaml)

    def all(self) -> list[AthleteRecord]:
        """By name in code-point order, the same on every database whatever its collation."""
        rows = self.c.execute(select(athletes)).all()
        return sorted(
            (AthleteRecord(r.id, r.name, r.profile_yaml) for r in rows), key=lambda a: a.name
        )

    def update_profile(self, athlete_id: int, profile_yaml: str, now: dt.datetime) -> None:
        self.c.execute(
            update(athletes)
            .where(athletes.c.id == athlete_id)
            .values(profile_yaml=profile_yaml, updated_at=utc(now))
        )

    def stamps(self, athlete_id: int) -> tuple[dt.datetime, dt.datetime]:
        """When the athlete was stored and last changed, for a lossless export."""
        row = self.c.execute(
            select(athletes.c.created_at, athletes.c.updated_at).where(athletes.c.id == athlete_id)
        ).one()
        return utc(row[0]), utc(row[1])

    def lock(self, athlete_id: int) -> None:
        """PostgreSQL: lock the athlete's row; SQLite holds the write lock from BEGIN already."""
        if self.c.dialect.name == "postgresql":
            self.c.execute(
                select(athletes.c.id).where(athletes.c.id == athlete_id).with_for_update()
            )

    def lock_all(self) -> None:
        """PostgreSQL: a lock no other writer of athletes shares; SQLite: held from BEGIN."""
        if self.c.dialect.name == "postgresql":
            self.c.execute(text("LOCK TABLE athletes IN SHARE ROW EXCLUSIVE MODE"))


class SqlPlans:
    """Versioned plans and their planned sessions.

    One unit of work reads the current plan and its sessions several times (the day's targets,
    the real week): each is read and decoded once per unit of work, forgotten on any plan write.
    """

    def __init__(self, connection: Connection) -> None:
        self.c = connection
        self._latest: dict[int, PlanRecord | None] = {}
        self._sessions: dict[int, list[PlannedSessionRecord]] = {}

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
        self._forget()
        row = {
            "athlete_id": athlete_id,
            "version": version,
            "start": start,
            "profile_yaml": profile_yaml,
            "plan_json": plan_json,
            "created_at": utc(now),
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

    def _forget(self) -> None:
        """Drop what was read: plans were written (here, by the store check) or rolled back."""
        self._latest.clear()
        self._sessions.clear()

    def _record(self, row: object) -> PlanRecord:
        r = row
        return PlanRecord(r.id, r.athlete_id, r.version, r.start, r.profile_yaml, r.plan_json)  # type: ignore[attr-defined]

    def latest(self, athlete_id: int) -> PlanRecord | None:
        if athlete_id not in self._latest:
            row = self.c.execute(
                select(plans)
                .where(plans.c.athlete_id == athlete_id)
                .order_by(plans.c.version.desc())
            ).first()
            self._latest[athlete_id] = None if row is None else self._record(row)
        return self._latest[athlete_id]

    def all(self, athlete_id: int) -> list[PlanRecord]:
        rows = self.c.execute(
            select(plans).where(plans.c.athlete_id == athlete_id).order_by(plans.c.version)
        ).all()
        return [self._record(r) for r in rows]

    def created_at(self, plan_id: int) -> dt.datetime:
        """When a plan version was made, for a lossless export."""
        return utc(
            self.c.execute(select(plans.c.created_at).where(plans.c.id == plan_id)).scalar_one()
        )

    def sessions(
        self, plan_id: int, first: dt.date | None = None, last: dt.date | None = None
    ) -> list[PlannedSessionRecord]:
        """The plan's sessions by date (from `first` to `last`, both kept); a new list each
        call, of records read once per unit of work when the whole plan is asked for."""
        if first is None and last is None:
            if plan_id not in self._sessions:
                self._sessions[plan_id] = self._read_sessions(plan_id)
            return list(self._sessions[plan_id])
        if plan_id in self._sessions:
            return [
                r
                for r in self._sessions[plan_id]
                if (first is None or r.date >= first) and (last is None or r.date <= last)
            ]
        return self._read_sessions(plan_id, first, last)

    def _read_sessions(
        self, plan_id: int, first: dt.date | None = None, last: dt.date | None = None
    ) -> list[PlannedSessionRecord]:
        query = select(planned_sessions).where(planned_sessions.c.plan_id == plan_id)
        if first is not None:
            query = query.where(planned_sessions.c.date >= first)
        if last is not None:
            query = query.where(planned_sessions.c.date <= last)
        rows = self.c.execute(
            query.order_by(planned_sessions.c.date, planned_sessions.c.position)
        ).all()
        return [
            PlannedSessionRecord(
                r.date, r.position, r.week, bool(r.deload), r.title, _session_content(r)
            )
            for r in rows
        ]


# Planned sessions decoded, by their stored JSON text: every request reads the whole plan, and
# its sessions' texts rarely change. Keyed by the text read from the store on each request, so
# no write anywhere can make an entry wrong; the contents are shared, so users copy them before
# changing anything (as the real week does).
_DECODED: dict[str, dict[str, Any]] = {}
_DECODED_MAX = 2048


def _session_content(row: Any) -> dict[str, Any]:
    """A planned session's stored JSON; `Damaged` when it is not a JSON object."""
    text: str = row.session_json
    content = _DECODED.get(text)
    if content is not None:
        return content
    try:
        content = json.loads(text, parse_constant=_no_constant)
    except ValueError as exc:
        raise Damaged("planned_sessions", row.id, "not JSON") from exc
    if not isinstance(content, dict):
        raise Damaged("planned_sessions", row.id, "not a JSON object")
    if len(_DECODED) >= _DECODED_MAX:
        _DECODED.clear()
    _DECODED[text] = content
    return content


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


__all__ = ["SqlAthletes", "SqlPlans"]
