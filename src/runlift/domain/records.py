"""Personal records from the log: best estimated 1RM, most reps at each load, longest hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from runlift.domain.log import LoggedSet
from runlift.domain.progression import Load, epley
from runlift.domain.vocab import Units


@dataclass(frozen=True, slots=True)
class E1rmRecord:
    """The best estimated 1RM and the set that gave it."""

    e1rm: Load
    date: dt.date
    set_number: int
    reps: int
    load: Load


@dataclass(frozen=True, slots=True)
class RepsRecord:
    """The most reps in one set at a load as entered (None: bodyweight), first reached on date."""

    load: Load | None
    reps: int
    date: dt.date


@dataclass(frozen=True, slots=True)
class ExerciseRecords:
    """Personal records for one exercise."""

    exercise: str
    e1rm: E1rmRecord | None
    reps_at: list[RepsRecord]
    longest_hold: tuple[int, dt.date] | None


def personal_records(
    sets: Iterable[tuple[dt.date, LoggedSet]], units: Units
) -> list[ExerciseRecords]:
    """Records per exercise (slug order) from sets oldest first, so ties keep the first date."""
    e1rm: dict[str, E1rmRecord] = {}
    reps_at: dict[str, dict[tuple[float, str] | None, RepsRecord]] = {}
    holds: dict[str, tuple[int, dt.date]] = {}
    for day, logged in sets:
        slug = logged.exercise
        reps_at.setdefault(slug, {})
        if logged.reps is not None and logged.load is not None and logged.load.value > 0:
            estimate = epley(logged.load.to(units).value, logged.reps)
            if estimate is not None and (slug not in e1rm or estimate > e1rm[slug].e1rm.value):
                e1rm[slug] = E1rmRecord(
                    Load(estimate, units), day, logged.set_number, logged.reps, logged.load
                )
        if logged.reps:
            key = None if logged.load is None else (logged.load.value, logged.load.unit.value)
            known = reps_at[slug].get(key)
            if known is None or logged.reps > known.reps:
                reps_at[slug][key] = RepsRecord(logged.load, logged.reps, day)
        if logged.seconds is not None and (slug not in holds or logged.seconds > holds[slug][0]):
            holds[slug] = (logged.seconds, day)

    def weight(record: RepsRecord) -> float:
        return -1.0 if record.load is None else record.load.to(units).value

    return [
        ExerciseRecords(
            slug, e1rm.get(slug), sorted(reps_at[slug].values(), key=weight), holds.get(slug)
        )
        for slug in sorted(reps_at)
    ]
