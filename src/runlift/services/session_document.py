"""A whole performed session as a JSON document (a file, an upload), checked before logging."""

from __future__ import annotations

import datetime as dt

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from runlift.domain.dates import TIME_EXAMPLE, DateError, check_moment
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
    value: float = Field(ge=0, allow_inf_nan=False)
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
    """Parse and shape-check a session document; BadInput names the source or the field.

    A leading byte-order mark is accepted (editors on Windows write one), as YAML accepts it.
    """
    data = read_json(text.removeprefix("\ufeff"), source)
    check_set_count(data)
    try:
        return SessionIn.model_validate(data)
    except ValidationError as exc:
        field, message = _first_problem(exc)
        raise BadInput(field, message) from exc


def _first_problem(error: ValidationError) -> tuple[str, str]:
    """The most specific problem: for `load` (text or a mapping) the branch that got furthest."""
    problems = error.errors()
    first = problems[0]
    for other in problems[1:]:
        if other["loc"][:-2] == first["loc"][:-1] and len(other["loc"]) > len(first["loc"]):
            first = other
    path = [str(p) for p in first["loc"] if p not in _UNION_BRANCHES]
    field = ".".join(path) or "session"
    kind = first["type"]
    if kind == "finite_number":
        return field, "must be a finite number (NaN and Infinity are not accepted)"
    if kind.startswith("date_") and isinstance(first.get("input"), str):
        return field, f"{_cut(first['input'])} is not a date; use YYYY-MM-DD"
    if kind.startswith("datetime_") and isinstance(first.get("input"), str):
        return field, f"{_cut(first['input'])} is not a time; {TIME_EXAMPLE}"
    return field, first["msg"]


def _cut(text: str, limit: int = 40) -> str:
    """A value as typed, cut short so a huge one never floods the one-line message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


# Pydantic names the member of a union in an error's location; users never wrote these.
_UNION_BRANCHES = {"str", "LoadIn"}


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
            _moment("started_at", document.started_at),
            _moment("ended_at", document.ended_at),
            document.srpe,
            document.notes,
            document.client_id,
        )
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    return session, entries


def _moment(field: str, value: dt.datetime | None) -> dt.datetime | None:
    """A session time with its time zone, inside the window of `domain.dates`, as UTC."""
    try:
        return None if value is None else check_moment(field, value)
    except DateError as exc:
        raise BadInput.from_error(exc) from exc
