"""Undo over HTTP: the athlete's most recent change to their log, reverted."""

from __future__ import annotations

from fastapi import APIRouter

from runlift import schemas
from runlift.entrypoints.web.deps import CoreDep, OwnAthleteDep
from runlift.entrypoints.web.errors import responses
from runlift.services import corrections

router = APIRouter(prefix="/athletes/{athlete_id}", tags=["log"])


@router.post("/undo", response_model=schemas.Undone, responses=responses(401, 404))
def undo(athlete: OwnAthleteDep, core: CoreDep) -> schemas.Undone:
    """Revert the most recent change not undone yet; again walks further back (404 when none)."""
    done = corrections.undo(core.uow_factory(), athlete.name, core.now())
    return schemas.Undone(
        kind=done.kind.value,
        date=done.date,
        exercises=done.exercises,
        sets=done.sets,
        runs=done.runs,
        sessions=done.sessions,
    )
