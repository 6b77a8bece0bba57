"""One athlete's data as a document: export it, or import one into an empty log."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body

from runlift import schemas
from runlift.entrypoints.web.deps import AthleteDep, CoreDep, OwnAthleteDep
from runlift.entrypoints.web.errors import responses
from runlift.services import transfer

router = APIRouter(prefix="/athletes/{athlete_id}", tags=["transfer"])


@router.get("/export", response_model=dict[str, Any], responses=responses(401, 404))
def export(athlete: AthleteDep, core: CoreDep) -> dict[str, Any]:
    """The athlete's profile, plans, log and runs, in the shape of `runlift export`."""
    return transfer.export_athlete(core.uow_factory(), athlete.name)


@router.post(
    "/import", response_model=schemas.AthleteImport, responses=responses(401, 404, 409, 413)
)
def import_log(
    document: Annotated[
        dict[str, Any], Body(description="An export document holding exactly one athlete.")
    ],
    athlete: OwnAthleteDep,
    core: CoreDep,
) -> schemas.AthleteImport:
    """Load one athlete's document into this athlete's empty log (409 when it is not empty)."""
    count = transfer.import_athlete(
        core.uow_factory(), core.library, athlete.name, document, core.today()
    )
    return schemas.AthleteImport(
        plans=count.plans, sessions=count.sessions, sets=count.sets, runs=count.runs
    )
