"""SQL repositories of who changed what: an athlete's changes log and notes on sessions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, insert, select

from runlift.adapters.db.codec import as_date, utc
from runlift.adapters.db.tables import changes, session_notes
from runlift.services.ports import EditKind, StoredChange, StoredNote


class SqlChanges:
    """The changes log, newest first (by id: ids grow with every insert)."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(
        self,
        athlete_id: int,
        account_id: int | None,
        kind: EditKind,
        summary: str,
        now: dt.datetime,
    ) -> StoredChange:
        row = {
            "athlete_id": athlete_id,
            "account_id": account_id,
            "kind": kind.value,
            "summary": summary,
            "created_at": utc(now),
        }
        new_id = self.c.execute(insert(changes).values(row).returning(changes.c.id)).scalar_one()
        return StoredChange(new_id, athlete_id, account_id, kind, summary, utc(now))

    def of_athlete(self, athlete_id: int, limit: int) -> list[StoredChange]:
        rows = self.c.execute(
            select(changes)
            .where(changes.c.athlete_id == athlete_id)
            .order_by(changes.c.id.desc())
            .limit(limit)
        ).all()
        return [
            StoredChange(
                r.id, r.athlete_id, r.account_id, EditKind(r.kind), r.summary, utc(r.created_at)
            )
            for r in rows
        ]


def _note(r: Row[Any]) -> StoredNote:
    return StoredNote(r.id, r.athlete_id, r.account_id, as_date(r.date), r.text, utc(r.created_at))


class SqlNotes:
    """Notes on sessions, newest first."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(
        self, athlete_id: int, account_id: int, day: dt.date, text: str, now: dt.datetime
    ) -> StoredNote:
        row = {
            "athlete_id": athlete_id,
            "account_id": account_id,
            "date": day,
            "text": text,
            "created_at": utc(now),
        }
        new_id = self.c.execute(
            insert(session_notes).values(row).returning(session_notes.c.id)
        ).scalar_one()
        return StoredNote(new_id, athlete_id, account_id, day, text, utc(now))

    def of_athlete(self, athlete_id: int, day: dt.date | None = None) -> list[StoredNote]:
        query = select(session_notes).where(session_notes.c.athlete_id == athlete_id)
        if day is not None:
            query = query.where(session_notes.c.date == day)
        rows = self.c.execute(query.order_by(session_notes.c.id.desc())).all()
        return [_note(r) for r in rows]
