"""The plan JSON the store keeps, checked with the public shapes and the catalogue before any use.

Imports check documents with these before writing; reading a stored plan checks it again, so a
row written behind runlift's back (or by an older import) is one clear error, never a crash.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from runlift import schemas
from runlift.domain.library import Library
from runlift.services.errors import BadInput, Damaged
from runlift.services.ports import PlannedSessionRecord, PlanRecord


def storable(value: object, path: str) -> None:
    """Refuse what no database keeps as given: NUL in text, NaN or infinite numbers."""
    try:  # the C encoder sees at once whether there is anything to find; the walk names it
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        _storable(value, path)
        return
    if "\\u0000" in text:
        _storable(value, path)


def _storable(value: object, path: str) -> None:
    """The walk that names the first NUL or non-finite number and where it is."""
    if isinstance(value, str):
        if "\x00" in value:
            raise BadInput(path, "contains a NUL character")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise BadInput(path, f"{value} is not a finite number")
    elif isinstance(value, dict):
        for key, item in value.items():
            _storable(key, path or "document")
            _storable(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _storable(item, f"{path}.{index}" if path else str(index))


def _first(exc: ValidationError, field: str) -> BadInput:
    first = exc.errors()[0]
    where = ".".join([field, *(str(p) for p in first["loc"])])
    return BadInput(where, first["msg"])


def _known(library: Library | None, sessions: Iterable[tuple[str, schemas.Session]]) -> None:
    if library is None:
        return
    for field, session in sessions:
        for b, block in enumerate(session.blocks):
            for i, item in enumerate(block.items):
                if item.exercise not in library.catalogue.exercises:
                    where = f"{field}.blocks.{b}.items.{i}.exercise"
                    raise BadInput(where, f"unknown exercise {item.exercise!r}")


def check_session(library: Library | None, data: object, field: str) -> schemas.Session:
    """A planned session as the plan shows it: the public shape, every exercise in the catalogue.

    Sessions stored before `counts_for_progression` existed lack it; they are read as not
    saying (training.counts_for_progression decides), so they are accepted without it.
    """
    storable(data, field)
    if isinstance(data, dict) and "counts_for_progression" not in data:
        data = {**data, "counts_for_progression": True}
    try:
        session = schemas.Session.model_validate(data)
    except ValidationError as exc:
        raise _first(exc, field) from exc
    _known(library, [(field, session)])
    return session


def check_plan(library: Library, data: object, field: str) -> schemas.Plan:
    """A whole plan document: the public shape, every exercise in the catalogue."""
    storable(data, field)
    try:
        plan = schemas.Plan.model_validate(data)
    except ValidationError as exc:
        raise _first(exc, field) from exc
    _known(
        library,
        (
            (f"{field}.weeks.{w}.sessions.{s}", session)
            for w, week in enumerate(plan.weeks)
            for s, session in enumerate(week.sessions)
        ),
    )
    return plan


def plan_problem(library: Library, text: str) -> str | None:
    """What is wrong with a stored plan's JSON text; None when it reads as a plan."""
    try:
        check_plan(library, _decoded(text), "plan")
    except BadInput as exc:
        return str(exc)
    return None


def session_problem(library: Library, data: object) -> str | None:
    """What is wrong with a stored planned session's content; None when it reads as a session."""
    try:
        check_session(library, data, "session")
    except BadInput as exc:
        return str(exc)
    return None


def _decoded(text: str) -> object:
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except ValueError as exc:
        raise BadInput("plan", "is not JSON") from exc


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def decoded_plan(plan: PlanRecord) -> object:
    """A stored plan's JSON as data (unchecked, for a lossless export); `Damaged` if not JSON."""
    try:
        return _decoded(plan.plan_json)
    except BadInput as exc:
        raise Damaged("plans", plan.id, "not JSON") from exc


# Session contents that passed `check_session`, by identity, with the library they were checked
# against: the store hands out one decoded content per stored text, so a plan read again is not
# checked again. Each entry holds its content, so an id is never reused while it is here.
_READABLE: dict[int, tuple[object, Library | None]] = {}
_READABLE_MAX = 4096


def readable_sessions(
    library: Library | None, records: list[PlannedSessionRecord]
) -> list[PlannedSessionRecord]:
    """Planned sessions as stored, or `Damaged` naming the first one that cannot be used."""
    for record in records:
        seen = _READABLE.get(id(record.session))
        if seen is not None and seen[0] is record.session and seen[1] is library:
            continue
        try:
            check_session(library, record.session, "session")
        except BadInput as exc:
            raise Damaged("planned_sessions", record.date, str(exc)) from exc
        if len(_READABLE) >= _READABLE_MAX:
            _READABLE.clear()
        _READABLE[id(record.session)] = (record.session, library)
    return records
