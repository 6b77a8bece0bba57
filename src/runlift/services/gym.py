"""Gym mode for the web: the day's session as the phone shows it (how-to, target, last time,
what to log with one tap), stamping the session at the end, and the summary with new records.

Built on the guided session's pieces (services/guided.py) so the CLI and the page agree on
targets, prescribed results and which sets of the day belong to which item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from runlift.domain.library import Library
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Decision, Target
from runlift.domain.records import personal_records
from runlift.domain.vocab import Units
from runlift.services import guided, training
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.errors import Hidden, RunliftError
from runlift.services.guided import Result, Step
from runlift.services.ports import StoredSet

__all__ = [
    "GymDay",
    "GymItem",
    "NewRecord",
    "NoPlanYet",
    "Summary",
    "finish_session",
    "gym_day",
    "summary",
]


class NoPlanYet(RunliftError):
    """The runner has not answered the profile questions yet, so there is no day to show."""

    http_status = 404

    def __init__(self, athlete: str) -> None:
        message = f"{athlete} has no plan yet: answer the profile questions first"
        super().__init__(message, None, "no_plan")


@dataclass(frozen=True, slots=True)
class GymItem:
    """One planned item as the phone shows it; `target` is None for warm-up and mobility items."""

    exercise: str
    name: str
    block: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    sets: int
    reps: tuple[int, int] | None
    seconds: int | None
    rest_seconds: int
    per_side: bool
    target: Target | None = None
    decision: Decision | None = None
    why: str | None = None
    done: tuple[LoggedSet, ...] = ()
    last_date: dt.date | None = None
    last_sets: tuple[LoggedSet, ...] = ()
    prescribed: Result | None = None
    needs_load: bool = False
    next_set: int = 1

    @property
    def remaining(self) -> int:
        """Sets still to do (0 for items that are shown, not logged)."""
        return max(0, self.target.sets - len(self.done)) if self.target else 0


@dataclass(frozen=True, slots=True)
class GymDay:
    """A day in gym mode: the session's items, or (a rest day) the next session's date."""

    athlete: str
    date: dt.date
    units: Units
    titles: tuple[str, ...]
    minutes: int
    items: tuple[GymItem, ...]
    can_log: bool
    srpe: int | None = None
    notes: str | None = None
    next_date: dt.date | None = None
    next_title: str | None = None
    day_notes: tuple[str, ...] = ()

    @property
    def trained(self) -> tuple[GymItem, ...]:
        """The items that take logged sets, in plan order."""
        return tuple(item for item in self.items if item.target is not None)

    @property
    def shown_only(self) -> tuple[GymItem, ...]:
        """Warm-up, mobility and cool-down items: done, not logged."""
        return tuple(item for item in self.items if item.target is None)

    @property
    def saved(self) -> int:
        return sum(len(item.done) for item in self.items)


def _item(library: Library, step: Step, last: list[StoredSet]) -> GymItem:
    item = step.item
    target = step.target
    shown = library.catalogue.get(target.variant if target else step.exercise)
    reps = item.get("reps")
    return GymItem(
        exercise=step.exercise,
        name=shown.name,
        block=step.block,
        steps=shown.steps,
        cues=shown.cues,
        sets=int(item["sets"]),
        reps=(int(reps[0]), int(reps[1])) if reps else None,
        seconds=item.get("seconds"),
        rest_seconds=int(item.get("rest_seconds") or 0),
        per_side=bool(item.get("per_side")),
        target=target,
        decision=step.decision,
        why=step.decision.reason if step.decision else None,
        done=step.done,
        last_date=last[0].date if last else None,
        last_sets=tuple(s.logged for s in last),
        prescribed=guided.prescribed(target, guided.working_load(step, [])) if target else None,
        needs_load=step.needs_load,
        next_set=step.next_set,
    )


def gym_day(
    make_uow: UowFactory, library: Library, name: str, day: dt.date, today: dt.date
) -> GymDay:
    """The day's session for gym mode; a day ahead is shown without logging."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        if uow.plans.latest(athlete.id) is None:
            raise NoPlanYet(athlete.name)
    if day > today:
        view = training.day_view(make_uow, library, name, day, today=today)
        steps = tuple(
            Step(it.block, it.item, it.decision) for _record, items in view.sessions for it in items
        )
        titles = tuple(record.title for record, _ in view.sessions)
        minutes = sum(int(record.session["estimated_minutes"]) for record, _ in view.sessions)
        srpe: int | None = None
        notes: str | None = None
    else:
        guide = guided.load_guide(make_uow, library, name, day, today)
        assert guide.view is not None
        view, steps, titles, minutes = guide.view, guide.steps, guide.titles, guide.minutes
        srpe, notes = guide.srpe, guide.notes
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        units = profile_from_text(athlete.profile_yaml, athlete.name).units
        # each exercise's sets on the latest day before this one that has any, in one query
        slugs = sorted({s.exercise for s in steps if s.target is not None})
        lasts = uow.sets.recent_of(athlete.id, slugs, 1, before=day)
    upcoming = view.next_planned
    return GymDay(
        athlete=view.athlete,
        date=day,
        units=units,
        titles=titles,
        minutes=minutes,
        items=tuple(_item(library, step, lasts.get(step.exercise, [])) for step in steps),
        can_log=day <= today,
        srpe=srpe,
        notes=notes,
        next_date=upcoming.date if upcoming is not None else None,
        next_title=upcoming.title if upcoming is not None else None,
        day_notes=tuple(view.notes),
    )


def finish_session(
    make_uow: UowFactory,
    name: str,
    day: dt.date,
    srpe: int | None,
    notes: str | None,
    now: dt.datetime | None = None,
) -> PerformedSession:
    """Stamp the day's performed session with its RPE and a note; Hidden when none was logged."""
    found = guided.stamp_session(make_uow, name, day, ended=now, srpe=srpe, notes=notes or None)
    if not found:
        raise Hidden("session", f"no session logged on {day.isoformat()}", "date")
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = [s.session for s in uow.sessions.on(athlete.id, day)]
    return stored[0]


@dataclass(frozen=True, slots=True)
class NewRecord:
    """A personal record set on the day: which exercise, which kind, and its value as text."""

    exercise: str
    kind: str
    value: str


@dataclass(frozen=True, slots=True)
class Summary:
    """The end of a session: what was logged per exercise, the effort, and any new records."""

    date: dt.date
    units: Units
    exercises: tuple[tuple[str, tuple[LoggedSet, ...]], ...]
    srpe: int | None
    notes: str | None
    records: tuple[NewRecord, ...]

    @property
    def sets(self) -> int:
        return sum(len(done) for _name, done in self.exercises)


def _new_records(
    sets: list[StoredSet], day: dt.date, units: Units, library: Library
) -> tuple[NewRecord, ...]:
    """Records first reached on `day` by exercises that were logged before it."""
    upto = [(s.date, s.logged) for s in sets if s.date <= day]
    seen_before = {s.logged.exercise for s in sets if s.date < day}
    found: list[NewRecord] = []
    for rec in personal_records(upto, units):
        if rec.exercise not in seen_before:
            continue
        name = library.catalogue.get(rec.exercise).name
        if rec.e1rm is not None and rec.e1rm.date == day:
            found.append(NewRecord(name, "estimated 1RM", f"{rec.e1rm.e1rm.value:.1f} {units}"))
        for reps in rec.reps_at:
            if reps.date == day:
                at = f" at {reps.load}" if reps.load is not None else ""
                found.append(NewRecord(name, "most reps", f"{reps.reps}{at}"))
        if rec.longest_hold is not None and rec.longest_hold[1] == day:
            found.append(NewRecord(name, "longest hold", f"{rec.longest_hold[0]} s"))
    return tuple(found)


def summary(make_uow: UowFactory, library: Library, name: str, day: dt.date) -> Summary:
    """What the day's session added up to; Hidden when nothing was logged that day."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        units = profile_from_text(athlete.profile_yaml, athlete.name).units
        everything = uow.sets.all(athlete.id)
        sessions = [s.session for s in uow.sessions.on(athlete.id, day)]
    todays = [s for s in everything if s.date == day]
    if not todays:
        raise Hidden("session", f"no session logged on {day.isoformat()}", "date")
    grouped: dict[str, list[LoggedSet]] = {}
    for stored in todays:
        grouped.setdefault(stored.logged.exercise, []).append(stored.logged)
    exercises = tuple(
        (library.catalogue.get(slug).name, tuple(done)) for slug, done in grouped.items()
    )
    performed = sessions[0] if sessions else None
    return Summary(
        date=day,
        units=units,
        exercises=exercises,
        srpe=performed.srpe if performed else None,
        notes=performed.notes if performed else None,
        records=_new_records(everything, day, units, library),
    )
