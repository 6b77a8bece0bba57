"""The athlete's own log of sets: log one (safe to retry), page through, correct, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from runlift import schemas
from runlift.entrypoints.shapes.training import set_log_shape
from runlift.entrypoints.web.bodies import SetChange, SetIn, load_of
from runlift.entrypoints.web.deps import AthleteDep, CoreDep, OwnAthleteDep
from runlift.entrypoints.web.errors import responses
from runlift.services import corrections, reports, set_log
from runlift.services.training import SetEntry

router = APIRouter(prefix="/athletes/{athlete_id}/sets", tags=["log"])
SetId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.post(
    "",
    status_code=201,
    response_model=schemas.SetLog,
    responses=responses(401, 404, 409, 413) | {200: {"model": schemas.SetLog}},
)
def log_set(
    body: SetIn, athlete: OwnAthleteDep, core: CoreDep, response: Response
) -> schemas.SetLog:
    """Record a set: 201 the first time, 200 with the same set on a retry, 409 when the client
    id was used for another set."""
    entry = SetEntry(
        body.exercise, body.reps, load_of(body.load), body.seconds, body.rir, body.client_id
    )
    row, created = set_log.log_set_once(
        core.uow_factory(), core.library, athlete.name, body.date, entry, core.today(), core.now()
    )
    if not created:
        response.status_code = 200
    return set_log_shape(row)


@router.get("", response_model=schemas.SetPage, responses=responses(401, 404))
def list_sets(
    athlete: AthleteDep,
    core: CoreDep,
    limit: Annotated[int, Query(ge=1, le=set_log.MAX_PAGE)] = 100,
    cursor: Annotated[int | None, Query(ge=0, le=2**63 - 1)] = None,
) -> schemas.SetPage:
    """Logged sets, oldest id first, a page at a time (`next` is the following page's cursor)."""
    rows, after = set_log.set_page(core.uow_factory(), athlete.name, cursor, limit)
    return schemas.SetPage(items=tuple(set_log_shape(r) for r in rows), next=after)


@router.patch("/{set_id}", response_model=schemas.SetLog, responses=responses(401, 404, 413))
def edit_set(
    set_id: SetId, body: SetChange, athlete: OwnAthleteDep, core: CoreDep
) -> schemas.SetLog:
    """Correct a set's reps, load, seconds or RIR (`undo` brings the old values back)."""
    edited = corrections.edit_set(
        core.uow_factory(), core.library, athlete.name, set_id,
        reps=body.reps, load=load_of(body.load), seconds=body.seconds, rir=body.rir,
        now=core.now(),
    )  # fmt: skip
    return set_log_shape(reports.history_row(edited))


@router.delete("/{set_id}", status_code=204, responses=responses(401, 404))
def delete_set(set_id: SetId, athlete: OwnAthleteDep, core: CoreDep) -> Response:
    """Remove a set (`undo` brings it back)."""
    corrections.delete_set(core.uow_factory(), athlete.name, set_id, core.now())
    return Response(status_code=204)
