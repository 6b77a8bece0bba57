"""Request bodies of the API: strict (unknown fields are 422), bounded, validated further by
the services."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from runlift.domain.loads import Load
from runlift.domain.vocab import Units
from runlift.services.errors import BadInput


class Body(BaseModel):
    """Base of every request body: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class SignUp(Body):
    """A new account: e-mail, password (10+ characters), display name and role."""

    email: str = Field(max_length=254, examples=["ana@example.com"])
    password: str = Field(min_length=10, max_length=1024)
    name: str = Field(min_length=1, max_length=80)
    role: Literal["athlete", "coach", "both"] = "athlete"


class SignIn(Body):
    """E-mail and password for a bearer token; `name` labels the token in the list."""

    email: str = Field(max_length=254)
    password: str = Field(max_length=1024)
    name: str = Field(default="api", min_length=1, max_length=80)


class InvitationCode(Body):
    """A coach's invitation code, as the coach gave it."""

    code: str = Field(min_length=1, max_length=200)


class Move(Body):
    """Move the session standing on `date` to `to`, in the same week; `anyway` past a warning."""

    date: dt.date
    to: dt.date
    anyway: bool = False


class Skip(Body):
    """Skip the strength session standing on `date` (the plan goes on)."""

    date: dt.date


class NoteIn(Body):
    """A note on the session of `date` (up to 2000 characters)."""

    date: dt.date
    text: str = Field(min_length=1, max_length=2000)


class LoadIn(Body):
    """A load with its unit."""

    value: float = Field(ge=0, le=10_000, allow_inf_nan=False)
    unit: Literal["kg", "lb"]

    def load(self) -> Load:
        """As the domain's load."""
        return Load(self.value, Units(self.unit))


def load_of(given: LoadIn | None) -> Load | None:
    """The domain load of an optional body load."""
    return None if given is None else given.load()


class SetChange(Body):
    """New values for a logged set; fields left out keep their value."""

    reps: int | None = Field(default=None, ge=0, le=10_000)
    load: LoadIn | None = None
    seconds: int | None = Field(default=None, ge=0, le=86_400)
    rir: int | None = Field(default=None, ge=0, le=100)


class SetIn(SetChange):
    """One set done, with the id the client made for it so a retry stores nothing twice."""

    client_id: str = Field(min_length=1, max_length=120)
    exercise: str = Field(min_length=1, max_length=80)
    date: dt.date


class RunIn(Body):
    """One run done, in km or metres, with the id the client made for it (retries are safe)."""

    client_id: str = Field(min_length=1, max_length=120)
    date: dt.date
    distance_km: float | None = Field(default=None, gt=0, le=400, allow_inf_nan=False)
    distance_m: float | None = Field(default=None, gt=0, le=400_000, allow_inf_nan=False)
    minutes: float | None = Field(default=None, gt=0, le=6_000, allow_inf_nan=False)
    type: str | None = Field(default=None, max_length=20, examples=["easy"])

    def metres(self) -> float:
        """The distance in metres, from whichever of the two fields was given (exactly one)."""
        if self.distance_km is not None and self.distance_m is None:
            return self.distance_km * 1000
        if self.distance_m is not None and self.distance_km is None:
            return self.distance_m
        raise BadInput("distance_km", "give the distance as distance_km or distance_m, not both")

    def seconds(self) -> int | None:
        """The time taken in whole seconds, when given."""
        return None if self.minutes is None else round(self.minutes * 60)
