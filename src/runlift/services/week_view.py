"""`week`: the Mon-Sun week as planned and as done, with moves, skips, missed sessions and next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from runlift.domain.library import Library
from runlift.domain.periodize import monday_of
from runlift.domain.real_week import Status, week_of
from runlift.domain.schedule import day_of
from runlift.domain.vocab import Day, RunType
from runlift.services.athletes import UowFactory, resolve_athlete
from runlift.services.real_week import RealSession, next_session, week_state

KM = 1000.0


@dataclass(frozen=True, slots=True)
class WeekSession:
    """A planned session: planned on `planned`, standing on `on` (None: skipped or dropped)."""

    title: str
    kind: str
    planned: dt.date
    on: dt.date | None
    status: Status
    lightened: bool
    why: tuple[str, ...]
    warning: str | None


@dataclass(frozen=True, slots=True)
class WeekRun:
    """A logged run of the day."""

    type: str | None
    distance_km: float
    duration_s: int | None


@dataclass(frozen=True, slots=True)
class WeekDay:
    """One day: the run the profile plans, the runs logged, and the sessions standing on it."""

    date: dt.date
    day: Day
    planned_run: RunType | None
    logged_runs: tuple[WeekRun, ...]
    sessions: tuple[WeekSession, ...]


@dataclass(frozen=True, slots=True)
class NextSession:
    """The next session still to do."""

    date: dt.date
    title: str


@dataclass(frozen=True, slots=True)
class WeekView:
    """The week containing `today`, planned against done; field names match `schemas.WeekView`."""

    athlete: str
    monday: dt.date
    today: dt.date
    days: tuple[WeekDay, ...]
    next: NextSession | None


def _line(session: RealSession) -> WeekSession:
    outcome = session.outcome
    kind = "strength" if outcome.slot.strength else "rehab"
    return WeekSession(
        outcome.slot.title,
        kind,
        outcome.slot.date,
        outcome.on,
        outcome.status,
        outcome.lightened,
        outcome.why,
        outcome.warning,
    )


def week_view(
    make_uow: UowFactory,
    library: Library,
    name: str,
    day: dt.date,
    today: dt.date | None = None,
) -> WeekView:
    """The Mon-Sun week containing `day` as it stands on `today` (by default `day`)."""
    seen = today or day
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        state = week_state(uow, library.catalogue, athlete, day, seen)
        upcoming = next_session(uow, library.catalogue, athlete, max(day, seen), seen)
    if state is None:
        days = tuple(WeekDay(d, day_of(d), None, (), ()) for d in week_of(monday_of(day)))
        return WeekView(athlete.name, monday_of(day), seen, days, None)
    lines = []
    for d in week_of(state.monday):
        here = [s for s in state.sessions if (s.outcome.on or s.outcome.slot.date) == d]
        runs = tuple(
            WeekRun(r.type, round(r.distance_m / KM, 2), r.duration_s)
            for r in state.runs
            if r.date == d
        )
        sessions = tuple(_line(s) for s in here)
        lines.append(WeekDay(d, day_of(d), state.calendar.planned(d), runs, sessions))
    following = None
    if upcoming is not None:
        following = NextSession(upcoming.record.date, upcoming.record.title)
    return WeekView(athlete.name, state.monday, seen, tuple(lines), following)
