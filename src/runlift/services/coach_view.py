"""What the coach pages show in one call each: an athlete under a coach (plan weeks, recent log,
notes, who changed what), and the athlete's side of consent (my coaches, my changes log)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from runlift.domain.library import Library
from runlift.domain.periodize import monday_of
from runlift.services.changes import Change, Note, add_note, changes_of, notes_of
from runlift.services.coaching import LinkedAccount, UowFactory, athlete_access, coaches_of
from runlift.services.errors import Hidden
from runlift.services.ports import Account
from runlift.services.reports import HistoryRow, history_row
from runlift.services.week_view import WeekView, week_view

RECENT_DAYS = 28
RECENT_SETS = 60
CHANGES_SHOWN = 50


@dataclass(frozen=True, slots=True)
class AthleteOverview:
    """An athlete as their coach sees them: this week and next, the recent log, notes, changes."""

    athlete_id: int
    name: str
    weeks: tuple[WeekView, ...]
    recent: tuple[HistoryRow, ...]
    exercise_names: dict[str, str]
    notes: tuple[Note, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class MyCoaches:
    """The athlete's side of consent: the coaches they accepted, and who changed what."""

    coaches: tuple[LinkedAccount, ...]
    changes: tuple[Change, ...]


def athlete_overview(
    make_uow: UowFactory, library: Library, coach: Account, athlete_ref: str, today: dt.date
) -> AthleteOverview:
    """One of the coach's athletes; their own athlete, or anyone not coached, is not found."""
    access = athlete_access(make_uow, coach, athlete_ref)
    if not access.as_coach:
        raise Hidden("athlete", f"no athlete {athlete_ref[:40]!r} you coach", "athlete_id")
    with make_uow() as uow:
        owner = uow.accounts.get(access.account_id)
        since = today - dt.timedelta(days=RECENT_DAYS - 1)
        stored = [s for s in uow.sets.all(access.athlete_id) if since <= s.date <= today]
    this_monday = monday_of(today)
    weeks = tuple(
        week_view(make_uow, library, access.name, monday, today)
        for monday in (this_monday, this_monday + dt.timedelta(days=7))
    )
    recent = sorted(stored, key=lambda s: (s.date, s.id), reverse=True)[:RECENT_SETS]
    known = library.catalogue.exercises
    names = {s.variant: known[s.variant].name for s in recent if s.variant in known}
    return AthleteOverview(
        access.athlete_id,
        owner.name if owner is not None else access.name,
        weeks,
        tuple(history_row(s) for s in recent),
        names,
        tuple(notes_of(make_uow, access.name)),
        tuple(changes_of(make_uow, access.name, CHANGES_SHOWN)),
    )


def my_coaches(make_uow: UowFactory, athlete: Account) -> MyCoaches:
    """The coaches this athlete accepted and their changes log; a coach-only account has none."""
    if athlete.athlete_id is None:
        raise Hidden("athlete", "this account has no athlete", "athlete_id")
    with make_uow() as uow:
        record = uow.athletes.by_id(athlete.athlete_id)
    if record is None:
        raise Hidden("athlete", "this account has no athlete", "athlete_id")
    coaches = tuple(coaches_of(make_uow, athlete))
    return MyCoaches(coaches, tuple(changes_of(make_uow, record.name, CHANGES_SHOWN)))


def add_coach_note(
    make_uow: UowFactory,
    coach: Account,
    athlete_ref: str,
    day: dt.date,
    text: str,
    *,
    today: dt.date,
    now: dt.datetime,
) -> Note:
    """A coach's note on their athlete's session of `day` (the API's notes route, as a form)."""
    access = athlete_access(make_uow, coach, athlete_ref)
    if not access.as_coach:
        raise Hidden("athlete", f"no athlete {athlete_ref[:40]!r} you coach", "athlete_id")
    return add_note(make_uow, access.name, day, text, by=access.caller_id, today=today, now=now)
