"""The guided session's logic, kept out of the terminal code: what is left, and saving sets."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from runlift.domain.library import Library
from runlift.domain.log import LogError, LoggedSet, PerformedSession, check_date
from runlift.domain.progression import Decision, Load, Target, loading_equipment
from runlift.domain.vocab import Equipment, Units
from runlift.services import training
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.errors import BadInput
from runlift.services.ports import StoredSession


@dataclass(frozen=True, slots=True)
class Result:
    """One set as the runner reported it at the prompt."""

    reps: int | None
    load: Load | None = None
    seconds: int | None = None
    rir: int | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """One planned item as the guided run meets it, with the sets already saved for it today."""

    block: str
    item: dict[str, Any]
    decision: Decision | None
    done: tuple[LoggedSet, ...] = ()

    @property
    def exercise(self) -> str:
        return str(self.item["exercise"])

    @property
    def target(self) -> Target | None:
        return self.decision.target if self.decision else None

    @property
    def remaining(self) -> int:
        """Sets still to do (0 for items that are shown, not logged)."""
        return max(0, self.target.sets - len(self.done)) if self.target else 0

    @property
    def next_set(self) -> int:
        """The set number the next entry gets, after whatever is stored for today."""
        return max((s.set_number for s in self.done), default=0) + 1

    @property
    def needs_load(self) -> bool:
        """True when the planned kit carries a load, so a set without one would mislead."""
        target = self.target
        if target is None or target.variant != target.exercise:
            return False
        kit = [Equipment(e) for e in self.item["equipment"]]
        return loading_equipment(kit) is not None


@dataclass(frozen=True, slots=True)
class Guide:
    """Everything the guided run shows for a day, and how far an earlier run got."""

    athlete: str
    date: dt.date
    titles: tuple[str, ...]
    minutes: int
    units: Units
    steps: tuple[Step, ...]
    srpe: int | None = None
    notes: str | None = None
    view: training.DayView | None = None

    @property
    def saved(self) -> int:
        return sum(len(step.done) for step in self.steps)

    @property
    def last_started(self) -> int:
        """Index of the last trained step with a saved set (-1 if none): the resume point."""
        started = [i for i, step in enumerate(self.steps) if step.done]
        return started[-1] if started else -1


def check_day(day: dt.date, today: dt.date) -> None:
    """Refuse a future day before the runner starts warming up, not at the first set."""
    try:
        check_date(day, today)
    except LogError as exc:
        raise BadInput.from_error(exc, "date") from exc


def load_guide(
    make_uow: UowFactory, library: Library, name: str, day: dt.date, today: dt.date
) -> Guide:
    """The day's planned items with targets, and the sets already stored for each of them."""
    check_day(day, today)
    view = training.day_view(make_uow, library, name, day, today=today)
    steps = [
        Step(it.block, it.item, it.decision) for _record, items in view.sessions for it in items
    ]
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        units = profile_from_text(athlete.profile_yaml, athlete.name).units
        pools: dict[str, list[LoggedSet]] = defaultdict(list)
        slugs = sorted({s.exercise for s in steps if s.target is not None})
        latest = uow.sets.recent_of(athlete.id, slugs, 1, before=day + dt.timedelta(days=1))
        for slug, stored_sets in latest.items():
            pools[slug] = [
                stored.logged
                for stored in stored_sets
                if stored.date == day and stored.logged.target is not None
            ]
        session_id = uow.sessions.id_on(athlete.id, day)
        performed = _performed(uow.sessions.all(athlete.id), session_id)
    for index, step in enumerate(steps):
        if step.target is not None and pools[step.exercise]:
            pool = pools[step.exercise]
            steps[index] = replace(step, done=tuple(pool[: step.target.sets]))
            del pool[: step.target.sets]
    return Guide(
        athlete=view.athlete,
        date=day,
        titles=tuple(record.title for record, _items in view.sessions),
        minutes=sum(int(record.session["estimated_minutes"]) for record, _ in view.sessions),
        units=units,
        steps=tuple(steps),
        srpe=performed.srpe if performed else None,
        notes=performed.notes if performed else None,
        view=view,
    )


def _performed(sessions: list[StoredSession], session_id: int | None) -> PerformedSession | None:
    found = [s.session for s in sessions if s.id == session_id]
    return found[0] if found else None


def client_id(day: dt.date, exercise: str, set_number: int) -> str:
    """The id that makes a re-entered or resumed set harmless: one per day, exercise and set."""
    return f"session:{day.isoformat()}:{exercise}:{set_number}"


def working_load(step: Step, entered: list[Result]) -> Load | None:
    """The load Enter means: the last one used today for this item, else the target's."""
    loads = [s.load for s in step.done] + [r.load for r in entered]
    used = [load for load in loads if load is not None]
    if used:
        return used[-1]
    return step.target.load if step.target else None


def prescribed(target: Target, load: Load | None) -> Result:
    """What Enter records: the top of the rep range (or the full hold), the load, target RIR."""
    if target.reps is not None:
        return Result(target.reps[1], load, None, target.rir)
    return Result(None, load, target.seconds, target.rir)


def save_set(
    make_uow: UowFactory,
    library: Library,
    name: str,
    day: dt.date,
    step: Step,
    result: Result,
    set_number: int,
    today: dt.date,
    now: dt.datetime,
) -> bool:
    """Store one set in its own transaction; False when this set of the day was already saved."""
    entry = training.SetEntry(
        exercise=step.exercise,
        reps=result.reps,
        load=result.load,
        seconds=result.seconds,
        rir=result.rir,
        client_id=client_id(day, step.exercise, set_number),
        set_number=set_number,
    )
    return training.log_sets(make_uow, library, name, day, [entry], today, now)[0]


def stamp_session(
    make_uow: UowFactory,
    name: str,
    day: dt.date,
    *,
    started: dt.datetime | None = None,
    ended: dt.datetime | None = None,
    srpe: int | None = None,
    notes: str | None = None,
) -> bool:
    """Add start, end, sRPE and notes to the day's performed session; False if none exists."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        session_id = uow.sessions.id_on(athlete.id, day)
        existing = _performed(uow.sessions.all(athlete.id), session_id)
        if session_id is None or existing is None:
            return False
        try:
            changed = replace(
                existing,
                started_at=existing.started_at or started,
                ended_at=ended or existing.ended_at,
                srpe=srpe if srpe is not None else existing.srpe,
                notes=notes or existing.notes,
            )
        except LogError as exc:
            raise BadInput.from_error(exc) from exc
        if changed != existing:
            uow.sessions.update(session_id, changed)
            uow.commit()
    return True
