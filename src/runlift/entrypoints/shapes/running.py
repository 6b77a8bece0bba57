"""Runs, run-spike flags and weekly load as the shared public shapes (`schemas`)."""

from __future__ import annotations

from runlift import schemas
from runlift.domain.training_load import Spike, WeekLoad
from runlift.services.ports import StoredRun


def flag_shape(spike: Spike) -> schemas.Flag:
    """A run-spike flag as the public shape."""
    return schemas.Flag(
        rule=spike.rule,
        date=spike.run.date,
        distance_km=round(spike.run.distance_m / 1000, 3),
        longest_date=spike.longest.date,
        longest_km=round(spike.longest.distance_m / 1000, 3),
        percent_over=spike.percent_over,
        band=spike.band,
    )


def run_shape(stored: StoredRun, spike: Spike | None) -> schemas.Run:
    """A logged run as the public shape (a row of `runs list --format json`)."""
    run = stored.run
    return schemas.Run(
        date=run.date,
        distance_km=round(run.distance_m / 1000, 3),
        duration_s=run.duration_s,
        type=run.type,
        source=stored.source,
        id=stored.id,
        client_id=stored.client_id,
        flag=flag_shape(spike) if spike else None,
    )


def load_week_shape(week: WeekLoad) -> schemas.LoadWeek:
    """One week of running and strength load as the public shape (a row of `load`)."""
    return schemas.LoadWeek(
        week=week.week,
        monday=week.monday,
        run_km=week.run_km,
        runs=week.runs,
        strength_sessions=week.strength_sessions,
        strength_load=week.strength_load,
        strength_unrated=week.strength_unrated,
        flags=tuple(flag_shape(s) for s in week.spikes),
    )
