"""A whole performed session as a JSON document (a file, an upload), checked before logging."""

from __future__ import annotations

import datetime as dt

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from runlift.domain.log import LogError, PerformedSession, parse_load
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.services.errors import BadInput
from runlift.services.json_text import read_json
from runlift.services.training import SetEntry

# A real session has fewer than 100 sets; this bound keeps one file's write short, so the store
# is never held for long (and every set is still checked before the transaction).
MAX_SETS_PER_SESSION = 500


def check_set_count(data: object) -> None:
    """Refuse a session of more sets than any real one has, naming the limit."""
    sets = data.get("sets") if isinstance(data, dict) else None
    if isinstance(sets, list) and len(sets) > MAX_SETS_PER_SESSION:
        raise BadInput(
            "sets",
            f"{len(sets)} sets in one session; at most {MAX_SETS_PER_SESSION} are accepted",
        )


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LoadIn(_Strict):
    value: float = Field(ge=0)
    unit: str


class SetIn(_Strict):
    exercise: str = Field(min_length=1)
    reps: int | None = None
    load: str | LoadIn | None = None
    seconds: int | None = None
    rir: int | None = None
    id: str | None = Field(default=None, min_length=1, max_length=120)
    set: int | None = Field(default=None, ge=1)
    test: bool = False


class SessionIn(_Strict):
    date: dt.date
    # The session's own id (`id`, or `client_id` as older files say): sent again, it stores nothing.
    client_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=120,
        validation_alias=AliasChoices("id", "client_id"),
    )
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    srpe: int | None = None
    notes: str | None = Field(default=None, max_length=4000)
    sets: list[SetIn] = Field(min_length=1)


def parse_session_document(text: str, source: str) -> SessionIn:
    """Parse and shape-check a session document; BadInput names the source or the field."""
    data = read_json(text, source)
    check_set_count(data)
    try:
        return SessionIn.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "session"
        raise BadInput(field, first["msg"]) from exc


def _load(value: str | LoadIn | None, field: str) -> Load | None:
    try:
        if isinstance(value, str):
            return parse_load(value)
        return None if value is None else Load(value.value, Units(value.unit))
    except LogError as exc:
        raise BadInput(field, str(exc).split(": ", 1)[-1]) from exc
    except ValueError as exc:
        raise BadInput(f"{field}.unit", "accepted: kg, lb") from exc


def session_entries(document: SessionIn) -> tuple[PerformedSession, list[SetEntry]]:
    """The performed session and its sets as the log takes them."""
    entries = [
        SetEntry(
            s.exercise,
            s.reps,
            _load(s.load, f"sets.{index}.load"),
            s.seconds,
            s.rir,
            s.id,
            s.test,
            s.set,
        )
        for index, s in enumerate(document.sets)
    ]
    try:
        session = PerformedSession(
            document.date,
            document.started_at,
            document.ended_at,
            document.srpe,
            document.notes,
            document.client_id,
        )
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    return session, entries
