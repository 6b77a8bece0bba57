"""The profile YAML file: read it and check its shape; ids are checked by the profile service."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from runlift.domain.shown import shown
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
        return field, f"{shown(first.get('input'))} is not a date; use YYYY-MM-DD"
    if kind in ("model_type", "dict_type"):
        return field, f"expected a mapping of fields (got {shown(first.get('input'))})"
    return field, f"{first['msg']} (got {shown(first.get('input'))})"


# A profile is a screenful of YAML; these bounds are far beyond any real one and keep a hostile
# file (a billion-laughs alias bomb, 20,000 nested lists, megabytes) from costing time or memory.
MAX_PROFILE_CHARS = 64 * 1024
MAX_PROFILE_DEPTH = 16
MAX_NUMBER_CHARS = 30


class _Refused(yaml.YAMLError):
    """YAML the profile reader does not accept, with the line it was found at."""

    def __init__(self, message: str, mark: yaml.Mark | None) -> None:
        super().__init__(message)
        self.message = message
        self.problem_mark = mark


class _ProfileLoader(yaml.SafeLoader):
    """Safe YAML without anchors or aliases (what makes an alias bomb) and with a depth bound."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused("anchors and aliases (&, *) are not accepted", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_PROFILE_DEPTH:
                raise _Refused(
                    f"nested more than {MAX_PROFILE_DEPTH} levels deep", event.start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        """Integers as YAML reads them, refused past a length no profile value has."""
        if len(str(node.value)) > MAX_NUMBER_CHARS:
            raise _Refused(
                f"a number of {len(str(node.value))} characters is not accepted", node.start_mark
            )
        return super().construct_yaml_int(node)


def _timestamp_as_text(loader: _ProfileLoader, node: yaml.Node) -> str:
    """Dates stay text for the model to check: 2027-02-29 is then named as no date, not a crash."""
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


_ProfileLoader.add_constructor("tag:yaml.org,2002:int", _ProfileLoader.construct_yaml_int)
_ProfileLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _load_yaml(text: str, source: str) -> Any:
    """The YAML text as data, or ProfileFileError naming the source and the line."""
    if len(text) > MAX_PROFILE_CHARS:
        raise ProfileFileError(
            source, f"longer than {MAX_PROFILE_CHARS // 1024} KB; a profile is a short file"
        )
    loader: _ProfileLoader | None = None
    try:
        loader = _ProfileLoader(text)  # reading starts here: a NUL or control byte fails at once
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        if isinstance(exc, _Refused):
            raise ProfileFileError(source, f"{exc.message}{where}") from exc
        raise ProfileFileError(source, f"malformed YAML{where}") from exc
    except RecursionError as exc:  # the depth bound comes first; this is only a safety net
        raise ProfileFileError(source, f"nested more than {MAX_PROFILE_DEPTH} levels deep") from exc
    finally:
        if loader is not None:
            loader.dispose()


def parse_profile_text(text: str, source: str = "profile") -> ProfileIn:
    """Check the YAML text's shape and types."""
    data = _load_yaml(text, source)
    if not isinstance(data, dict):
        raise ProfileFileError(source, "expected a mapping of profile fields")
    try:
        return ProfileIn.model_validate(data)
    except ValidationError as exc:
        field, message = _message(exc)
        raise ProfileFileError(field, message) from exc
