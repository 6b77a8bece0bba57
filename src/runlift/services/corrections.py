"""Correcting the log: edit or delete what was logged, and undo any change, newest first.

Every change goes into the journal in the same transaction as the change itself, with what
reverting it exactly needs (see `LogChange`), so undo survives restarts and works on every
store. Progression, records, volume and load read the log, so they follow a correction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from runlift.domain.library import Library
from runlift.domain.log import LogError
from runlift.domain.progression import Load
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.errors import BadInput, Conflict, NotFound, NothingToUndo
from runlift.services.ports import (
    ChangeKind,
    JournalEntry,
    LogChange,
    StoredRun,
    StoredSet,
    UnitOfWork,
)


@dataclass(frozen=True, slots=True)
class ChangeSummary:
    """A change to the log in a few words: its kind, day, exercises and how many rows it moved."""

    kind: ChangeKind
    date: dt.date | None
    exercises: tuple[str, ...]
    sets: int
    runs: int
    sessions: int


def summary(change: LogChange) -> ChangeSummary:
    """What a change touched, counted once per row."""
    return ChangeSummary(
        change.kind,
        change.day,
        change.exercises,
        sets=len(change.added_sets) + len(change.sets_before),
        runs=len(change.added_runs) + len(change.runs_before),
        sessions=len(change.added_sessions) + len(change.sessions_before),
    )


def _own_set(uow: UnitOfWork, athlete_id: int, set_id: int) -> StoredSet:
    stored = uow.sets.get(athlete_id, set_id)
    if stored is None:
        raise NotFound("set", str(set_id), [], field="id")
    return stored


def _checked_edit(
    library: Library,
    units: str,
    stored: StoredSet,
    reps: int | None,
    load: Load | None,
    seconds: int | None,
    rir: int | None,
) -> StoredSet:
    """The set with the given fields changed, checked as a logged set is."""
    if reps is None and load is None and seconds is None and rir is None:
        raise BadInput("set", "nothing to change; give reps, load, seconds or rir")
    exercise = library.catalogue.exercises.get(stored.logged.exercise)
    if exercise is not None:
        hold = exercise.default.reps is None and exercise.default.seconds is not None
        if hold and reps is not None:
            raise BadInput("reps", f"{exercise.slug} is a hold; give seconds")
        if not hold and seconds is not None and stored.logged.seconds is None:
            raise BadInput("seconds", f"{exercise.slug} is done for reps; give reps")
    if load is not None and load.unit.value != units:
        raise BadInput("load", f"{load} is not in {units}, the athlete's units")
    try:
        logged = replace(
            stored.logged,
            reps=stored.logged.reps if reps is None else reps,
            load=stored.logged.load if load is None else load,
            seconds=stored.logged.seconds if seconds is None else seconds,
            rir=stored.logged.rir if rir is None else rir,
        )
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    return replace(stored, logged=logged)


def edit_set(
    make_uow: UowFactory,
    library: Library,
    name: str,
    set_id: int,
    *,
    reps: int | None = None,
    load: Load | None = None,
    seconds: int | None = None,
    rir: int | None = None,
    now: dt.datetime,
) -> StoredSet:
    """Change only the given fields of one of the athlete's sets; the set as it now is."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = _own_set(uow, athlete.id, set_id)
        units = profile_from_text(athlete.profile_yaml).units.value
        edited = _checked_edit(library, units, stored, reps, load, seconds, rir)
        if edited == stored:
            return stored
        uow.sets.update(set_id, edited.logged)
        change = LogChange(
            ChangeKind.SET_EDITED, stored.date, (stored.logged.exercise,), sets_before=(stored,)
        )
        uow.journal.add(athlete.id, change, now)
        uow.commit()
    return edited


def delete_set(make_uow: UowFactory, name: str, set_id: int, now: dt.datetime) -> StoredSet:
    """Remove one of the athlete's sets; the set removed (undo brings it back, same id)."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = _own_set(uow, athlete.id, set_id)
        uow.sets.delete([set_id])
        change = LogChange(
            ChangeKind.SET_DELETED, stored.date, (stored.logged.exercise,), sets_before=(stored,)
        )
        uow.journal.add(athlete.id, change, now)
        uow.commit()
    return stored


def delete_run(make_uow: UowFactory, name: str, run_id: int, now: dt.datetime) -> StoredRun:
    """Remove one of the athlete's runs; the run removed (undo brings it back, same id)."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = uow.runs.get(athlete.id, run_id)
        if stored is None:
            raise NotFound("run", str(run_id), [], field="id")
        uow.runs.delete([run_id])
        change = LogChange(ChangeKind.RUN_DELETED, stored.run.date, runs_before=(stored,))
        uow.journal.add(athlete.id, change, now)
        uow.commit()
    return stored


def delete_session(
    make_uow: UowFactory, name: str, day: dt.date, now: dt.datetime
) -> ChangeSummary:
    """Remove what was performed on a day: its session (or sessions) and all their sets."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        sessions = uow.sessions.on(athlete.id, day)
        if not sessions:
            raise NotFound("session", day.isoformat(), [], field="date")
        session_ids = [s.id for s in sessions]
        sets = uow.sets.of_sessions(session_ids)
        uow.sets.delete([s.id for s in sets])
        uow.sessions.delete(session_ids)
        change = LogChange(
            ChangeKind.SESSION_DELETED,
            day,
            tuple(dict.fromkeys(s.logged.exercise for s in sets)),
            sets_before=tuple(sets),
            sessions_before=tuple(sessions),
        )
        uow.journal.add(athlete.id, change, now)
        uow.commit()
    return summary(change)


def undo(make_uow: UowFactory, name: str, now: dt.datetime) -> ChangeSummary:
    """Revert the athlete's most recent change not undone yet; what it was.

    `now` is accepted like every write's, for the interface's sake; the journal keeps the
    change's own time. Repeating walks further back; with nothing left, `NothingToUndo`.
    """
    del now
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        entry = uow.journal.latest_open(athlete.id)
        if entry is None:
            raise NothingToUndo(athlete.name)
        if not uow.journal.mark_undone(entry.id):
            raise Conflict()
        _revert(uow, athlete.id, entry)
        uow.commit()
    return summary(entry.change)


def _revert(uow: UnitOfWork, athlete_id: int, entry: JournalEntry) -> None:
    """Put the log back as it was before the change: rows added go, rows changed come back."""
    change = entry.change
    uow.sets.delete(list(change.added_sets))
    uow.runs.delete(list(change.added_runs))
    emptied = [s for s in change.added_sessions if not uow.sets.of_sessions([s])]
    uow.sessions.delete(emptied)
    uow.sessions.restore(athlete_id, list(change.sessions_before))
    if change.kind is ChangeKind.SET_EDITED:
        for before in change.sets_before:
            if uow.sets.get(athlete_id, before.id) is None:
                raise Conflict("the set was changed meanwhile; nothing was undone", "log")
            uow.sets.update(before.id, before.logged)
    else:
        uow.sets.restore(athlete_id, list(change.sets_before))
    uow.runs.restore(athlete_id, list(change.runs_before))
