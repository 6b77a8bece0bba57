"""The day's planned session as a workout file for a watch, as `runlift watch` writes it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from runlift.entrypoints.web.deps import AthleteDep, CoreDep
from runlift.entrypoints.web.errors import responses
from runlift.services import watch

router = APIRouter(prefix="/athletes/{athlete_id}", tags=["training"])
FIT = "application/vnd.ant.fit"


@router.get(
    "/watch",
    response_class=Response,
    responses=responses(401, 404) | {200: {"content": {FIT: {"schema": {"type": "string"}}}}},
)
def watch_workout(
    athlete: AthleteDep,
    core: CoreDep,
    date: Annotated[dt.date | None, Query(description="YYYY-MM-DD (default: today).")] = None,
    format: Annotated[Literal["fit"], Query(description="fit: a FIT workout.")] = "fit",
) -> Response:
    """The day's strength session as a FIT workout (Garmin and other watches); 422 when none
    is planned that day."""
    found = watch.watch_session(
        core.uow_factory(), core.library, athlete.name, date or core.today(), core.today()
    )
    from runlift.adapters.fit_export import session_to_fit  # fit-tool is slow to load

    filename = f"runlift-{found.date.isoformat()}.{format}"
    return Response(
        session_to_fit(found.session, found.names),
        media_type=FIT,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
