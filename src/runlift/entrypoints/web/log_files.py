"""A Strong or Hevy CSV export into the athlete's log, as `runlift import-log` takes it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, UploadFile

from runlift import schemas
from runlift.adapters.log_csv import read_log_csv
from runlift.domain.vocab import Units
from runlift.entrypoints.shapes.log_import import log_import_shape
from runlift.entrypoints.web.deps import CoreDep, OwnAthleteDep
from runlift.entrypoints.web.errors import responses
from runlift.services import import_log as importer
from runlift.services.exercise_names import parse_aliases

router = APIRouter(prefix="/athletes/{athlete_id}", tags=["log"])


@router.post("/import-log", response_model=schemas.LogImport, responses=responses(401, 404, 413))
def import_log(
    file: Annotated[UploadFile, File(description="The CSV file the app exported.")],
    athlete: OwnAthleteDep,
    core: CoreDep,
    source: Annotated[
        Literal["strong", "hevy"], Query(alias="from", description="The app that wrote it.")
    ],
    skip_unknown: Annotated[
        bool, Query(description="Import what is known and leave out unknown exercises.")
    ] = False,
    mapping: Annotated[
        list[str] | None,
        Query(
            alias="map",
            description="NAME=EXERCISE for a name runlift does not know (NAME= leaves it out).",
        ),
    ] = None,
    units: Annotated[
        Units | None, Query(description="kg or lb, for a file that does not say (default: yours).")
    ] = None,
) -> schemas.LogImport:
    """Import the file's sets into the log (one undo); importing it again adds nothing. Names
    not in the catalogue are 422, naming the closest exercises, unless `skip_unknown`."""
    aliases = parse_aliases(mapping or [], "map")
    result = importer.import_log(
        core.uow_factory(), core.library, athlete.name, read_log_csv(file.file.read(), source),
        source, skip_unknown=skip_unknown, today=core.today(), now=core.now(), aliases=aliases,
        file_units=units,
    )  # fmt: skip
    return log_import_shape(result)
