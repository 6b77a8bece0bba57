"""A logged session over HTTP: its RPE and a note, as the CLI's guided session stamps them, or
deleted whole, as `runlift session delete` does."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import Field

from runlift import schemas
from runlift.entrypoints.web.bodies import Body
from runlift.entrypoints.web.deps import CoreDep, OwnAthleteDep
from runlift.entrypoints.web.errors import responses
from runlift.services import corrections, gym

router = APIRouter(prefix="/athletes/{athlete_id}/sessions", tags=["log"])
Day = Annotated[dt.date, Path(description="The session's day, YYYY-MM-DD.")]


class SessionStamp(Body):
    """How hard the whole session felt (session RPE, 1-10) and a note; fields left out stay."""

    srpe: int | None = Field(default=None, ge=1, le=10)
    notes: str | None = Field(default=None, max_length=2000)


@router.patch(
    "/{date}", response_model=schemas.PerformedSession, responses=responses(401, 404, 413)
)
def stamp_session(
    date: Day, body: SessionStamp, athlete: OwnAthleteDep, core: CoreDep
) -> schemas.PerformedSession:
    """Give the day's logged session its RPE and note (404 when nothing was logged that day)."""
    ended = core.now() if date == core.today() else None
    done = gym.finish_session(core.uow_factory(), athlete.name, date, body.srpe, body.notes, ended)
    return schemas.PerformedSession(
        date=done.date,
        srpe=done.srpe,
        notes=done.notes,
        started_at=done.started_at,
        ended_at=done.ended_at,
    )


@router.delete("/{date}", status_code=204, responses=responses(401, 404))
def delete_session(date: Day, athlete: OwnAthleteDep, core: CoreDep) -> Response:
    """Remove what was logged on a day, the session and all its sets (`undo` brings it back);
    404 when nothing was logged that day."""
    corrections.delete_session(core.uow_factory(), athlete.name, date, core.now())
    return Response(status_code=204)
