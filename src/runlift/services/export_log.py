"""The athlete's log as another app's sets, so their history leaves runlift as easily as it came.

The interface writes the result with `adapters.log_csv.write_strong_csv` (Strong's layout, which
Hevy and most trackers import). Each stored day is one workout named after that day's planned
session, else 'runlift'; loads are in the athlete's units (converted ones to 0.1), effort is
RPE = 10 - RIR where RIR was logged, and sets are numbered 1, 2, ... per exercise and day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from runlift.domain.foreign_log import ForeignSet, rpe_from_rir
from runlift.domain.library import Library
from runlift.domain.loads import Load
from runlift.domain.vocab import Units
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.ports import StoredSession, UnitOfWork

WORKOUT = "runlift"


@dataclass(frozen=True, slots=True)
class LogExport:
    """An athlete's stored sets as another app's rows, oldest first, loads in `units`."""

    athlete: str
    units: Units
    sets: tuple[ForeignSet, ...]


def _titles(uow: UnitOfWork, athlete_id: int) -> dict[dt.date, str]:
    """The current plan's first session title of each day."""
    plan = uow.plans.latest(athlete_id)
    titles: dict[dt.date, str] = {}
    for record in uow.plans.sessions(plan.id) if plan is not None else []:
        titles.setdefault(record.date, record.title)
    return titles


def _start(day: dt.date, session: StoredSession | None) -> dt.datetime:
    """The session's logged start (as stored, UTC) when it fell on that day, else midnight."""
    started = session.session.started_at if session is not None else None
    if started is not None and started.date() == day:
        return started.replace(tzinfo=None, microsecond=0)
    return dt.datetime.combine(day, dt.time())


def _weight(load: Load | None, units: Units) -> float | None:
    if load is None:
        return None
    return load.value if load.unit is units else round(load.to(units).value, 1)


def export_log(make_uow: UowFactory, library: Library, name: str) -> LogExport:
    """Every stored set of the athlete as a row another app can read back."""
    catalogue = library.catalogue
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        units = profile_from_text(athlete.profile_yaml, "profile").units
        stored = uow.sets.all(athlete.id)
        sessions = {s.id: s for s in uow.sessions.all(athlete.id)}
        titles = _titles(uow, athlete.id)
    numbers: Counter[tuple[dt.date, str]] = Counter()
    rows = []
    for index, s in enumerate(stored):
        exercise = catalogue.exercises.get(s.variant)
        shown = exercise.name if exercise is not None else s.variant
        numbers[(s.date, s.variant)] += 1
        weight = _weight(s.logged.load, units)
        rows.append(
            ForeignSet(
                row=index + 2,
                started=_start(s.date, sessions.get(s.session_id)),
                workout=titles.get(s.date, WORKOUT),
                exercise=shown,
                order=str(numbers[(s.date, s.variant)]),
                weight=weight,
                unit=units if weight is not None else None,
                reps=s.logged.reps,
                seconds=s.logged.seconds,
                rpe=rpe_from_rir(s.logged.rir),
            )
        )
    return LogExport(athlete.name, units, tuple(rows))
