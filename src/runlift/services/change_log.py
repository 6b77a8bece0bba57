"""Recording a change to an athlete's training in the changes log.

A change is recorded in the same unit of work as the change itself, so the log never tells of
a change that was not kept, nor misses one that was.
"""

from __future__ import annotations

import datetime as dt

from runlift.services.ports import EditKind, UnitOfWork

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day_text(day: dt.date) -> str:
    """'Thu 2026-12-10': the weekday named the same whatever the locale."""
    return f"{DAY_NAMES[day.weekday()]} {day.isoformat()}"


def record_change(
    uow: UnitOfWork,
    athlete_id: int,
    by: int | None,
    kind: EditKind,
    summary: str,
    now: dt.datetime,
) -> None:
    """Log a change made through `uow` by account `by`; the caller commits both together.

    Nothing is logged without an account: the CLI, a trusted local tool, acts as nobody."""
    if by is not None:
        uow.changes.add(athlete_id, by, kind, summary, now)
