"""Request bodies of the API: strict (unknown fields are 422), bounded, validated further by
the services."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


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
