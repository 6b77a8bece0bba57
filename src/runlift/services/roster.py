"""The coach's roster: each athlete's next race, sessions done against planned over four weeks,
the last session, and the flags a coach acts on (two missed in a row, a run spike, two failed
sessions on a lift).

One unit of work for the whole roster, and a fixed handful of reads per athlete (accounts,
athlete, plan, planned sessions, moves, runs, sessions, recent sets), whatever the weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from runlift.domain.library import Library
from runlift.domain.progression import SessionResult
from runlift.domain.real_week import Status
from runlift.domain.roster_flags import Due, failed_lifts, missed_in_a_row
from runlift.domain.training_load import run_spikes
from runlift.services.athletes import UowFactory, profile_from_text
from runlift.services.coaching import coached_athletes
from runlift.services.errors import BadInput
from runlift.services.ports import Account, AthleteRecord, StoredSet, UnitOfWork
from runlift.services.real_week import WeekState, weeks_state
from runlift.services.training import session_result

WINDOW_DAYS = 28  # "the last 4 weeks": done against planned, and the sets judged for failure
SPIKE_DAYS = 14  # a run spike older than two weeks is history, not news
KM = 1000.0
MISSED = frozenset({Status.SKIPPED, Status.DROPPED})  # an offered session may still be done


@dataclass(frozen=True, slots=True)
class Flag:
    """Something the coach should look at: a stable code for styling and tests, and a sentence."""

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class NextRace:
    """The athlete's race still ahead, as their profile gives it."""

    distance: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One athlete on the roster; `done` of `planned` counts strength sessions due in the window."""

    athlete_id: int
    name: str
    next_race: NextRace | None
    done: int
    planned: int
    last_session: dt.date | None
    flags: tuple[Flag, ...]


def roster(
    make_uow: UowFactory, library: Library, coach: Account, today: dt.date
) -> list[RosterRow]:
    """Every athlete who accepted this coach and has not revoked, oldest link first."""
    linked = coached_athletes(make_uow, coach)
    rows = []
    with make_uow() as uow:
        for athlete in linked:
            if athlete.athlete_id is None:
                continue
            record = uow.athletes.by_id(athlete.athlete_id)
            if record is not None:
                rows.append(_row(uow, library, record, athlete.name, today))
    return rows


def _row(
    uow: UnitOfWork, library: Library, athlete: AthleteRecord, name: str, today: dt.date
) -> RosterRow:
    since = today - dt.timedelta(days=WINDOW_DAYS - 1)
    weeks = weeks_state(uow, library.catalogue, athlete, since, today, today)
    due = _due(weeks, since, today)
    performed = uow.sessions.all(athlete.id)
    last = max((s.session.date for s in performed if s.session.date <= today), default=None)
    recent_ids = [s.id for s in performed if since <= s.session.date <= today]
    sets = uow.sets.of_sessions(recent_ids) if recent_ids else []
    runs = [r.run for r in uow.runs.all(athlete.id)]
    flags: list[Flag] = []
    missed = missed_in_a_row(due)
    if missed:
        days = " and ".join(d.isoformat() for d in missed)
        flags.append(Flag("missed", f"missed {len(missed)} sessions in a row ({days})"))
    first_run = min((r.date for r in runs), default=None)
    for spike in run_spikes(runs, first_run):
        if today - dt.timedelta(days=SPIKE_DAYS - 1) <= spike.run.date <= today:
            km = spike.run.distance_m / KM
            text = (
                f"run spike: {km:.1f} km on {spike.run.date.isoformat()}, "
                f"{spike.percent_over:g}% over the longest of the 30 days before"
            )
            flags.append(Flag("run_spike", text))
    for lift in failed_lifts(_results(sets)):
        known = library.catalogue.exercises.get(lift)
        shown = known.name if known is not None else lift
        flags.append(Flag("failed_lift", f"two failed sessions in a row on {shown}"))
    done = sum(1 for d in due if d.done)
    return RosterRow(
        athlete.id, name, _next_race(athlete, today), done, len(due), last, tuple(flags)
    )


def _due(weeks: Sequence[WeekState], since: dt.date, today: dt.date) -> list[Due]:
    """The strength sessions planned in the window, done or missed for good (skipped, or dropped
    with no day left); one offered for a later day, or still ahead, is not due yet."""
    due = []
    for week in weeks:
        for session in week.sessions:
            outcome = session.outcome
            planned = outcome.slot.date
            if not outcome.slot.strength or not since <= planned <= today:
                continue
            done = outcome.status is Status.DONE
            if done or (planned < today and outcome.status in MISSED):
                due.append(Due(planned, done))
    return due


def _results(sets: Iterable[StoredSet]) -> list[SessionResult]:
    """Targeted sets grouped per performed session and lift, as progression reads them."""
    grouped: dict[tuple[int, str], list[StoredSet]] = {}
    for stored in sets:
        if stored.logged.target is not None:
            key = (stored.session_id, stored.logged.target.exercise)
            grouped.setdefault(key, []).append(stored)
    return [session_result(group) for group in grouped.values()]


def _next_race(athlete: AthleteRecord, today: dt.date) -> NextRace | None:
    """The profile's dated race if still ahead; a profile not readable shows no race."""
    if not athlete.profile_yaml.strip():
        return None
    try:
        race = profile_from_text(athlete.profile_yaml, "profile").dated_race
    except BadInput:
        return None
    if race is None or race.date is None or race.date < today:
        return None
    return NextRace(race.distance.value.replace("_", " "), race.date)
