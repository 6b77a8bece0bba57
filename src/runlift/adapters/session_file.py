"""The session JSON of `runlift log --file`: a whole session, checked before it is stored."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError


class SessionFileError(ValueError):
    """The file is unreadable or its content is not a session; names the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


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


def read_session_file(path: Path) -> SessionIn:
    """Parse and shape-check a session file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SessionFileError(str(path), "file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SessionFileError(str(path), "cannot read file") from exc
    except json.JSONDecodeError as exc:
        raise SessionFileError(str(path), f"malformed JSON at line {exc.lineno}") from exc
    try:
        return SessionIn.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "session"
        raise SessionFileError(field, first["msg"]) from exc
