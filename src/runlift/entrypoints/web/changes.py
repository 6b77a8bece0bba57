"""Who changed what: notes on sessions (the athlete's or a coach's) and the changes log."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query

from runlift import schemas
from runlift.entrypoints.web.bodies import NoteIn
from runlift.entrypoints.web.deps import AthleteDep, CoreDep
from runlift.entrypoints.web.errors import responses
from runlift.services import changes
from runlift.services.changes import MAX_CHANGES, Change, Note

router = APIRouter(prefix="/athletes/{athlete_id}", tags=["coaching"])


def _note(note: Note) -> schemas.Note:
    return schemas.Note(
        id=note.id,
        date=note.date,
        text=note.text,
        author_id=note.author_id,
        author_name=note.author_name,
        created_at=note.created_at,
    )


def _change(change: Change) -> schemas.Change:
    return schemas.Change(
        id=change.id,
        author_id=change.author_id,
        author_name=change.author_name,
        kind=change.kind.value,
        summary=change.summary,
        created_at=change.created_at,
    )


@router.post(
    "/notes", status_code=201, response_model=schemas.Note, responses=responses(401, 404, 413)
)
def add_note(body: NoteIn, athlete: AthleteDep, core: CoreDep) -> schemas.Note:
    """Leave a note on the session of a day, as the athlete or their coach."""
    note = changes.add_note(
        core.uow_factory(), athlete.name, body.date, body.text,
        by=athlete.caller_id, today=core.today(), now=core.now(),
    )  # fmt: skip
    return _note(note)


@router.get("/notes", response_model=list[schemas.Note], responses=responses(401, 404))
def notes(
    athlete: AthleteDep,
    core: CoreDep,
    date: Annotated[dt.date | None, Query(description="Only the notes of this day.")] = None,
) -> list[schemas.Note]:
    """The notes on the athlete's sessions (of one day when given), newest first."""
    return [_note(n) for n in changes.notes_of(core.uow_factory(), athlete.name, date)]


@router.get("/changes", response_model=list[schemas.Change], responses=responses(401, 404))
def changes_log(
    athlete: AthleteDep,
    core: CoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_CHANGES)] = 50,
) -> list[schemas.Change]:
    """Who changed the profile, moved a session or left a note, newest first."""
    return [_change(c) for c in changes.changes_of(core.uow_factory(), athlete.name, limit)]
