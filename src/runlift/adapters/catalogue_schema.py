"""The YAML schema of catalogue files: strict, so a typo in a data file fails loudly."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from runlift.domain.anatomy import GROUP_OF_HEAD
from runlift.domain.vocab import (
    BlockKind,
    Category,
    Equipment,
    Impact,
    Injury,
    Level,
    MaxIntensity,
    MuscleGroup,
    Pattern,
    Status,
)

SLUG_RE = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_RE, max_length=60)]
Text = Annotated[str, Field(min_length=3, max_length=400)]
SEED_FILE_RE = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")


class Strict(BaseModel):
    """Base for every catalogue model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


def _check_range(value: tuple[int, int] | None, field: str) -> None:
    if value is not None and not 0 < value[0] <= value[1]:
        raise ValueError(f"{field} must be [low, high] with 0 < low <= high")


class DefaultDoseModel(Strict):
    sets: int = Field(ge=1, le=10)
    reps: tuple[int, int] | None = None
    seconds: int | None = Field(default=None, ge=5, le=1200)
    rest_seconds: int = Field(ge=0, le=600)
    per_side: bool = False

    @model_validator(mode="after")
    def _reps_or_seconds(self) -> DefaultDoseModel:
        _check_range(self.reps, "reps")
        if (self.reps is None) == (self.seconds is None):
            raise ValueError("give exactly one of reps or seconds")
        return self


class ExerciseModel(Strict):
    slug: Slug
    name: Annotated[str, Field(min_length=2, max_length=80)]
    aliases: list[Annotated[str, Field(min_length=2, max_length=80)]] = []
    status: Status = Status.ACTIVE
    replaced_by: Slug | None = None
    category: Category
    patterns: list[Pattern] = Field(min_length=1)
    primary_muscles: list[MuscleGroup] = Field(min_length=1)
    secondary_muscles: list[MuscleGroup] = []
    muscle_heads: list[str] = []
    equipment_options: list[list[Equipment]] = Field(min_length=1)
    unilateral: bool
    lower_body: bool
    level: Level
    max_intensity: MaxIntensity
    impact: Impact
    injuries: list[Injury] = []
    default: DefaultDoseModel
    easier: list[Slug] = []
    harder: list[Slug] = []
    steps: list[Text] = []
    cues: list[Text] = []
    mistakes: list[Text] = []
    sources: list[Annotated[str, Field(min_length=3)]] = Field(min_length=1)

    @field_validator("muscle_heads")
    @classmethod
    def _known_heads(cls, heads: list[str]) -> list[str]:
        unknown = [head for head in heads if head not in GROUP_OF_HEAD]
        if unknown:
            raise ValueError(f"unknown muscle heads {unknown}; accepted: {sorted(GROUP_OF_HEAD)}")
        return heads

    @field_validator("sources")
    @classmethod
    def _seed_names(cls, sources: list[str]) -> list[str]:
        for source in sources:
            if source.startswith("seed") and not SEED_FILE_RE.match(source.removeprefix("seed ")):
                raise ValueError(f"seed source {source!r} must be 'seed NNN_<16 hex>.txt'")
        return sources

    @model_validator(mode="after")
    def _consistent(self) -> ExerciseModel:
        overlap = set(self.primary_muscles) & set(self.secondary_muscles)
        if overlap:
            raise ValueError(f"muscles both primary and secondary: {sorted(overlap)}")
        if self.category is not Category.FOAM_ROLL and len(self.steps) < 3:
            raise ValueError("steps: at least 3 own-words steps are required")
        if self.status is Status.DEPRECATED and not self.replaced_by:
            raise ValueError("replaced_by is required for a deprecated exercise")
        if self.status is Status.ACTIVE and self.replaced_by:
            raise ValueError("replaced_by is only for deprecated exercises")
        if self.slug in self.easier or self.slug in self.harder:
            raise ValueError("an exercise cannot be its own easier or harder variant")
        if self.default.per_side and not self.unilateral:
            raise ValueError("default.per_side needs unilateral: true")
        return self


IntOrRange = int | tuple[int, int]


class ProgramItemModel(Strict):
    exercise: Slug
    sets: IntOrRange
    reps: tuple[int, int] | None = None
    seconds: int | None = Field(default=None, ge=5, le=3600)
    distance_m: int | None = Field(default=None, ge=50, le=10000)
    per_side: bool = False
    rest_seconds: IntOrRange
    note: str | None = None

    @model_validator(mode="after")
    def _dose(self) -> ProgramItemModel:
        _check_range(self.reps, "reps")
        sets = self.sets if isinstance(self.sets, tuple) else (self.sets, self.sets)
        rest = self.rest_seconds
        rest_range = rest if isinstance(rest, tuple) else (rest, rest)
        _check_range(sets, "sets")
        if not 0 <= rest_range[0] <= rest_range[1]:
            raise ValueError("rest_seconds must be >= 0, or [low, high] with low <= high")
        given = [v for v in (self.reps, self.seconds, self.distance_m) if v is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of reps, seconds or distance_m")
        return self


class ProgramBlockModel(Strict):
    kind: BlockKind
    title: str | None = None
    items: list[ProgramItemModel] = Field(min_length=1)


class ProgramModel(Strict):
    slug: Slug
    name: str
    summary: Text
    sources: list[str] = Field(min_length=1)
    rounds: int = Field(default=1, ge=1, le=10)
    rest_between_rounds: IntOrRange | None = None
    frequency: str | None = None
    notes: list[str] = []
    blocks: list[ProgramBlockModel] = Field(min_length=1)
