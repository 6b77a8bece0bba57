"""Targets, the day's sessions and the log as the shared public shapes (`schemas`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from runlift import schemas
from runlift.domain.progression import Decision, Load, Target
from runlift.domain.vocab import BlockKind, MuscleGroup, Units

if TYPE_CHECKING:  # the converters read these; importing them would load the services
    from runlift.services import reports
    from runlift.services.training import DayView


def load_shape(load: Load | None) -> schemas.Load | None:
    """A load as the public shape; every JSON output uses this one conversion."""
    return None if load is None else schemas.Load(value=load.value, unit=load.unit)


def target_shape(decision: Decision) -> schemas.Target:
    """A decision as the public target shape (inside `runlift today`)."""
    t = decision.target
    return schemas.Target(
        exercise=t.exercise,
        variant=t.variant,
        sets=t.sets,
        reps=t.reps,
        seconds=t.seconds,
        load=load_shape(t.load),
        rir=t.rir,
        tempo=t.tempo,
        counts=t.counts,
        rule=decision.rule,
        reason=decision.reason,
    )


def next_shape(decision: Decision, day: dt.date) -> schemas.Next:
    """The `runlift next --format json` contract: the target and the day it is for."""
    return schemas.Next(**dict(target_shape(decision)), date=day)


def decision_to_dict(decision: Decision) -> dict[str, Any]:
    """A decision as plain JSON data."""
    return target_shape(decision).model_dump(mode="json")


def today_shape(view: DayView) -> schemas.Today:
    """The day's sessions with targets, as the public shape."""
    return schemas.Today(
        athlete=view.athlete,
        date=view.date,
        sessions=tuple(
            schemas.TodaySession(
                title=record.title,
                week=record.week,
                deload=record.deload,
                estimated_minutes=record.session["estimated_minutes"],
                items=tuple(
                    schemas.TodayItem(
                        block=BlockKind(it.block),
                        exercise=it.item["exercise"],
                        planned=schemas.Item.model_validate(it.item),
                        target=target_shape(it.decision) if it.decision else None,
                    )
                    for it in targets
                ),
                why=record.session["why"],
            )
            for record, targets in view.sessions
        ),
        notes=tuple(view.notes),
    )


def _set_target(target: Target) -> schemas.SetTarget:
    return schemas.SetTarget(
        exercise=target.exercise,
        variant=target.variant,
        sets=target.sets,
        reps=target.reps,
        seconds=target.seconds,
        load=load_shape(target.load),
        rir=target.rir,
        tempo=target.tempo,
        counts=target.counts,
    )


def set_log_shape(row: reports.HistoryRow) -> schemas.SetLog:
    """One logged set as the public shape (a row of `history --format json`)."""
    return schemas.SetLog(
        id=row.id,
        date=row.date,
        exercise=row.exercise,
        variant=row.variant,
        set=row.set_number,
        reps=row.reps,
        load=load_shape(row.load),
        seconds=row.seconds,
        rir=row.rir,
        target=_set_target(row.target) if row.target else None,
    )


def records_shape(units: Units, found: list[reports.ExerciseRecords]) -> schemas.Records:
    """Every exercise's personal records as the public shape."""
    return schemas.Records(
        units=units,
        exercises=tuple(
            schemas.Record(
                exercise=r.exercise,
                e1rm=(
                    schemas.E1rm(
                        value=round(r.e1rm.e1rm.value, 2),
                        unit=r.e1rm.e1rm.unit,
                        date=r.e1rm.date,
                        set=r.e1rm.set_number,
                        reps=r.e1rm.reps,
                        load=schemas.Load(value=r.e1rm.load.value, unit=r.e1rm.load.unit),
                    )
                    if r.e1rm
                    else None
                ),
                reps_at=tuple(
                    schemas.RepsAt(load=load_shape(x.load), reps=x.reps, date=x.date)
                    for x in r.reps_at
                ),
                longest_hold=(
                    schemas.Hold(seconds=r.longest_hold[0], date=r.longest_hold[1])
                    if r.longest_hold
                    else None
                ),
            )
            for r in found
        ),
    )


def volume_shape(week: reports.WeekVolume) -> schemas.VolumeWeek:
    """One week of hard sets per muscle group."""
    return schemas.VolumeWeek(
        week=week.week,
        monday=week.monday,
        sets={MuscleGroup(muscle): count for muscle, count in week.sets.items()},
    )


def progress_shape(trend: reports.Trend) -> schemas.Progress:
    """An e1RM trend as the public shape, values to 2 decimals as in the records."""
    return schemas.Progress(
        athlete=trend.athlete,
        exercise=trend.exercise,
        units=trend.units,
        points=tuple(
            schemas.E1rmDay(date=day, e1rm=round(value, 2)) for day, value in trend.points
        ),
    )
