"""An athlete's profile, plan and days: what the CLI's athlete, today, week, next, move and skip
do."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from runlift import schemas
from runlift.entrypoints.shapes import training as shapes
from runlift.entrypoints.shapes.week import week_shape
from runlift.entrypoints.web.bodies import Move, Skip
from runlift.entrypoints.web.deps import AthleteDep, CoreDep
from runlift.entrypoints.web.errors import responses
from runlift.services import athletes, real_week, training, week_view
from runlift.services.profile import profile_yaml
from runlift.services.profile_text import ProfileIn

router = APIRouter(prefix="/athletes/{athlete_id}", tags=["training"])
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD (default: today).")]
Exercise = Annotated[str, Path(min_length=1, max_length=80)]
ICS = "text/calendar"


def _plan(record_json: str) -> Response:
    """The stored plan checked as the public shape, as the JSON FastAPI would answer for it."""
    return Response(_plan_body(record_json), media_type="application/json")


@lru_cache(maxsize=32)  # keyed by the stored text itself: a plan changed anywhere is a new key
def _plan_body(record_json: str) -> bytes:
    """Checking and rendering a whole plan costs more than the rest of the request: once a text."""
    plan = schemas.Plan.model_validate_json(record_json)
    return plan.model_dump_json(by_alias=True).encode()


@router.get("/profile", response_model=ProfileIn, responses=responses(401, 404))
def get_profile(athlete: AthleteDep, core: CoreDep) -> ProfileIn:
    """The athlete's profile, as the fields of a profile file; 404 before one was given."""
    return athletes.profile_document(core.uow_factory(), athlete.name)


@router.put("/profile", response_model=schemas.Plan, responses=responses(401, 404, 413))
def put_profile(
    body: ProfileIn,
    athlete: AthleteDep,
    core: CoreDep,
    start: Annotated[
        dt.date | None, Query(description="Plan start (default: next Monday).")
    ] = None,
) -> Response:
    """Store a changed profile and re-plan (the log is kept); answers the new plan."""
    text = profile_yaml(body.model_dump(mode="json", exclude_none=True))
    _, record = athletes.update_athlete(
        core.uow_factory(), core.library, athlete.name, text, "profile", start,
        core.today(), core.now(), by=athlete.caller_id,
    )  # fmt: skip
    return _plan(record.plan_json)


@router.get(
    "/plan",
    response_model=schemas.Plan,
    responses=responses(401, 404) | {200: {"content": {ICS: {"schema": {"type": "string"}}}}},
)
def plan(
    athlete: AthleteDep,
    core: CoreDep,
    format: Annotated[Literal["json", "ics"], Query()] = "json",
) -> Response:
    """The current plan; `?format=ics` as a calendar."""
    if format == "ics":
        from runlift.adapters.ics_export import plan_to_ics  # icalendar only when asked for

        found = athletes.current_plan(core.uow_factory(), core.library, athlete.name)
        return Response(plan_to_ics(found, core.library.catalogue), media_type=ICS)
    return _plan(athletes.latest_plan(core.uow_factory(), athlete.name).plan_json)


@router.get("/today", response_model=schemas.Today, responses=responses(401, 404))
def today(athlete: AthleteDep, core: CoreDep, date: Day = None) -> schemas.Today:
    """The day's session with concrete targets."""
    view = training.day_view(
        core.uow_factory(), core.library, athlete.name, date or core.today(), today=core.today()
    )
    return shapes.today_shape(view)


@router.get("/week", response_model=schemas.WeekView, responses=responses(401, 404))
def week(athlete: AthleteDep, core: CoreDep, date: Day = None) -> schemas.WeekView:
    """The week of `date`, planned against done."""
    view = week_view.week_view(
        core.uow_factory(), core.library, athlete.name, date or core.today(), today=core.today()
    )
    return week_shape(view)


@router.get("/next/{exercise}", response_model=schemas.Next, responses=responses(401, 404))
def next_target(athlete: AthleteDep, core: CoreDep, exercise: Exercise) -> schemas.Next:
    """The next target for an exercise, the day it is for, and the rule that set it."""
    make_uow, today = core.uow_factory(), core.today()
    day, decision = training.next_answer(make_uow, core.library, athlete.name, exercise, today)
    return shapes.next_shape(decision, day)


@router.post("/moves", response_model=schemas.Moved, responses=responses(401, 404, 409, 413))
def move(body: Move, athlete: AthleteDep, core: CoreDep) -> schemas.Moved:
    """Move a planned session to another day of its week, within the spacing rules."""
    moved = real_week.move_session(
        core.uow_factory(), core.library, athlete.name, body.date, body.to,
        anyway=body.anyway, today=core.today(), now=core.now(), by=athlete.caller_id,
    )  # fmt: skip
    return schemas.Moved(moved_from=moved.moved_from, to=moved.to, warning=moved.warning)


@router.post("/skips", response_model=schemas.Skipped, responses=responses(401, 404, 409, 413))
def skip(body: Skip, athlete: AthleteDep, core: CoreDep) -> schemas.Skipped:
    """Skip a planned strength session (the plan goes on; progression waits for the next one)."""
    planned = real_week.skip_session(
        core.uow_factory(), core.library, athlete.name, body.date,
        today=core.today(), now=core.now(), by=athlete.caller_id,
    )  # fmt: skip
    return schemas.Skipped(date=body.date, planned=planned)
