"""The athlete's runs: log one (safe to retry), import GPX/TCX/FIT uploads, list, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Path, Response, UploadFile

from runlift import schemas
from runlift.adapters.run_files import read_run_file
from runlift.domain.training_load import RunEntry
from runlift.entrypoints.shapes.running import run_shape
from runlift.entrypoints.web.bodies import RunIn
from runlift.entrypoints.web.deps import AthleteDep, CoreDep, OwnAthleteDep
from runlift.entrypoints.web.errors import responses
from runlift.services import corrections, running

router = APIRouter(prefix="/athletes/{athlete_id}/runs", tags=["runs"])
RunId = Annotated[int, Path(ge=1, le=2**31 - 1)]
UPLOAD_NAME = "upload"


@router.post(
    "",
    status_code=201,
    response_model=schemas.Run,
    responses=responses(401, 404, 409, 413) | {200: {"model": schemas.Run}},
)
def log_run(body: RunIn, athlete: OwnAthleteDep, core: CoreDep, response: Response) -> schemas.Run:
    """Record a run: 201 the first time, 200 with the same run on a retry, 409 when the client
    id was used for another run. The answer carries the run-spike flag when it applies."""
    run = RunEntry(body.date, body.metres(), body.seconds(), body.type)
    logged = running.add_run_once(
        core.uow_factory(), athlete.name, run, body.client_id, core.today(), core.now()
    )
    if not logged.created:
        response.status_code = 200
    return run_shape(logged.stored, logged.spike)


@router.get("", response_model=list[schemas.Run], responses=responses(401, 404))
def list_runs(athlete: AthleteDep, core: CoreDep) -> list[schemas.Run]:
    """Every logged run, oldest first, with its run-spike flag (as `runs list --format json`)."""
    listing = running.list_runs(core.uow_factory(), athlete.name)
    return [run_shape(stored, spike) for stored, spike in listing.runs]


@router.post("/import", response_model=schemas.RunImport, responses=responses(401, 404, 413))
def import_runs(
    files: Annotated[
        list[UploadFile],
        File(description="GPX, TCX or FIT files: one run per track, activity or session."),
    ],
    athlete: OwnAthleteDep,
    core: CoreDep,
    run_type: Annotated[
        str | None,
        Form(alias="type", max_length=20, description="Give every run this type (easy, ...)."),
    ] = None,
) -> schemas.RunImport:
    """Import runs from uploaded files in one go (one undo); runs already stored are skipped."""
    found = [
        run
        for upload in files
        for run in read_run_file((upload.filename or UPLOAD_NAME)[:200], upload.file.read())
    ]
    count = running.import_runs(
        core.uow_factory(), athlete.name, found, core.today(), core.now(), run_type
    )
    return schemas.RunImport(added=count.added, total=count.total)


@router.delete("/{run_id}", status_code=204, responses=responses(401, 404))
def delete_run(run_id: RunId, athlete: OwnAthleteDep, core: CoreDep) -> Response:
    """Remove a run (`undo` brings it back)."""
    corrections.delete_run(core.uow_factory(), athlete.name, run_id, core.now())
    return Response(status_code=204)
