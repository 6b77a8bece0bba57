"""The export document's schema: strict, so a hand-edited or foreign file fails clearly."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from runlift.domain.log import MAX_STORED_INT

# Integers the store keeps in its columns (or hands to the coaching): within 32 bits everywhere.
Stored = Field(ge=-MAX_STORED_INT, le=MAX_STORED_INT)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LoadDoc(_Strict):
    value: float = Field(ge=0, allow_inf_nan=False)
    unit: Literal["kg", "lb"]


class TargetDoc(_Strict):
    exercise: str = Field(min_length=1, max_length=60)
    variant: str = Field(min_length=1, max_length=60)
    sets: int = Stored
    reps: tuple[Annotated[int, Stored], Annotated[int, Stored]] | None
    seconds: int | None = Stored
    load: LoadDoc | None
    rir: int | None = Field(default=None, ge=-MAX_STORED_INT, le=MAX_STORED_INT)
    tempo: str | None = Field(default=None, max_length=12)
    counts: bool = True


class SetDoc(_Strict):
    exercise: str = Field(min_length=1, max_length=60)
    variant: str = Field(min_length=1, max_length=60)
    set_number: int = Stored
    reps: int | None = Stored
    load: LoadDoc | None
    seconds: int | None = Stored
    rir: int | None = Stored
    target: TargetDoc | None
    client_id: str | None = Field(min_length=1, max_length=120)
    logged_at: dt.datetime


class SessionDoc(_Strict):
    date: dt.date
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    srpe: int | None = Stored
    notes: str | None
    client_id: str | None = Field(min_length=1, max_length=120)
    sets: list[SetDoc]


class PlannedDoc(_Strict):
    date: dt.date
    position: int = Field(ge=0, le=MAX_STORED_INT)
    week: int = Field(ge=0, le=MAX_STORED_INT)
    deload: bool
    title: str = Field(max_length=120)
    session: dict[str, Any]


class PlanDoc(_Strict):
    version: int = Field(ge=1, le=MAX_STORED_INT)
    start: dt.date
    created_at: dt.datetime
    profile_yaml: str
    plan: dict[str, Any]
    planned_sessions: list[PlannedDoc]


class RunDoc(_Strict):
    date: dt.date
    distance_m: float
    duration_s: int | None = Field(default=None, ge=-MAX_STORED_INT, le=MAX_STORED_INT)
    type: str | None = None
    source: str = Field(min_length=1, max_length=20)
    client_id: str | None = Field(default=None, min_length=1, max_length=120)
    logged_at: dt.datetime


class AthleteDoc(_Strict):
    name: str = Field(min_length=1, max_length=80)
    created_at: dt.datetime
    updated_at: dt.datetime
    profile_yaml: str
    plans: list[PlanDoc]
    sessions: list[SessionDoc]
    runs: list[RunDoc] = []


class ExportDoc(_Strict):
    format: Literal["runlift-export"]
    version: Literal[1]
    athletes: list[AthleteDoc]
