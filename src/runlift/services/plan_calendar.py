"""The plan as a calendar of weeks, each session where it really stands (moved, skipped, done).

The stored plan gives each week's phase, deload and planned runs; `real_week` says where each
session stands on `today`, so a move shows up at once and past weeks say what was done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from runlift import schemas
from runlift.domain.library import Library
from runlift.domain.periodize import monday_of
from runlift.domain.real_week import Status, week_of
from runlift.domain.schedule import day_of
from runlift.domain.vocab import Day
from runlift.services.athletes import UowFactory, resolve_athlete
from runlift.services.real_week import RealSession, plan_facts, state_of_week
from runlift.services.stored_plans import check_session

SUNDAY = dt.timedelta(days=6)


@dataclass(frozen=True, slots=True)
class CalendarSession:
    """A session on the day it stands, with its content; `movable` when it may still move."""

    planned: dt.date
    on: dt.date
    status: Status
    lightened: bool
    warning: str | None
    movable: bool
    session: schemas.Session


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """One day of a week: the run the plan expects and the sessions standing on it."""

    date: dt.date
    day: Day
    run: str | None
    sessions: tuple[CalendarSession, ...]


@dataclass(frozen=True, slots=True)
class CalendarWeek:
    """A plan week: `when` is past, current or coming relative to today."""

    number: int
    start: dt.date
    end: dt.date
    phase: str
    deload: bool
    when: str
    days: tuple[CalendarDay, ...]
    move_days: tuple[dt.date, ...]


@dataclass(frozen=True, slots=True)
class PlanCalendar:
    """The whole current plan, week by week, as it stands on `today`."""

    start: dt.date
    race: schemas.Race | None
    notes: tuple[str, ...]
    today: dt.date
    weeks: tuple[CalendarWeek, ...]

    @property
    def current(self) -> CalendarWeek | None:
        """The week holding today, else the first coming week."""
        return next((w for w in self.weeks if w.when != "past"), None)


def _when(start: dt.date, today: dt.date) -> str:
    if start + SUNDAY < today:
        return "past"
    return "current" if start <= today else "coming"


def _session(real: RealSession, today: dt.date) -> CalendarSession:
    """A session where it stands; one skipped or dropped stays on its planned day, so marked."""
    outcome = real.outcome
    on = outcome.on or outcome.slot.date
    content = check_session(None, {**real.record.session, "date": on.isoformat()}, "plan")
    movable = (
        outcome.slot.strength
        and outcome.on is not None
        and outcome.status is not Status.DONE
        and on >= today
    )
    return CalendarSession(
        outcome.slot.date,
        on,
        outcome.status,
        outcome.lightened,
        outcome.warning,
        movable,
        content,
    )


def plan_calendar(
    make_uow: UowFactory, library: Library, name: str, today: dt.date
) -> PlanCalendar | None:
    """The athlete's current plan as weeks of days; None before they gave a profile."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        record = uow.plans.latest(athlete.id)
        if record is None:
            return None
        facts = plan_facts(uow, athlete, monday_of(record.start))
    if facts is None:
        return None
    plan = schemas.Plan.model_validate_json(facts.plan.plan_json)
    weeks = []
    for week in plan.weeks:
        state = state_of_week(facts, library.catalogue, week.start, today)
        weeks.append((week, [_session(s, today) for s in state.sessions]))
    return PlanCalendar(
        plan.start,
        plan.race,
        plan.notes,
        today,
        tuple(_week(week, sessions, today) for week, sessions in weeks),
    )


def _week(week: schemas.Week, sessions: list[CalendarSession], today: dt.date) -> CalendarWeek:
    monday = monday_of(week.start)
    runs = {run.date: run.type.value for run in week.runs}
    days = tuple(
        CalendarDay(
            day,
            day_of(day),
            runs.get(day),
            tuple(s for s in sessions if s.on == day),
        )
        for day in week_of(monday)
    )
    move_days = tuple(d for d in week_of(monday) if d >= today)
    return CalendarWeek(
        week.number,
        week.start,
        monday + SUNDAY,
        week.phase.value,
        week.deload,
        _when(monday, today),
        days,
        move_days,
    )
