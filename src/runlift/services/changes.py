"""Who changed what in an athlete's training: the changes log and notes left on sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from runlift.domain.dates import DateError, check_plan_day
from runlift.services.athletes import UowFactory, resolve_athlete
from runlift.services.change_log import record_change
from runlift.services.errors import BadInput
from runlift.services.ports import EditKind, UnitOfWork

MAX_NOTE_CHARS = 2000
MAX_CHANGES = 500


@dataclass(frozen=True, slots=True)
class Change:
    """One line of the changes log with its author's name (None when the account is gone)."""

    id: int
    author_id: int | None
    author_name: str | None
    kind: EditKind
    summary: str
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Note:
    """A note on the session of a day, with its author's name."""

    id: int
    date: dt.date
    text: str
    author_id: int | None
    author_name: str | None
    created_at: dt.datetime


def _names(uow: UnitOfWork, account_ids: Iterable[int | None]) -> dict[int, str]:
    names: dict[int, str] = {}
    for account_id in set(account_ids):
        account = None if account_id is None else uow.accounts.get(account_id)
        if account is not None:
            names[account.id] = account.name
    return names


def _note_text(text: str) -> str:
    """The note as kept: surrounding blanks trimmed, not empty, bounded, without NUL."""
    kept = text.strip()
    if not kept:
        raise BadInput("text", "write something in the note")
    if len(kept) > MAX_NOTE_CHARS:
        raise BadInput("text", f"a note has at most {MAX_NOTE_CHARS} characters, not {len(kept)}")
    if "\x00" in kept:
        raise BadInput("text", "a note cannot contain a NUL character")
    return kept


def add_note(
    make_uow: UowFactory,
    name: str,
    day: dt.date,
    text: str,
    *,
    by: int,
    today: dt.date,
    now: dt.datetime,
) -> Note:
    """Leave a note on the athlete's session of `day`, as account `by`; logged as a change."""
    kept = _note_text(text)
    try:
        check_plan_day("date", day, today)
    except DateError as exc:
        raise BadInput.from_error(exc) from exc
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = uow.notes.add(athlete.id, by, day, kept, now)
        record_change(uow, athlete.id, by, EditKind.NOTE, f"note on {day.isoformat()}", now)
        names = _names(uow, [by])
        uow.commit()
    return Note(stored.id, day, kept, by, names.get(by), stored.created_at)


def notes_of(make_uow: UowFactory, name: str, day: dt.date | None = None) -> list[Note]:
    """The athlete's notes (of one day when given), newest first."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = uow.notes.of_athlete(athlete.id, day)
        names = _names(uow, (n.account_id for n in stored))
    return [
        Note(n.id, n.date, n.text, n.account_id, names.get(n.account_id or 0), n.created_at)
        for n in stored
    ]


def changes_of(make_uow: UowFactory, name: str, limit: int = 50) -> list[Change]:
    """The athlete's latest `limit` changes (1 to MAX_CHANGES), newest first, with who made them."""
    if not 1 <= limit <= MAX_CHANGES:
        raise BadInput("limit", f"give a limit from 1 to {MAX_CHANGES}, not {limit}")
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = uow.changes.of_athlete(athlete.id, limit)
        names = _names(uow, (c.account_id for c in stored))
    return [
        Change(c.id, c.account_id, names.get(c.account_id or 0), c.kind, c.summary, c.created_at)
        for c in stored
    ]
