"""SQL journal of log changes: each change as JSON holding exactly what reverting it needs."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, insert, select, update

from runlift.adapters.db.codec import utc
from runlift.adapters.db.tables import log_journal
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.target_codec import (
    load_from_dict,
    load_to_dict,
    target_from_dict,
    target_to_dict,
)
from runlift.domain.training_load import RunEntry
from runlift.services.ports import (
    ChangeKind,
    JournalEntry,
    LogChange,
    StoredRun,
    StoredSession,
    StoredSet,
)


class SqlJournal:
    """The changes to each athlete's log, newest last; undone ones are kept, marked."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(self, athlete_id: int, change: LogChange, now: dt.datetime) -> int:
        row = {
            "athlete_id": athlete_id,
            "kind": change.kind.value,
            "payload": change_to_json(change),
            "created_at": utc(now),
            "undone": False,
        }
        return int(
            self.c.execute(insert(log_journal).values(row).returning(log_journal.c.id)).scalar_one()
        )

    def latest_open(self, athlete_id: int) -> JournalEntry | None:
        row = self.c.execute(
            select(log_journal)
            .where(log_journal.c.athlete_id == athlete_id, log_journal.c.undone.is_(False))
            .order_by(log_journal.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return JournalEntry(row.id, change_from_json(row.kind, row.payload), utc(row.created_at))

    def mark_undone(self, entry_id: int) -> bool:
        done = self.c.execute(
            update(log_journal)
            .where(log_journal.c.id == entry_id, log_journal.c.undone.is_(False))
            .values(undone=True)
        )
        return done.rowcount == 1


def change_to_json(change: LogChange) -> str:
    """A change as compact, key-sorted JSON (its kind is kept in a column of its own)."""
    data = {
        "day": _day(change.day),
        "exercises": list(change.exercises),
        "added_sets": list(change.added_sets),
        "added_runs": list(change.added_runs),
        "added_sessions": list(change.added_sessions),
        "sets_before": [_set_to_dict(s) for s in change.sets_before],
        "runs_before": [_run_to_dict(r) for r in change.runs_before],
        "sessions_before": [_session_to_dict(s) for s in change.sessions_before],
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def change_from_json(kind: str, text: str) -> LogChange:
    """The inverse of change_to_json."""
    data = json.loads(text)
    return LogChange(
        kind=ChangeKind(kind),
        day=_parse_day(data["day"]),
        exercises=tuple(data["exercises"]),
        added_sets=tuple(int(i) for i in data["added_sets"]),
        added_runs=tuple(int(i) for i in data["added_runs"]),
        added_sessions=tuple(int(i) for i in data["added_sessions"]),
        sets_before=tuple(_set_from_dict(s) for s in data["sets_before"]),
        runs_before=tuple(_run_from_dict(r) for r in data["runs_before"]),
        sessions_before=tuple(_session_from_dict(s) for s in data["sessions_before"]),
    )


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else utc(value).isoformat()


def _parse_time(value: str | None) -> dt.datetime | None:
    return None if value is None else utc(dt.datetime.fromisoformat(value))


def _set_to_dict(stored: StoredSet) -> dict[str, Any]:
    logged = stored.logged
    return {
        "id": stored.id,
        "session_id": stored.session_id,
        "date": stored.date.isoformat(),
        "variant": stored.variant,
        "logged_at": _time(stored.logged_at),
        "exercise": logged.exercise,
        "set_number": logged.set_number,
        "reps": logged.reps,
        "load": load_to_dict(logged.load),
        "seconds": logged.seconds,
        "rir": logged.rir,
        "target": None if logged.target is None else target_to_dict(logged.target),
        "client_id": logged.client_id,
    }


def _set_from_dict(data: dict[str, Any]) -> StoredSet:
    target = data["target"]
    logged = LoggedSet(
        exercise=data["exercise"],
        set_number=int(data["set_number"]),
        reps=data["reps"],
        load=load_from_dict(data["load"]),
        seconds=data["seconds"],
        rir=data["rir"],
        target=None if target is None else target_from_dict(target),
        client_id=data["client_id"],
    )
    return StoredSet(
        int(data["id"]),
        int(data["session_id"]),
        dt.date.fromisoformat(data["date"]),
        data["variant"],
        logged,
        _parse_time(data["logged_at"]),
    )


def _run_to_dict(stored: StoredRun) -> dict[str, Any]:
    run = stored.run
    return {
        "id": stored.id,
        "date": run.date.isoformat(),
        "distance_m": run.distance_m,
        "duration_s": run.duration_s,
        "type": run.type,
        "source": stored.source,
        "client_id": stored.client_id,
        "logged_at": _time(stored.logged_at),
    }


def _run_from_dict(data: dict[str, Any]) -> StoredRun:
    run = RunEntry(
        dt.date.fromisoformat(data["date"]),
        float(data["distance_m"]),
        data["duration_s"],
        data["type"],
    )
    return StoredRun(
        int(data["id"]), run, data["source"], data["client_id"], _parse_time(data["logged_at"])
    )


def _session_to_dict(stored: StoredSession) -> dict[str, Any]:
    session = stored.session
    return {
        "id": stored.id,
        "date": session.date.isoformat(),
        "started_at": _time(session.started_at),
        "ended_at": _time(session.ended_at),
        "srpe": session.srpe,
        "notes": session.notes,
        "client_id": session.client_id,
    }


def _session_from_dict(data: dict[str, Any]) -> StoredSession:
    session = PerformedSession(
        date=dt.date.fromisoformat(data["date"]),
        started_at=_parse_time(data["started_at"]),
        ended_at=_parse_time(data["ended_at"]),
        srpe=data["srpe"],
        notes=data["notes"],
        client_id=data["client_id"],
    )
    return StoredSession(int(data["id"]), session)
