"""The profile YAML file: read it and check its shape; ids are checked by the profile service."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from runlift.services.suggest import closest

OwnedLoad = Annotated[float, Field(gt=0, allow_inf_nan=False)]


class ProfileFileError(ValueError):
    """The file is missing, unreadable or malformed; the message names the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RaceIn(_Strict):
    distance: str
    date: dt.date | None = None


class StrengthIn(_Strict):
    sessions_per_week: int = Field(ge=1, le=6)
    minutes_per_session: int = Field(ge=10, le=120)
    preferred_days: list[str] = []


class ProfileIn(_Strict):
    name: str = Field(default="runner", min_length=1, max_length=80)
    level: str
    style: str = "performance"
    units: str = "kg"
    body_mass: float | None = Field(default=None, gt=0)
    race: RaceIn | None = None
    strength: StrengthIn
    equipment: list[str]
    runs: dict[str, str]
    injuries: list[str] = []
    deload: str = "standard"
    age: int | None = Field(default=None, ge=10, le=100)
    lifting: str | None = None
    weights: dict[str, list[OwnedLoad]] = {}


def _keys_at(loc: tuple[int | str, ...]) -> list[str]:
    """The keys accepted in the mapping that holds the key at `loc`."""
    model: type[BaseModel] = ProfileIn
    for part in loc[:-1]:
        annotation = (
            model.model_fields[str(part)].annotation if str(part) in model.model_fields else None
        )
        nested = next(
            (
                a
                for a in (annotation, *getattr(annotation, "__args__", ()))
                if isinstance(a, type) and issubclass(a, BaseModel)
            ),
            None,
        )
        if nested is None:
            return []
        model = nested
    return list(model.model_fields)


def _unknown_key(loc: tuple[int | str, ...]) -> str:
    """'unknown key; did you mean equipment?', else the keys accepted there."""
    keys = _keys_at(loc)
    near = closest(str(loc[-1]), keys, limit=1, cutoff=70)
    if near:
        return f"unknown key; did you mean {near[0]}?"
    return "unknown key; accepted keys: " + ", ".join(keys)


def _message(error: ValidationError) -> tuple[str, str]:
    errors = error.errors()
    # A misspelt key also leaves its right spelling missing: name the misspelling first.
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    field = ".".join(str(part) for part in first["loc"]) or "profile"
    kind = first["type"]
    if kind == "extra_forbidden":
        return field, _unknown_key(tuple(first["loc"]))
    if kind == "missing":
        return field, "is required"
    if kind.startswith("date_"):
        return field, f"{_shown(first.get('input'))} is not a date; use YYYY-MM-DD"
    if kind in ("model_type", "dict_type"):
        return field, f"expected a mapping of fields (got {first.get('input')!r})"
    return field, f"{first['msg']} (got {first.get('input')!r})"


def _shown(value: object, limit: int = 40) -> str:
    """A value as the user wrote it, cut short so a huge one never floods the message."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _ProfileLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text: 2027-02-29 is then named as no date, not a crash."""


def _timestamp_as_text(loader: _ProfileLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


_ProfileLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def parse_profile_text(text: str, source: str = "profile") -> ProfileIn:
    """Check the YAML text's shape and types."""
    try:
        data: Any = yaml.load(text, Loader=_ProfileLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ProfileFileError(source, f"malformed YAML{where}") from exc
    if not isinstance(data, dict):
        raise ProfileFileError(source, "expected a mapping of profile fields")
    try:
        return ProfileIn.model_validate(data)
    except ValidationError as exc:
        field, message = _message(exc)
        raise ProfileFileError(field, message) from exc
