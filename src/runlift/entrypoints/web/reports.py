"""Reports on an athlete's log, the JSON the CLI's history, progress, records, volume and load
print (and the progress chart)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from runlift import schemas
from runlift.entrypoints import charts
from runlift.entrypoints.shapes import running as run_shapes
from runlift.entrypoints.shapes import training as shapes
from runlift.entrypoints.text.reports import display_name
from runlift.entrypoints.web.deps import AthleteDep, CoreDep
from runlift.entrypoints.web.errors import responses
from runlift.services import reports, running
from runlift.services.errors import BadInput

router = APIRouter(prefix="/athletes/{athlete_id}", tags=["reports"])
Weeks = Annotated[int, Query(ge=1, le=1040, description="How many weeks back.")]
Exercise = Annotated[str, Path(min_length=1, max_length=80, description="Slug, name or alias.")]
PNG = "image/png"


def _first_monday(today: dt.date, weeks: int) -> dt.date:
    return today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)


@router.get("/history", response_model=list[schemas.SetLog], responses=responses(401, 404))
def history(
    athlete: AthleteDep,
    core: CoreDep,
    exercise: Annotated[str | None, Query(min_length=1, max_length=80)] = None,
) -> list[schemas.SetLog]:
    """Every logged set, oldest first, optionally of one exercise."""
    rows = reports.history(core.uow_factory(), core.library, athlete.name, exercise)
    return [shapes.set_log_shape(r) for r in rows]


@router.get(
    "/progress/{exercise}",
    response_model=schemas.Progress,
    responses=responses(401, 404) | {200: {"content": {PNG: {"schema": {"type": "string"}}}}},
)
def progress(
    athlete: AthleteDep,
    core: CoreDep,
    exercise: Exercise,
    format: Annotated[Literal["json", "png"], Query()] = "json",
) -> schemas.Progress | Response:
    """The exercise's estimated 1RM per training day; `?format=png` draws it as a chart."""
    trend = reports.e1rm_trend(core.uow_factory(), core.library, athlete.name, exercise)
    if format == "json":
        return shapes.progress_shape(trend)
    name = display_name(core.library.catalogue, trend.exercise)
    if not trend.points:
        raise BadInput("format", f"nothing to chart: no loaded sets of 10 reps or fewer for {name}")
    return Response(charts.trend_png(trend, name), media_type=PNG)


@router.get("/records", response_model=schemas.Records, responses=responses(401, 404))
def records(athlete: AthleteDep, core: CoreDep) -> schemas.Records:
    """Personal records per exercise."""
    units, found = reports.records(core.uow_factory(), athlete.name)
    return shapes.records_shape(units, found)


@router.get("/volume", response_model=list[schemas.VolumeWeek], responses=responses(401, 404))
def volume(athlete: AthleteDep, core: CoreDep, weeks: Weeks = 12) -> list[schemas.VolumeWeek]:
    """Hard sets per week for each muscle group."""
    since = _first_monday(core.today(), weeks)
    found = reports.weekly_volume(core.uow_factory(), core.library, athlete.name, since)
    return [shapes.volume_shape(w) for w in found]


@router.get("/load", response_model=list[schemas.LoadWeek], responses=responses(401, 404))
def load(athlete: AthleteDep, core: CoreDep, weeks: Weeks = 12) -> list[schemas.LoadWeek]:
    """Running km and strength load per week, with run-spike flags."""
    today = core.today()
    report = running.weekly_load(
        core.uow_factory(), athlete.name, _first_monday(today, weeks), today
    )
    return [run_shapes.load_week_shape(w) for w in report.weeks]
