"""Looking back at the log: history, e1RM trend, personal records and weekly volume per muscle."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from runlift.domain.library import Library
from runlift.domain.progression import Load, Target
from runlift.domain.records import ExerciseRecords, personal_records
from runlift.domain.vocab import Units
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.catalogue import get_exercise
from runlift.services.ports import AthleteRecord, StoredSet

__all__ = ["ExerciseRecords", "HistoryRow", "Trend", "WeekVolume"]


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One logged set as the history shows it; `id` is its stable id (to edit or delete it)."""

    id: int
    date: dt.date
    exercise: str
    variant: str
    set_number: int
    reps: int | None
    load: Load | None
    seconds: int | None
    rir: int | None
    target: Target | None


@dataclass(frozen=True, slots=True)
class Trend:
    """Best estimated 1RM per training day for one exercise, in the athlete's units."""

    athlete: str
    exercise: str
    units: Units
    points: list[tuple[dt.date, float]]


@dataclass(frozen=True, slots=True)
class WeekVolume:
    """Hard sets in one ISO week, counted once for each primary muscle group they train."""

    week: str
    monday: dt.date
    sets: dict[str, int]


def athlete_units(athlete: AthleteRecord) -> Units:
    """The units the athlete wrote in their profile, for showing loads their way."""
    return profile_from_text(athlete.profile_yaml).units


def history_row(stored: StoredSet) -> HistoryRow:
    """A stored set as the history shows it."""
    logged = stored.logged
    return HistoryRow(
        stored.id,
        stored.date,
        logged.exercise,
        stored.variant,
        logged.set_number,
        logged.reps,
        logged.load,
        logged.seconds,
        logged.rir,
        logged.target,
    )


def history(
    make_uow: UowFactory, library: Library, name: str, exercise: str | None = None
) -> list[HistoryRow]:
    """Every logged set, oldest first, optionally for one exercise (slug, name or alias)."""
    slug = get_exercise(library, exercise).slug if exercise is not None else None
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = uow.sets.all(athlete.id, slug)
    return [history_row(s) for s in stored]


def e1rm_trend(make_uow: UowFactory, library: Library, name: str, exercise: str) -> Trend:
    """Best Epley e1RM per day from sets of 10 reps or fewer, converted to the athlete's units."""
    slug = get_exercise(library, exercise).slug
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        units = athlete_units(athlete)
        daily = uow.summaries.daily_best_e1rm(athlete.id, slug)
    best: dict[dt.date, float] = {}
    for day, value, unit in daily:
        converted = Load(value, Units(unit)).to(units).value
        if converted > best.get(day, 0.0):
            best[day] = converted
    return Trend(athlete.name, slug, units, sorted(best.items()))


def records(make_uow: UowFactory, name: str) -> tuple[Units, list[ExerciseRecords]]:
    """Per exercise: the best e1RM with its set, the most reps at each load, the longest hold."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        units = athlete_units(athlete)
        stored = uow.sets.all(athlete.id)
    return units, personal_records(((s.date, s.logged) for s in stored), units)


def weekly_volume(
    make_uow: UowFactory, library: Library, name: str, since: dt.date | None = None
) -> list[WeekVolume]:
    """Sets per ISO week per primary muscle group since a day: grouped in SQL, then a small fold."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        weekly = uow.summaries.weekly_sets(athlete.id, since)
    catalogue = library.catalogue.exercises
    muscles: dict[str, tuple[str, ...]] = {}
    weeks: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, exercise, count in weekly:
        targets = muscles.get(exercise)
        if targets is None:
            known = catalogue.get(exercise)
            targets = tuple(m.value for m in known.primary_muscles) if known else ()
            muscles[exercise] = targets
        year, week, _ = day.isocalendar()
        tally = weeks[(year, week)]
        for muscle in targets:
            tally[muscle] += count
    return [
        WeekVolume(
            f"{year}-W{week:02d}",
            dt.date.fromisocalendar(year, week, 1),
            dict(sorted(weeks[(year, week)].items())),
        )
        for year, week in sorted(weeks)
    ]
